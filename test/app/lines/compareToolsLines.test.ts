import {describe, expect, it} from 'vitest';
import {compareLine, createCompareLines} from '../../../source/app/lines/compareLines.js';
import {toolsLine} from '../../../source/app/lines/toolsLines.js';
import {errorResponse, okResponse, scenario} from '../fixtures/compareEvents.js';

describe('compare lines', () => {
	it('prints one line per finished cell with its figures or its failure, nothing per delta', () => {
		expect(compareLine({type: 'compare:delta', subject: 'a:1b', role: 'bull', text: 'x', at: 1})).toBeNull();
		expect(compareLine({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response: okResponse('trader', 9.25, {words: 700, decision: 'SELL'})})).toBe(
			'  a:1b trader: quality 9.3 · 700 words · SELL (12.5 s)',
		);
		expect(compareLine({type: 'compare:cell-done', subject: 'claude:x', role: 'bear', response: errorResponse('bear', 'Claude is overloaded — retry later')})).toBe(
			'  Claude (baseline) bear: ERROR Claude is overloaded — retry later (1.0 s)',
		);
	});

	it('prints a cell once, when settled: not the judge’s provisional figures, not the baseline again for the next model', () => {
		const lines = createCompareLines();
		const provisional = okResponse('trader', 10, {words: 700, decision: 'BUY'});
		const final = okResponse('trader', 9.6, {words: 700, decision: 'BUY'});
		const printed = [
			lines({type: 'compare:cell-done', subject: 'claude:x', role: 'trader', response: provisional, settled: false}),
			lines({type: 'compare:cell-done', subject: 'claude:x', role: 'trader', response: final, settled: true}),
			// The next compare step posts the same baseline cell again.
			lines({type: 'compare:cell-done', subject: 'claude:x', role: 'trader', response: final, settled: true}),
			lines({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response: final}),
		].filter((line) => line !== null);
		expect(printed).toEqual(['  Claude (baseline) trader: quality 9.6 · 700 words · BUY (12.5 s)', '  a:1b trader: quality 9.6 · 700 words · BUY (12.5 s)']);
	});

	it('names a judged trader\'s relative score the way every surface does', () => {
		const response = {...okResponse('trader', 8.2, {words: 700, decision: 'BUY'}), scoreSource: 'judge' as const, relative: {mean: 8.4, low: 7.9, high: 8.9, n: 12}};
		expect(compareLine({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response})).toBe('  a:1b trader: quality 8.2 (judge) · relative to Claude 8.4 [7.9–8.9], n=12 · 700 words · BUY (12.5 s)');
	});

	it('says when the baseline is skipped and why', () => {
		expect(compareLine({type: 'compare:start', subjects: ['a:1b'], roles: ['bull', 'bear', 'trader'], baseline: 'skipped', baselineNote: 'ANTHROPIC_API_KEY is not set'})).toBe(
			'comparing 1 model on bull, bear, trader (baseline skipped: ANTHROPIC_API_KEY is not set)',
		);
	});
});

describe('tools lines', () => {
	it('prints each outcome with its reason, and each endpoint summary', () => {
		expect(toolsLine({type: 'tools:scenario-done', model: 'a:1b', endpoint: 'openai', outcome: scenario('no-leak', 'fail', 'leaked into text: {"name"…')})).toBe(
			'  a:1b openai no-leak: FAIL leaked into text: {"name"… (120 ms)',
		);
		expect(toolsLine({type: 'tools:endpoint-done', model: 'a:1b', endpoint: 'native', result: {supported: true, scenarios: [], passed: 4, total: 5}})).toBe('  a:1b native: 4/5 passed');
		expect(toolsLine({type: 'tools:scenario-start', model: 'a:1b', endpoint: 'native', scenario: 'single-call'})).toBeNull();
	});
});
