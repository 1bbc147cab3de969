// The line that says what runs beside the local step: the download and the Claude baseline.
import {describe, expect, it} from 'vitest';
import type {StepEvent} from '../../../source/experiment/events.js';
import {besideLines, initialBesideView, reduceBeside} from '../../../source/app/wizard/besideView.js';

const fold = (events: StepEvent[]) => events.reduce(reduceBeside, initialBesideView);
const progress = (completed: number): StepEvent => ({type: 'pull:progress', model: 'qwen2.5:32b', update: {status: 'pulling', layers: [], total: 200, completed, at: 0}});
const ok = {role: 'bull', status: 'ok'} as unknown as Extract<StepEvent, {type: 'compare:cell-done'}>['response'];

describe('besideLines', () => {
	it('names the download and its share while a local step runs, not on the pull screen', () => {
		const view = fold([{type: 'pull:start', model: 'qwen2.5:32b', expectedBytes: 200}, progress(87)]);
		expect(besideLines(view, 'compare')).toEqual(['Meanwhile: pulling qwen2.5:32b 43 %']);
		expect(besideLines(view, 'pull')).toEqual([]);
		expect(besideLines(reduceBeside(view, {type: 'pull:done', model: 'qwen2.5:32b', result: {status: 'pulled', bytes: 200, seconds: 1, at: ''}}), 'tools')).toEqual([]);
	});

	it('counts the baseline by role, once each, and drops the line when all three are answered', () => {
		const started = fold([
			{type: 'compare:cell-start', subject: 'claude:claude-sonnet-5-5', role: 'bull', at: 0},
			{type: 'compare:cell-start', subject: 'claude:claude-sonnet-5-5', role: 'trader', at: 0},
			{type: 'compare:cell-start', subject: 'qwen2.5:14b', role: 'bull', at: 0},
		]);
		expect(besideLines(started, 'tools')).toEqual(['Meanwhile: Claude baseline 0/3 answers; bull, trader streaming']);
		const bull = reduceBeside(started, {type: 'compare:cell-done', subject: 'claude:claude-sonnet-5-5', role: 'bull', response: ok});
		// A compare step re-shows the posted bull answer: still one answer.
		const again = reduceBeside(bull, {type: 'compare:cell-done', subject: 'claude:claude-sonnet-5-5', role: 'bull', response: ok});
		expect(besideLines(again, 'bench')).toEqual(['Meanwhile: Claude baseline 1/3 answers; trader streaming']);
		expect(besideLines(again, 'compare')).toEqual([]);
		const all = (['bear', 'trader'] as const).reduce(
			(view, role) => reduceBeside(view, {type: 'compare:cell-done', subject: 'claude:claude-sonnet-5-5', role, response: ok}),
			again,
		);
		expect(besideLines(all, 'tools')).toEqual([]);
	});
});
