import {describe, expect, it} from 'vitest';
import {formatRelative, relativeScore} from '../../source/analysis/relative.js';
import {judgeFailureKind, thresholdCheck, type CurrentScorer} from '../../source/analysis/thresholdCheck.js';
import type {ScoredResponse} from '../../source/domain/schema.js';
import {judgedTrader} from '../helpers/judgedRecord.js';

describe('relativeScore', () => {
	it('is 10 x local / Claude over the paired scores, with the ratio estimator interval', () => {
		expect(relativeScore([{answer: 9, baseline: 9}, {answer: 9, baseline: 9}])).toEqual({mean: 10, low: 10, high: 10, n: 2});
		const r = relativeScore([
			{answer: 8, baseline: 10},
			{answer: 7, baseline: 9},
			{answer: 9, baseline: 10},
		]);
		expect(r?.mean).toBeCloseTo(10 * (24 / 29), 2);
		expect(r && r.low < r.mean && r.mean < r.high).toBe(true);
		expect(formatRelative(r)).toMatch(/^8\.3 \[\d\.\d–\d+\.\d\], n=3$/);
	});

	it('has no value without pairs or when Claude scored 0, and the whole range from one pair', () => {
		expect(relativeScore([])).toBeNull();
		expect(relativeScore([{answer: 5, baseline: 0}])).toBeNull();
		expect(relativeScore([{answer: 8, baseline: 10}])).toEqual({mean: 8, low: 0, high: 20, n: 1});
	});
});

describe('judgeFailureKind', () => {
	it.each([
		['the judge refused to answer (stop_reason refusal)', 'refusal'],
		['the judge ran out of tokens (asked twice)', 'max_tokens'],
		["the judge's JSON does not match the schema (risk)", 'invalid output'],
		['the judge did not answer with JSON (asked twice)', 'invalid output'],
		['Claude rate limit reached (429) — retry later', 'rate limited'],
		['The Claude API rejected the request (400): temperature is not supported', 'rejected'],
		['something else', 'failed'],
	])('%s -> %s', (error, kind) => {
		expect(judgeFailureKind(error)).toBe(kind);
	});
});

// Three markets, four criteria each: a typical run. The answers' per-criterion scores vary a point,
// as a real judge's do, and the judge favours the first position by a point in the clear cases.
const PASS = judgedTrader([
	{answer: [9, 9, 8, 9], baseline: 9, position: 1},
	{answer: [9, 8, 9, 9], baseline: 9, position: 1},
	{answer: [9, 9, 9, 8], baseline: 9, position: 1},
]);
const PADDED = judgedTrader([
	{answer: [6, 7, 6, 6], baseline: 9, position: 1},
	{answer: [7, 6, 6, 5], baseline: 9, position: 1},
	{answer: [6, 6, 7, 6], baseline: [9, 9, 8, 9], position: 1},
]);
const STRADDLE = judgedTrader([
	{answer: [9, 10, 7, 8], baseline: 9},
	{answer: [7, 9, 10, 8], baseline: 9},
	{answer: [10, 7, 8, 9], baseline: 9},
]);

type Row = {
	name: string;
	trader: ScoredResponse | undefined;
	scorer?: CurrentScorer;
	outcome: 'meets' | 'misses' | 'inconclusive';
	reason: RegExp;
	value?: [number, number];
	flipRate?: number;
};

const table: Row[] = [
	{name: 'clear pass: as good as Claude at 3 markets is decided', trader: PASS, outcome: 'meets', reason: /relative 9\.7 \[9\.\d–10\.\d\], n=12 over 3 of 3 markets.*whole interval reaches/, value: [9.7, 9.75]},
	{name: 'clear miss: a padded answer at 3 markets is decided', trader: PADDED, outcome: 'misses', reason: /whole interval is below/, value: [6.8, 7.2]},
	{name: 'straddle: the interval crosses the threshold', trader: STRADDLE, outcome: 'inconclusive', reason: /straddles the threshold; more markets \(--scenarios\)/},
	{
		name: 'the judge failed for 1 of 3 markets: n does not shrink silently',
		trader: judgedTrader([{answer: 9, baseline: 9}, {judgeError: 'the judge refused to answer (stop_reason refusal) (asked twice)'}, {answer: 9, baseline: 9}]),
		outcome: 'inconclusive',
		reason: /1 of 3 markets have no judged score.*market-b: the judge failed \(refusal:/,
	},
	{
		name: 'a refusing judge on every market',
		trader: judgedTrader({judgeError: 'the judge refused to answer'}),
		outcome: 'inconclusive',
		reason: /3 of 3 markets have no judged score.*refusal/,
	},
	{
		name: 'position-biased judge (first=10, second=8): every model scores 9.0, and the flip rate says why that means nothing',
		trader: judgedTrader({byPosition: [10, 8]}),
		outcome: 'inconclusive',
		reason: /position-inconsistent: its verdict reversed with the order on 100 % of the criteria/,
		value: [10, 10],
		flipRate: 1,
	},
	{
		name: 'a two-point lean on equal answers is a position-inconsistent judge',
		trader: judgedTrader({answer: 8, baseline: 8, position: 2}),
		outcome: 'inconclusive',
		reason: /position-inconsistent.*100 %/,
	},
	{name: 'lenient judge giving everything 10/10', trader: judgedTrader({answer: 10, baseline: 10}), outcome: 'inconclusive', reason: /did not tell them apart/},
	{name: 'strict judge: an answer equal to Claude meets although both score 6.0', trader: judgedTrader({answer: 6, baseline: 6}), outcome: 'meets', reason: /relative 10\.0/},
	{name: 'lenient judge that still ranks: padded 8.5 vs Claude 10 misses', trader: judgedTrader({answer: 8.5, baseline: 10}), outcome: 'misses', reason: /relative 8\.5/},
	{
		name: 'compliance fails with a high score: never meets',
		trader: judgedTrader([{answer: 10, baseline: 9}, {answer: 10, baseline: 9, missing: ['stopLoss']}, {answer: 10, baseline: 9}]),
		outcome: 'misses',
		reason: /compliance fails: the trader answer for market-b has no stop-loss/,
	},
	{
		name: 'compliance fails and the judge failed: the compliance failure decides',
		trader: judgedTrader([{judgeError: 'rate limit (429)', missing: ['decision', 'sizing']}, {answer: 9}, {answer: 9}]),
		outcome: 'misses',
		reason: /no decision line, no position sizing/,
	},
	{
		name: 'an answer failed on one market',
		trader: judgedTrader([{answer: 9}, {answerError: 'the model ran out of memory'}, {answer: 9}]),
		outcome: 'inconclusive',
		reason: /market-b: the answer failed \(the model ran out of memory\)/,
	},
	{
		name: 'resumed with another judge: the old scores are stale, not read',
		trader: PASS,
		scorer: {kind: 'judge', judgeModel: 'claude-opus-5'},
		outcome: 'inconclusive',
		reason: /stale score: judged by claude-sonnet-5-5, but this run judges with claude-opus-5/,
	},
	{name: 'resumed with the same judge', trader: PASS, scorer: {kind: 'judge', judgeModel: 'claude-sonnet-5-5'}, outcome: 'meets', reason: /whole interval reaches/},
	{name: 'resumed offline after judging: stale', trader: PASS, scorer: {kind: 'rubric'}, outcome: 'inconclusive', reason: /this run uses the offline rubric/},
	{
		name: 'scored only by the offline rubric: the threshold does not apply',
		trader: judgedTrader({answer: 9}, {source: 'rubric'}),
		outcome: 'inconclusive',
		reason: /offline rubric, a format-and-grounding check/,
	},
	{name: 'not measured', trader: undefined, outcome: 'inconclusive', reason: /not been answered/},
];

describe('thresholdCheck', () => {
	it.each(table)('$name', (row) => {
		const result = thresholdCheck({trader: row.trader, threshold: 9, ...(row.scorer ? {scorer: row.scorer} : {})});
		expect(result.outcome).toBe(row.outcome);
		expect(result.basis).toBe('relative');
		expect(result.threshold).toBe(9);
		expect(result.reasons.join(' ')).toMatch(row.reason);
		if (row.value) {
			expect(result.value).toBeGreaterThanOrEqual(row.value[0]);
			expect(result.value).toBeLessThanOrEqual(row.value[1]);
		}
		if (row.flipRate !== undefined) expect(result.flipRate).toBe(row.flipRate);
	});

	it('a one-point lean towards the first position is rounding, not a flip: a clear pass stays decided', () => {
		const result = thresholdCheck({trader: PASS, threshold: 9});
		expect(result.flipRate).toBe(0);
		expect(result.n).toBe(12);
		expect(result.markets).toBe(3);
	});

	it('a compliance failure misses, and a judge that could not judge is still named beside it', () => {
		const result = thresholdCheck({trader: judgedTrader({byPosition: [10, 8], missing: ['target']}), threshold: 9});
		expect(result.outcome).toBe('misses');
		expect(result.judgeUsable).toBe(false);
		expect(result.reasons[0]).toMatch(/^compliance fails: .*no target/);
		expect(result.reasons[1]).toMatch(/position-inconsistent/);
		expect(thresholdCheck({trader: PASS, threshold: 9}).judgeUsable).toBe(true);
	});

	it('falls back to the judge\'s inconsistent flag for records without per-order scores', () => {
		const old = judgedTrader({byPosition: [10, 8]});
		for (const s of old.scenarios ?? []) for (const c of s.judge?.criteria ?? []) delete c.byOrder;
		expect(thresholdCheck({trader: old, threshold: 9}).outcome).toBe('inconclusive');
		expect(thresholdCheck({trader: old, threshold: 9}).flipRate).toBe(1);
	});
});
