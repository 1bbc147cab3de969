import {describe, expect, it} from 'vitest';
import {formatInterval, meanInterval, tCritical} from '../../source/analysis/interval.js';
import {combineOrders} from '../../source/analysis/judgeVerdict.js';
import type {JudgeVerdict} from '../../source/analysis/judgePrompt.js';

describe('meanInterval', () => {
	it.each([
		[[6, 7, 8], {mean: 7, low: 4.52, high: 9.48, n: 3}],
		[[5, 5, 5], {mean: 5, low: 5, high: 5, n: 3}],
		// Clipped to the 0-10 scale.
		[[0, 10, 0], {mean: 3.33, low: 0, high: 10, n: 3}],
		// One market says nothing about the spread: the whole range.
		[[8], {mean: 8, low: 0, high: 10, n: 1}],
	])('%j -> %j', (values, expected) => {
		expect(meanInterval(values)).toEqual(expected);
	});

	it('uses t(0.975, 2) = 4.303 at three markets and has no interval without values', () => {
		expect(tCritical(2)).toBe(4.303);
		expect(meanInterval([])).toBeNull();
		expect(formatInterval(meanInterval([6, 7, 8]))).toBe('7.0 [4.5–9.5], n=3');
	});
});

describe('combineOrders', () => {
	type Score = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
	/** One order's answer: [response_1, response_2] per criterion (thesis, risk, consistency, actionability). */
	const order = (...pairs: Array<[Score, Score]>): JudgeVerdict => {
		const [thesis, risk, consistency, actionability] = pairs.map(([response_1, response_2]) => ({reason: 'r', response_1, response_2}));
		if (!thesis || !risk || !consistency || !actionability) throw new Error('four criteria');
		return {thesis, risk, consistency, actionability};
	};
	const same = (r1: Score, r2: Score): JudgeVerdict => order([r1, r2], [r1, r2], [r1, r2], [r1, r2]);

	// answerFirst shows the judged answer as Response 1; answerSecond shows it as Response 2.
	it.each([
		['parity at the top: both strong, a tie, no gap', same(9, 9), same(9, 9), 9, 9, 'tie'],
		['better in both orders: a win, its own score', same(9, 7), same(7, 9), 9, 7, 'win'],
		['worse in both orders: a loss', same(4, 9), same(9, 4), 4, 9, 'loss'],
		['the first position scored higher twice: a flip, so a tie', same(8, 7), same(8, 7), 7.5, 7.5, 'tie'],
		['won once, equal once: disagreement is a tie', same(9, 8), same(9, 9), 9, 8.5, 'tie'],
		['criteria differ: mean of the four, outcome by criteria won and lost', order([10, 8], [6, 8], [9, 9], [8, 6]), order([8, 10], [6, 8], [9, 9], [6, 8]), 8.5, 7.5, 'win'],
		['a one-point edge in one order only counts as the judge noise it is', same(10, 10), same(9, 10), 10, 9.5, 'tie'],
	])('%s', (_name, answerFirst, answerSecond, quality, baselineQuality, verdict) => {
		expect(combineOrders(answerFirst, answerSecond)).toMatchObject({quality, baselineQuality, verdict});
	});

	it('keeps per criterion both scores, the outcome and both reasons', () => {
		const combined = combineOrders(order([10, 8], [6, 8], [9, 9], [8, 6]), order([8, 10], [6, 8], [9, 9], [6, 8]));
		expect(combined.criteria.map((c) => [c.id, c.outcome, c.inconsistent, c.answerScore, c.baselineScore])).toEqual([
			['thesis', 'win', false, 10, 8],
			['risk', 'tie', true, 7, 7],
			['consistency', 'tie', false, 9, 9],
			['actionability', 'win', false, 8, 6],
		]);
		expect(combined.inconsistent).toBe(1);
		expect(combined.criteria[0]?.reasons).toEqual(['r', 'r']);
	});
});
