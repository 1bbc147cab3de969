import {describe, expect, it} from 'vitest';
import {initialPullView, pullViewReducer, type PullView} from '../../../source/app/state/pullView.js';
import type {PullEvent} from '../../../source/experiment/events.js';
import type {LayerProgress} from '../../../source/providers/types.js';
import {PullAggregator, type PullLine} from '../../../source/providers/ollama/pullProgress.js';

const WEIGHTS = `sha256:${'a'.repeat(12)}${'0'.repeat(52)}`;
const TEMPLATE = `sha256:${'b'.repeat(12)}${'0'.repeat(52)}`;

function progress(layers: LayerProgress[], at: number): PullEvent {
	return {
		type: 'pull:progress',
		model: 'qwen2.5:32b',
		update: {status: 'pulling', layers, total: layers.reduce((s, l) => s + l.total, 0), completed: layers.reduce((s, l) => s + l.completed, 0), at},
	};
}

function fold(events: PullEvent[]): PullView {
	return events.reduce(pullViewReducer, initialPullView);
}

describe('pullViewReducer', () => {
	it('tracks per-layer bytes, MB/s and ETA, and the whole model against the expected size', () => {
		const view = fold([
			{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: 20e9},
			progress([{digest: WEIGHTS, total: 10e9, completed: 0}], 1000),
			progress([{digest: WEIGHTS, total: 10e9, completed: 1e9}], 3000),
		]);
		const layer = view.active[0]!;
		expect(layer.short).toBe('aaaaaaaaaaaa');
		expect(layer.bytesPerSecond).toBe(0.5e9);
		expect(layer.etaSeconds).toBe(18);
		expect(view.total).toBe(20e9);
		expect(view.completed).toBe(1e9);
		expect(view.etaSeconds).toBe(38);
	});

	it('does not count bytes already on disk from an earlier attempt in the whole-model rate', () => {
		// A retried pull: the weights move at 1 GB/s; a second layer shows up with 9 GB already there.
		const view = fold([
			{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: 20e9},
			progress([{digest: WEIGHTS, total: 10e9, completed: 0}], 1000),
			progress(
				[
					{digest: WEIGHTS, total: 10e9, completed: 2e9},
					{digest: TEMPLATE, total: 10e9, completed: 9e9},
				],
				3000,
			),
		]);
		expect(view.active.find((layer) => layer.digest === WEIGHTS)?.bytesPerSecond).toBe(1e9);
		expect(view.bytesPerSecond).toBe(1e9);
		expect(view.completed).toBe(11e9);
	});

	it('moves a finished layer to `finished` once, and shows an already-present layer as done at once', () => {
		const view = fold([
			{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: null},
			progress([{digest: TEMPLATE, total: 1482, completed: 1482}], 1000),
			progress(
				[
					{digest: TEMPLATE, total: 1482, completed: 1482},
					{digest: WEIGHTS, total: 10e9, completed: 5e9},
				],
				2000,
			),
		]);
		expect(view.finished.map((layer) => layer.digest)).toEqual([TEMPLATE]);
		expect(view.finished[0]?.cached).toBe(true);
		expect(view.active.map((layer) => layer.digest)).toEqual([WEIGHTS]);
	});

	it('says a present model was skipped, and carries the cancel note', () => {
		const present = fold([
			{type: 'pull:start', model: 'qwen2.5:14b', expectedBytes: 9e9},
			{type: 'pull:done', model: 'qwen2.5:14b', result: {status: 'present', bytes: 9e9, seconds: 0, at: 'now'}},
		]);
		expect(present.phase).toBe('present');
		expect(present.message).toContain('already installed');
		const canceled = fold([
			{type: 'pull:start', model: 'm:1b', expectedBytes: null},
			{type: 'pull:done', model: 'm:1b', result: {status: 'canceled', bytes: 1, seconds: 1, error: 'canceled — run again to resume', at: 'now'}},
		]);
		expect(canceled.phase).toBe('canceled');
		expect(canceled.message).toContain('resume');
	});

	it('folds an update that names its layer the same as one that lists every layer', () => {
		const lines: [PullLine, number][] = [
			[{status: 'pulling manifest'}, 500],
			[{status: 'pulling', digest: TEMPLATE, total: 1482, completed: 1482}, 1000],
			[{status: 'pulling', digest: WEIGHTS, total: 10e9}, 1000],
			[{status: 'pulling', digest: WEIGHTS, total: 10e9, completed: 4e9}, 3000],
			// Ollama repeats the last line of a finished layer.
			[{status: 'pulling', digest: TEMPLATE, total: 1482, completed: 1482}, 3500],
			[{status: 'pulling', digest: WEIGHTS, total: 10e9, completed: 10e9}, 4000],
			[{status: 'verifying sha256 digest'}, 4500],
		];
		const aggregator = new PullAggregator();
		const start: PullEvent = {type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: 11e9};
		const named = [start, ...lines.map(([line, at]): PullEvent => ({type: 'pull:progress', model: 'qwen2.5:32b', update: aggregator.update(line, at)}))];
		const listed = named.map((event): PullEvent => {
			if (event.type !== 'pull:progress') return event;
			const {changed: _changed, ...update} = event.update;
			return {...event, update};
		});
		const byName = fold(named);
		const byList = fold(listed);
		expect(byName.finished.map((layer) => layer.digest)).toEqual([TEMPLATE, WEIGHTS]);
		expect(byName).toEqual(byList);
		// The weights moved 10 GB between the first line (500 ms) and the last (4500 ms).
		expect(byName.bytesPerSecond).toBe(10e9 / 4);
	});
});
