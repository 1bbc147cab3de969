import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {PullScreen} from '../../../source/app/screens/pullScreen.js';
import {initialPullView, pullViewReducer, type PullView} from '../../../source/app/state/pullView.js';
import type {PullEvent} from '../../../source/experiment/events.js';
import type {LayerProgress} from '../../../source/providers/types.js';

afterEach(() => cleanup());

const WEIGHTS = `sha256:eabc98a9bcbf${'0'.repeat(52)}`;
const TEMPLATE = `sha256:66b9ea09bd5b${'0'.repeat(52)}`;

function progress(layers: LayerProgress[], at: number): PullEvent {
	return {
		type: 'pull:progress',
		model: 'qwen2.5:32b',
		update: {status: `pulling ${layers[layers.length - 1]!.digest.slice(7, 19)}`, layers, total: layers.reduce((s, l) => s + l.total, 0), completed: layers.reduce((s, l) => s + l.completed, 0), at},
	};
}

function fold(events: PullEvent[]): PullView {
	return events.reduce(pullViewReducer, initialPullView);
}

function lines(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

describe('PullScreen', () => {
	it('shows per-layer and whole-model progress, and finished layers as done', () => {
		const start: PullEvent = {type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: 19_851_349_669};
		const view = fold([
			start,
			progress([{digest: TEMPLATE, total: 1482, completed: 1482}], 0),
			progress([{digest: TEMPLATE, total: 1482, completed: 1482}, {digest: WEIGHTS, total: 19_851_347_000, completed: 0}], 0),
			progress([{digest: TEMPLATE, total: 1482, completed: 1482}, {digest: WEIGHTS, total: 19_851_347_000, completed: 7_940_538_800}], 20_000),
		]);
		const {lastFrame} = render(<PullScreen view={view} animate={false} simulated={false} />);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('Pull qwen2.5:32b');
		expect(frame).toMatch(/✓ 66b9ea09bd5b\s+1\.5 kB\s+done/);
		const layerRow = lines(frame).find((line) => line.includes('eabc98a9bcbf'));
		expect(layerRow).toMatch(/ 40%\s+7\.9\/19\.9 GB\s+397\.0 MB\/s\s+ETA 30s/);
		const wholeRow = lines(frame).find((line) => line.includes('whole model'));
		expect(wholeRow).toMatch(/ 40%\s+7\.9\/19\.9 GB/);
		for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('prints a layer in <Static> once it completes, and keeps it there', () => {
		const base: PullEvent[] = [{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: null}, progress([{digest: WEIGHTS, total: 100e6, completed: 50e6}], 1000)];
		const {lastFrame, rerender, frames} = render(<PullScreen view={fold(base)} animate={false} simulated={false} />);
		expect(lastFrame()).not.toContain('✓ eabc98a9bcbf');
		const done = fold([...base, progress([{digest: WEIGHTS, total: 100e6, completed: 100e6}], 2000)]);
		rerender(<PullScreen view={done} animate={false} simulated={false} />);
		expect(frames.join('\n')).toContain('✓ eabc98a9bcbf  100.0 MB  done');
		expect(lines(lastFrame()).some((line) => line.includes('eabc98a9bcbf') && line.includes('%'))).toBe(false);
	});

	it('says a present model is skipped, labelled SIMULATED in the demo', () => {
		const view = fold([
			{type: 'pull:start', model: 'qwen2.5:14b', expectedBytes: 8_988_124_069},
			{type: 'pull:done', model: 'qwen2.5:14b', result: {status: 'present', bytes: 8_988_124_069, seconds: 0, at: 'now'}},
		]);
		const {lastFrame} = render(<PullScreen view={view} animate={false} simulated />);
		expect(lastFrame()).toContain('[SIMULATED]');
		expect(lastFrame()).toContain('qwen2.5:14b is already installed — pull skipped.');
		expect(lastFrame()).not.toContain('whole model');
	});

	it('shows the failure or cancel message from the step', () => {
		const view = fold([
			{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: null},
			progress([{digest: WEIGHTS, total: 100e6, completed: 10e6}], 1000),
			{type: 'pull:done', model: 'qwen2.5:32b', result: {status: 'canceled', bytes: 10e6, seconds: 1, error: 'Pull of qwen2.5:32b canceled — run `trifecta pull qwen2.5:32b` again to resume', at: 'now'}},
		]);
		const {lastFrame} = render(<PullScreen view={view} animate={false} simulated={false} cancelHint />);
		expect(lastFrame()).toContain('again to resume');
		expect(lastFrame()).not.toContain('Esc or Ctrl+C cancels');
	});
});
