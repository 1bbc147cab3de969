// Quality relative to Claude, as the seed meant it ("all-cloud scored 10.0 vs hybrid_qwen at 8.6";
// docs/DESIGN.md, Measurement rules): relative = 10 x local / Claude, both scored by the same judge in
// the same calls, so a lenient or a strict judge moves both and the ratio stays. The interval is the
// ratio estimator's (delta method) over every paired score: one pair per market and criterion, each
// the mean of both orders, so a fixed position offset cancels (docs/reference/judging.md §2, §4).
// Pairing with Claude's score from the same call removes the market's difficulty, which is what lets
// a clear pass or a clear miss be decided at three markets.
import type {RelativeInterval, ScenarioScore} from '../domain/schema.js';
import {tCritical} from './interval.js';
import {mean, sampleSd} from './stats.js';

/** One judged criterion of one market: the local answer's score and Claude's, from the same calls. */
export type PairedScore = {answer: number; baseline: number};

/** The judged pairs of one market, or why it has none. */
export type MarketPairs = {scenario: string; pairs: PairedScore[]; flips: number; judged: number};

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Relative can exceed 10 (better than Claude); the interval stays within 0..20, twice Claude. */
const RANGE = {min: 0, max: 20};

/**
 * 10 x mean(local) / mean(Claude) with its 95 % interval; null without pairs or when Claude scored
 * 0 everywhere (no ratio). One pair has no spread to measure: its interval is the whole range.
 */
export function relativeScore(pairs: readonly PairedScore[]): RelativeInterval | null {
	if (pairs.length === 0) return null;
	const a = mean(pairs.map((p) => p.answer));
	const b = mean(pairs.map((p) => p.baseline));
	if (b <= 0) return null;
	const ratio = a / b;
	const value = 10 * ratio;
	const clip = (v: number) => Math.min(RANGE.max, Math.max(RANGE.min, v));
	if (pairs.length === 1) return {mean: round2(value), low: RANGE.min, high: RANGE.max, n: 1};
	// Delta method for a ratio of means: se(a/b) = sd(a_i - ratio * b_i) / (sqrt(n) * mean(b)).
	const residuals = pairs.map((p) => p.answer - ratio * p.baseline);
	const se = sampleSd(residuals) / (Math.sqrt(pairs.length) * b);
	const half = 10 * tCritical(pairs.length - 1) * se;
	return {mean: round2(value), low: round2(clip(value - half)), high: round2(clip(value + half)), n: pairs.length};
}

/**
 * Integer scores round two equal answers apart, so a judge with a slight lean towards the first
 * position reverses a one-point verdict between the orders; only a larger swing says the position,
 * not the answer, decided.
 */
export const MIN_POSITION_EFFECT = 1.5;

/**
 * A verdict that reverses with the order: the answer wins when shown in one position and loses in
 * the other, by a position effect ((d1 - d2) / 2, d = answer - Claude per order) of at least
 * MIN_POSITION_EFFECT. Records from before the per-order scores were kept fall back to the judge's
 * own "inconsistent" flag.
 */
function flipped(criterion: NonNullable<ScenarioScore['judge']>['criteria'][number]): boolean {
	const [first, second] = criterion.byOrder ?? [];
	if (!first || !second) return criterion.inconsistent;
	const d1 = first.answer - first.baseline;
	const d2 = second.answer - second.baseline;
	const reversed = (d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0);
	return reversed && Math.abs(d1 - d2) / 2 >= MIN_POSITION_EFFECT;
}

/** The paired scores and order flips of one market's judged answer; null when it was not judged. */
export function marketPairs(score: ScenarioScore): MarketPairs | null {
	const judge = score.judge;
	if (score.status !== 'ok' || !judge || judge.status !== 'ok') return null;
	const pairs: PairedScore[] = [];
	let flips = 0;
	for (const criterion of judge.criteria) {
		if (criterion.answerScore === undefined || criterion.baselineScore === undefined) continue;
		pairs.push({answer: criterion.answerScore, baseline: criterion.baselineScore});
		if (flipped(criterion)) flips++;
	}
	return pairs.length === 0 ? null : {scenario: score.scenario, pairs, flips, judged: pairs.length};
}

/** The relative score of a role over its judged markets; null when none was judged. */
export function relativeOfScenarios(scores: readonly ScenarioScore[]): RelativeInterval | null {
	const pairs = scores.flatMap((score) => marketPairs(score)?.pairs ?? []);
	return relativeScore(pairs);
}

/** "9.6 [9.1–10.1], n=12" ("9.6, n=12" when every pair agrees): the relative score as every surface writes it. */
export function formatRelative(relative: RelativeInterval | null | undefined, digits = 1): string {
	if (!relative) return '–';
	const interval = relative.low === relative.high ? '' : ` [${relative.low.toFixed(digits)}–${relative.high.toFixed(digits)}]`;
	return `${relative.mean.toFixed(digits)}${interval}, n=${relative.n}`;
}
