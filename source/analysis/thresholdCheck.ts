// The one rule that says whether a model's trader answers reach the threshold (docs/DESIGN.md,
// Measurement rules): meets, misses or inconclusive, with the reasons in sentences. It reads the
// relative score (10 x local / Claude on the same judge calls), never an absolute judge level, and
// compliance gates it: an answer the pipeline cannot use never meets, whatever the judge thought.
// Evidence that cannot decide (a straddling interval, markets the judge failed on, a judge whose
// verdicts follow the position, scores from another judge) leaves it inconclusive, and says which.
import type {Compliance, ResultsFile, ScenarioScore, ScoredResponse, ThresholdCheck} from '../domain/schema.js';
import {formatRelative, marketPairs, relativeScore} from './relative.js';

/** The fields the pipeline needs from a trader answer (docs/reference/tradingagents.md). */
export const REQUIRED_CHECKS = [
	{id: 'decision', missing: 'no decision line'},
	{id: 'stopLoss', missing: 'no stop-loss'},
	{id: 'target', missing: 'no target'},
	{id: 'sizing', missing: 'no position sizing'},
] as const;

/** The seed's ">= 9.0 on the trader prompt": within 10 % of Claude. */
export const DEFAULT_THRESHOLD = 9.0;

/** More than this share of criteria reversing with the order: the judge follows the position. */
export const MAX_FLIP_RATE = 0.5;

export type JudgeFailureKind = 'refusal' | 'max_tokens' | 'invalid output' | 'rate limited' | 'rejected' | 'failed';

/** The failure kind named in a judge error, as the Claude adapter and the judge word it. */
export function judgeFailureKind(error: string): JudgeFailureKind {
	if (/refus/i.test(error)) return 'refusal';
	if (/max_tokens|out of tokens|cut (off )?at/i.test(error)) return 'max_tokens';
	if (/rate.?limit|\b429\b|overloaded|\b529\b/i.test(error)) return 'rate limited';
	if (/rejected|\b400\b|bad request/i.test(error)) return 'rejected';
	if (/json|schema|invalid output/i.test(error)) return 'invalid output';
	return 'failed';
}

/** The scorer in use now: a stored score from another one is stale, never read as current. */
export type CurrentScorer = {kind: 'judge'; judgeModel: string} | {kind: 'rubric'};

export type ThresholdInput = {
	trader: ScoredResponse | undefined;
	threshold: number;
	/** Absent: whatever scored the record is taken as current. */
	scorer?: CurrentScorer;
};

/** The required fields one answer lacks, as short phrases ("no stop-loss"). */
export function missingFields(compliance: Compliance | null | undefined): string[] {
	if (!compliance) return [];
	return REQUIRED_CHECKS.filter(({id}) => compliance.checks.some((check) => check.id === id && check.pass === false)).map(({missing}) => missing);
}

function complianceFailures(trader: ScoredResponse): string[] {
	const scenarios = trader.scenarios ?? [];
	if (scenarios.length === 0) {
		const missing = missingFields(trader.compliance);
		return missing.length === 0 ? [] : [`the trader answer has ${missing.join(', ')}`];
	}
	return scenarios.flatMap((score) => {
		const missing = score.status === 'ok' ? missingFields(score.compliance) : [];
		return missing.length === 0 ? [] : [`the trader answer for ${score.scenario} has ${missing.join(', ')}`];
	});
}

function staleScorer(trader: ScoredResponse, scorer: CurrentScorer | undefined): string | null {
	if (!scorer || !trader.scorer) return null;
	const stored = trader.scorer;
	if (scorer.kind === 'rubric') return stored.kind === 'judge' ? `scored by the judge ${stored.judgeModel ?? ''}, but this run uses the offline rubric`.replace('  ', ' ') : null;
	if (stored.kind === 'rubric') return `scored by the offline rubric, but this run judges with ${scorer.judgeModel}`;
	return stored.judgeModel === scorer.judgeModel ? null : `judged by ${stored.judgeModel ?? 'another judge'}, but this run judges with ${scorer.judgeModel}`;
}

/** Why a market gave no judged pairs, or null when it did. */
function marketFailure(score: ScenarioScore): string | null {
	if (score.status !== 'ok') return `${score.scenario}: the answer failed (${score.error ?? 'no answer'})`;
	const judge = score.judge;
	if (!judge) return `${score.scenario}: not judged (no Claude answer to compare with)`;
	if (judge.status === 'failed') {
		const error = (judge.error ?? 'failed').replace(/^judge failed:\s*/, '');
		return `${score.scenario}: the judge failed (${judgeFailureKind(error)}: ${error.length > 120 ? `${error.slice(0, 119)}…` : error})`;
	}
	return null;
}

function percent(share: number): string {
	return `${Math.round(share * 100)} %`;
}

function check(threshold: number, outcome: ThresholdCheck['outcome'], reasons: string[], extra: Partial<ThresholdCheck> = {}): ThresholdCheck {
	return {basis: 'relative', value: null, low: null, high: null, threshold, outcome, reasons, flipRate: null, ...extra};
}

export function thresholdCheck(input: ThresholdInput): ThresholdCheck {
	const {trader, threshold} = input;
	if (!trader) return check(threshold, 'inconclusive', ['the trader prompt has not been answered and judged yet']);
	if (trader.status !== 'ok') return check(threshold, 'inconclusive', [`the trader answers failed: ${trader.error ?? 'no answer'}`]);
	const scenarios = trader.scenarios ?? [];
	const measured = scenarios.map(marketPairs).filter((m): m is NonNullable<typeof m> => m !== null);
	const pairs = measured.flatMap((m) => m.pairs);
	const relative = relativeScore(pairs);
	const judged = measured.reduce((sum, m) => sum + m.judged, 0);
	const flipRate = judged === 0 ? null : measured.reduce((sum, m) => sum + m.flips, 0) / judged;
	const figures: Partial<ThresholdCheck> = {
		value: relative?.mean ?? null,
		low: relative?.low ?? null,
		high: relative?.high ?? null,
		n: relative?.n ?? 0,
		markets: scenarios.length,
		flipRate,
	};
	// What keeps the judge's evidence from deciding anything, whatever the outcome: said even when
	// compliance decides, so no one escalates on a judge that could not judge.
	const judgeIssues: string[] = [];
	const failures = scenarios.map(marketFailure).filter((f): f is string => f !== null);
	const judgedAtAll = trader.scoreSource === 'judge' && scenarios.some((s) => s.judge);
	if (judgedAtAll && failures.length > 0) judgeIssues.push(`${failures.length} of ${scenarios.length} markets have no judged score, so n would silently shrink: ${failures.join('; ')}`);
	if (flipRate !== null && flipRate > MAX_FLIP_RATE) {
		judgeIssues.push(`the judge is position-inconsistent: its verdict reversed with the order on ${percent(flipRate)} of the criteria, so it judged the position, not the answer`);
	}
	const saturated = pairs.length > 0 && pairs.every((p) => p.answer >= 10 && p.baseline >= 10);
	if (saturated) judgeIssues.push('the judge gave every answer, Claude\'s included, 10/10 on every criterion: it did not tell them apart');
	if (relative === null && measured.length > 0) judgeIssues.push("Claude's answers scored 0, so there is no ratio to take");
	figures.judgeUsable = judgeIssues.length === 0;
	const compliance = complianceFailures(trader);
	if (compliance.length > 0) {
		return check(threshold, 'misses', [`compliance fails: ${compliance.join('; ')}; the pipeline cannot use such an answer, whatever its score`, ...judgeIssues], figures);
	}
	const stale = staleScorer(trader, input.scorer);
	if (stale !== null) return check(threshold, 'inconclusive', [`stale score: ${stale}; judge it again (trifecta compare)`], {...figures, judgeUsable: false});
	if (!judgedAtAll) {
		const why = trader.scoreSource === 'rubric' ? 'scored only by the offline rubric, a format-and-grounding check the threshold does not apply to' : 'no judged comparison with Claude';
		return check(threshold, 'inconclusive', [`not judged against Claude: ${why}`], {...figures, judgeUsable: false});
	}
	const reasons = judgeIssues;
	if (relative === null) return check(threshold, 'inconclusive', reasons, figures);
	const stated = `relative ${formatRelative(relative)} over ${measured.length} of ${scenarios.length} markets, threshold ${threshold.toFixed(1)}`;
	if (reasons.length > 0) return check(threshold, 'inconclusive', [stated, ...reasons], figures);
	if (relative.low >= threshold) return check(threshold, 'meets', [`${stated}: the whole interval reaches the threshold`], figures);
	if (relative.high < threshold) return check(threshold, 'misses', [`${stated}: the whole interval is below the threshold`], figures);
	return check(threshold, 'inconclusive', [stated, 'the interval straddles the threshold; more markets (--scenarios) would narrow it'], figures);
}

/** "meets", "misses", "inconclusive" with the relative score, for one table cell. */
export function outcomeCell(result: ThresholdCheck): string {
	return result.value === null ? result.outcome : `${result.outcome} (${result.value.toFixed(1)})`;
}

/**
 * Every measured model's check written into the record (models[].thresholdCheck), from its trader
 * answers and the threshold the record was made with: what --json and the results file carry.
 */
export function refreshThresholdChecks(results: ResultsFile): void {
	const threshold = results.settings?.threshold ?? DEFAULT_THRESHOLD;
	for (const model of results.models) {
		if (model.reasoning?.trader) model.thresholdCheck = thresholdCheck({trader: model.reasoning.trader, threshold});
		else delete model.thresholdCheck;
	}
}
