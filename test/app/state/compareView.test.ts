import {describe, expect, it} from 'vitest';
import {initialCompareView, reduceCompareView, runningElapsedSeconds, TAIL_CHARS, type CompareView} from '../../../source/app/state/compareView.js';
import type {CompareEvent} from '../../../source/experiment/events.js';
import {errorResponse, okResponse} from '../fixtures/compareEvents.js';

function fold(events: CompareEvent[], from: CompareView = initialCompareView): CompareView {
	return events.reduce(reduceCompareView, from);
}

const start: CompareEvent = {type: 'compare:start', subjects: ['claude:sonnet', 'qwen2.5:14b'], roles: ['bull', 'bear', 'trader'], baseline: 'run', baselineNote: null};

describe('reduceCompareView', () => {
	it('starts every cell waiting, in subject order with the baseline first', () => {
		const view = fold([start]);
		expect(view.subjects).toEqual(['claude:sonnet', 'qwen2.5:14b']);
		expect(view.cells['qwen2.5:14b']?.trader).toEqual({status: 'waiting'});
	});

	it('moves a cell from running to its scored response and clears the running prompt', () => {
		const running = fold([start, {type: 'compare:cell-start', subject: 'qwen2.5:14b', role: 'bull', at: 1000}]);
		expect(running.cells['qwen2.5:14b']?.bull).toEqual({status: 'running'});
		expect(running.running).toMatchObject({subject: 'qwen2.5:14b', role: 'bull'});
		const done = fold([{type: 'compare:cell-done', subject: 'qwen2.5:14b', role: 'bull', response: okResponse('bull', 7.5)}], running);
		expect(done.cells['qwen2.5:14b']?.bull).toMatchObject({status: 'done', response: {score: 7.5}});
		expect(done.running).toBeNull();
	});

	it('keeps only a bounded tail of the streamed text and the elapsed time from the events', () => {
		let view = fold([start, {type: 'compare:cell-start', subject: 'qwen2.5:14b', role: 'bear', at: 1000}]);
		for (let index = 0; index < 300; index++) view = reduceCompareView(view, {type: 'compare:delta', subject: 'qwen2.5:14b', role: 'bear', text: `w${index} `, at: 1000 + index * 10});
		expect(view.running?.tail.length).toBe(TAIL_CHARS);
		expect(view.running?.tail.endsWith('w299 ')).toBe(true);
		expect(runningElapsedSeconds(view.running ?? {subject: '', role: 'bull', startedAt: 0, lastAt: 0, tail: ''})).toBeCloseTo(2.99);
	});

	it('ignores deltas of a prompt that is no longer running', () => {
		const view = fold([start, {type: 'compare:delta', subject: 'qwen2.5:14b', role: 'bull', text: 'late', at: 5}]);
		expect(view.running).toBeNull();
	});

	it('records a skipped baseline with its reason, and failed cells with theirs', () => {
		const view = fold([
			{...start, subjects: ['qwen2.5:14b'], baseline: 'skipped', baselineNote: '--no-claude'},
			{type: 'compare:cell-done', subject: 'qwen2.5:14b', role: 'bear', response: errorResponse('bear', 'model ran out of memory')},
		]);
		expect(view).toMatchObject({baseline: 'skipped', baselineNote: '--no-claude'});
		expect(view.cells['qwen2.5:14b']?.bear).toMatchObject({status: 'done', response: {status: 'error', error: 'model ran out of memory'}});
	});
});

describe('warnings', () => {
	it('shows each warning once however often it is sent', () => {
		const warning = {type: 'warning', message: "The model 'claude-sonnet-4-5' is deprecated"} as const;
		const view = [warning, warning].reduce(reduceCompareView, initialCompareView);
		expect(view.warnings).toEqual(["The model 'claude-sonnet-4-5' is deprecated"]);
	});
});
