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
	const all = (better: 'response_1' | 'response_2' | 'tie'): JudgeVerdict => ({
		thesis: {reason: 'r', better},
		risk: {reason: 'r', better},
		consistency: {reason: 'r', better},
		actionability: {reason: 'r', better},
	});

	it.each([
		['won in both orders', all('response_1'), all('response_2'), 10, 'win'],
		['lost in both orders', all('response_2'), all('response_1'), 0, 'loss'],
		['ties', all('tie'), all('tie'), 5, 'tie'],
		['the first position won twice: a flip, so a tie', all('response_1'), all('response_1'), 5, 'tie'],
		['won once, tied once: disagreement is a tie', all('response_1'), all('tie'), 5, 'tie'],
	])('%s', (_name, answerFirst, answerSecond, quality, verdict) => {
		expect(combineOrders(answerFirst, answerSecond)).toMatchObject({quality, verdict});
	});
});
