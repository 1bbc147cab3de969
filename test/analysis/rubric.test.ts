import {describe, expect, it} from 'vitest';
import {DEBATE_WEIGHTS, RUBRIC_VERSION, TRADER_WEIGHTS, relativeToBaseline, scoreResponse} from '../../source/analysis/rubric.js';
import {traderReply} from '../../source/simulator/replyTrader.js';
import {
	BARE_LIST_AND_FILLER,
	BEARISH_THEN_BUY,
	BULL_PADDED,
	CONCISE_COMPLETE,
	CONCISE_PLUS_REPEATS,
	CONTEXT,
	KEYWORD_STUFFED,
} from './fixtures/gamedTexts.js';

const trader = (text: string) => scoreResponse({role: 'trader', text, context: CONTEXT});
const points = (result: ReturnType<typeof scoreResponse>) => Object.fromEntries(result.dimensions.map((d) => [d.id, d.points]));

const GAMED: Record<string, string> = {
	'bare list and filler x40': BARE_LIST_AND_FILLER,
	'bearish argument then BUY': BEARISH_THEN_BUY,
	'concise answer plus a sentence x45': CONCISE_PLUS_REPEATS,
	'keyword stuffing': KEYWORD_STUFFED,
};

describe('scoreResponse: the texts that gamed the old rubric', () => {
	it('uses weights that sum to 10', () => {
		const sum = (weights: Record<string, number>) => Object.values(weights).reduce((a, b) => a + b, 0);
		expect(sum(TRADER_WEIGHTS)).toBe(10);
		expect(sum(DEBATE_WEIGHTS)).toBe(10);
	});

	it('gives the concise, complete, grounded answer (about 520 characters) at least 9', () => {
		expect(CONCISE_COMPLETE.length).toBeGreaterThan(480);
		expect(CONCISE_COMPLETE.length).toBeLessThan(560);
		expect(trader(CONCISE_COMPLETE).score).toBeGreaterThanOrEqual(9);
	});

	it.each(Object.entries(GAMED))('keeps "%s" below 9 and below the concise answer', (_name, text) => {
		const gamed = trader(text).score;
		expect(gamed).toBeLessThan(9);
		expect(gamed).toBeLessThan(trader(CONCISE_COMPLETE).score);
	});

	it('keeps the padded bull (context twice, "the bear argues" x3, "Buy it." x400) below 9', () => {
		expect(scoreResponse({role: 'bull', text: BULL_PADDED, context: CONTEXT}).score).toBeLessThan(9);
	});

	it('takes points for repetition: the concise answer plus repeats scores below the answer alone', () => {
		const padded = trader(CONCISE_PLUS_REPEATS);
		expect(points(padded)['padding']).toBeLessThan(-2);
		expect(padded.dimensions.find((d) => d.id === 'padding')?.note).toMatch(/4\d repeated/);
	});

	it('gives bare lists of context numbers no thesis credit', () => {
		expect(points(trader(BARE_LIST_AND_FILLER))['thesis']).toBe(0);
		expect(points(trader(KEYWORD_STUFFED))['thesis']).toBe(0);
	});

	it('takes all consistency points from a bearish case that ends in BUY', () => {
		const result = trader(BEARISH_THEN_BUY);
		expect(points(result)['consistency']).toBe(0);
		expect(result.dimensions.find((d) => d.id === 'consistency')?.note).toMatch(/bearish.*yet BUY/);
	});

	it('does not mark a complete answer down for being concise: the long simulated Claude answer earns no more', () => {
		const claude = trader(traderReply('claude-sonnet-4-5', 'excellent'));
		expect(claude.score).toBeGreaterThanOrEqual(9);
		expect(trader(CONCISE_COMPLETE).score).toBeGreaterThanOrEqual(claude.score - 0.5);
	});
});

describe('scoreResponse: risk sanity', () => {
	const withLevels = (entry: string, stop: string, target: string, sizing = '3% of portfolio') =>
		CONCISE_COMPLETE.replace('$269.80', entry).replace('$262.00', stop).replace('$295.40', target).replace('3% of portfolio', sizing);

	it.each([
		['stop above entry on a BUY', withLevels('$269.80', '$275.00', '$295.40'), 'stopSide'],
		['stop 40 ATR away', withLevels('$269.80', '$60.00', '$295.40'), 'stopDistance'],
		['reward smaller than risk', withLevels('$269.80', '$255.00', '$272.00'), 'rewardRisk'],
		['half the portfolio in one name', withLevels('$269.80', '$262.00', '$295.40', '50% of portfolio'), 'sizeCap'],
	])('fails %s', (_name, text, id) => {
		expect(points(trader(text))[id]).toBe(0);
		expect(trader(text).score).toBeLessThan(trader(CONCISE_COMPLETE).score);
	});
});

describe('scoreResponse: records', () => {
	it('returns compliance checks beside the score, not folded into it', () => {
		const result = scoreResponse({role: 'trader', text: 'Buy Apple.', context: CONTEXT});
		expect(result.compliance.checks.map((c) => c.id)).toEqual(['grounded', 'decision', 'stopLoss', 'target', 'sizing', 'horizon', 'coherent']);
		expect(result.compliance.passed).toBe(0);
		expect(result.version).toBe(RUBRIC_VERSION);
	});

	it('computes the score relative to the baseline', () => {
		expect(relativeToBaseline(8, 10)).toBe(0.8);
		expect(relativeToBaseline(8, null)).toBeNull();
		expect(relativeToBaseline(8, 0)).toBeNull();
	});
});
