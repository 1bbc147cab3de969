import {describe, expect, it} from 'vitest';
import {DEBATE_WEIGHTS, RUBRIC_VERSION, TRADER_WEIGHTS, relativeToBaseline, scoreResponse} from '../../source/analysis/rubric.js';
import {traderReply} from '../../source/simulator/replyTrader.js';
import {
	ADDRESSES_THE_JUDGE,
	BARE_LIST_AND_FILLER,
	BEARISH_THEN_BUY,
	BULL_PADDED,
	CONCISE_COMPLETE,
	CONCISE_PLUS_REPEATS,
	CONTEXT,
	FALSE_CLAIMS,
	FIGURE_SALAD,
	FIGURE_SALAD_BULLISH,
	KEYWORD_STUFFED,
	OTHER_TICKER,
	PRICES_TEN_TIMES,
} from './fixtures/gamedTexts.js';

const trader = (text: string) => scoreResponse({role: 'trader', text, context: CONTEXT});
const points = (result: ReturnType<typeof scoreResponse>) => Object.fromEntries(result.dimensions.map((d) => [d.id, d.points]));

const GAMED: Record<string, string> = {
	'bare list and filler x40': BARE_LIST_AND_FILLER,
	'bearish argument then BUY': BEARISH_THEN_BUY,
	'concise answer plus a sentence x45': CONCISE_PLUS_REPEATS,
	'keyword stuffing': KEYWORD_STUFFED,
	'every price ten times the market': PRICES_TEN_TIMES,
	'a figure salad joined by is/while/so': FIGURE_SALAD,
	'the figure salad plus one bullish sentence': FIGURE_SALAD_BULLISH,
	'false claims about the context': FALSE_CLAIMS,
	"AAPL's figures relabelled as MSFT": OTHER_TICKER,
	'a note asking the grader for 10/10': ADDRESSES_THE_JUDGE,
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

describe('scoreResponse: the holes of rubric v2', () => {
	// Under rubric v2 these scored 8.5-10; each now misses 9 by a wide margin, and says why.
	it.each([
		['every price ten times the market', PRICES_TEN_TIMES, 'market', /entry 2,698 is \d+ ATR from the last price 271.35/],
		['a figure salad joined by is/while/so', FIGURE_SALAD, 'padding', /4 strung-together context figures/],
		['the figure salad plus one bullish sentence', FIGURE_SALAD_BULLISH, 'thesis', /used in 1 reasoning sentence/],
		['false claims about the context', FALSE_CLAIMS, 'market', /above \$288\.62.*below it; calls an RSI of 58\.4 oversold.*; says 2\.1% up; the context has it down; 3 more misstatement/],
		["AAPL's figures relabelled as MSFT", OTHER_TICKER, 'market', /about MSFT, not AAPL/],
		['a note asking the grader for 10/10', ADDRESSES_THE_JUDGE, 'grader', /2 sentence\(s\) addressed to the grader/],
	])('%s: at most 6.5, with the reason in its note', (_name, text, id, note) => {
		const result = trader(text);
		expect(result.score).toBeLessThanOrEqual(6.5);
		expect(result.dimensions.find((d) => d.id === id)?.note).toMatch(note);
	});

	it('gives the salad sentences no thesis credit: context labels joined by a connective are not reasoning', () => {
		expect(points(trader(FIGURE_SALAD))['thesis']).toBe(0);
	});

	it('marks a misstated figure down in the thesis too', () => {
		expect(trader(FALSE_CLAIMS).dimensions.find((d) => d.id === 'thesis')?.note).toMatch(/\d misstated/);
	});

	it('leaves honest answers untouched: no market or grader penalty on the concise answer or on any simulated tier', () => {
		for (const text of [CONCISE_COMPLETE, BEARISH_THEN_BUY, traderReply('qwen2.5:32b', 'excellent'), traderReply('qwen2.5:14b', 'good')]) {
			expect(points(trader(text))['market']).toBe(0);
			expect(points(trader(text))['grader']).toBe(0);
		}
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
		expect(result.dimensions.map((d) => d.id)).toEqual(['thesis', 'stopSide', 'stopDistance', 'rewardRisk', 'sizeCap', 'horizon', 'consistency', 'depth', 'padding', 'grader', 'market']);
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
