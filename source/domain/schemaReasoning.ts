// The reasoning part of the results record: compliance, scorer, judge verdicts and the scored
// response per role and market.
import {z} from 'zod';

export const decision = z.enum(['BUY', 'HOLD', 'SELL']);
export type Decision = z.infer<typeof decision>;

export const rubricDimension = z.object({
	/** Stable id, e.g. 'decision', 'stopLoss', 'depth'. */
	id: z.string(),
	label: z.string(),
	points: z.number(),
	max: z.number(),
	/** Why these points, in a few words. */
	note: z.string(),
});
export type RubricDimension = z.infer<typeof rubricDimension>;

export const role = z.enum(['bull', 'bear', 'trader']);
export type Role = z.infer<typeof role>;

export const responseMetrics = z.object({
	words: z.number(),
	chars: z.number(),
	/** Every figure cited (money, percentages, multiples, plain numbers). */
	figures: z.number(),
	grounded: z.number(),
	unsupported: z.number(),
	unsupportedExamples: z.array(z.string()),
	decision: decision.nullable(),
	/** Why decision is null: 'absent' or 'contradictory'. */
	decisionNote: z.string().nullable(),
	entry: z.number().nullable(),
	stopLoss: z.number().nullable(),
	target: z.number().nullable(),
	positionSizing: z.string().nullable(),
	timeHorizon: z.string().nullable(),
	/** long: stop < entry < target; short: target < entry < stop; null when not checkable. */
	levelsCoherent: z.boolean().nullable(),
	engagesOpponent: z.boolean(),
	structured: z.boolean(),
});
export type ResponseMetrics = z.infer<typeof responseMetrics>;

/** One compliance check: pass null when it does not apply (a HOLD has no direction to check). */
export const complianceCheck = z.object({id: z.string(), label: z.string(), pass: z.boolean().nullable(), note: z.string()});
export type ComplianceCheck = z.infer<typeof complianceCheck>;

/** Can the pipeline use the answer? Checks and counts, never folded into the quality score. */
export const compliance = z.object({
	words: z.number(),
	figures: z.number(),
	grounded: z.number(),
	unsupported: z.number(),
	checks: z.array(complianceCheck),
	passed: z.number(),
	/** Checks that apply. */
	total: z.number(),
});
export type Compliance = z.infer<typeof compliance>;

/** Who produced a quality score, so a stale one (older rubric, other baseline) is recognised. */
export const scorerRecord = z.object({
	kind: z.enum(['judge', 'rubric']),
	/** Rubric version, or the judge prompt's version. */
	version: z.string(),
	judgeModel: z.string().nullable(),
	/** Hash of the baseline answer the judge compared with; null for the rubric. */
	baseline: z.string().nullable(),
	/** What the scorer is, as shown: the judge's id, or "format-and-grounding check (offline rubric)" (absent before rubric v3). */
	label: z.string().optional(),
});
export type ScorerRecord = z.infer<typeof scorerRecord>;

/** Quality relative to Claude: 10 x local / Claude on the same judge calls, with its 95 % interval over n paired scores. */
export const relativeInterval = z.object({mean: z.number(), low: z.number(), high: z.number(), n: z.number()});
export type RelativeInterval = z.infer<typeof relativeInterval>;

export const thresholdOutcome = z.enum(['meets', 'misses', 'inconclusive']);
export type ThresholdOutcome = z.infer<typeof thresholdOutcome>;

/**
 * Whether a model's trader answers reach the threshold, on the relative score: the one verdict every
 * screen, the report and --json show. `reasons` says why, in sentences a user can act on.
 */
export const thresholdCheck = z.object({
	basis: z.literal('relative'),
	value: z.number().nullable(),
	low: z.number().nullable(),
	high: z.number().nullable(),
	threshold: z.number(),
	outcome: thresholdOutcome,
	reasons: z.array(z.string()),
	/** Paired scores behind the interval (markets x criteria), and the markets asked. */
	n: z.number().optional(),
	markets: z.number().optional(),
	/** Share of judged criteria whose verdict reversed with the order; null when not judged. */
	flipRate: z.number().nullable().optional(),
	/** false when the judge's evidence cannot decide (failed markets, order flips, saturation, stale, unjudged), whatever the outcome. */
	judgeUsable: z.boolean().optional(),
});
export type ThresholdCheck = z.infer<typeof thresholdCheck>;

/** Mean with a 95 % t interval over scenarios (clipped to 0..10). */
export const qualityInterval = z.object({mean: z.number(), low: z.number(), high: z.number(), n: z.number()});
export type QualityInterval = z.infer<typeof qualityInterval>;

export const criterionVerdict = z.object({
	id: z.string(),
	/** For the answer judged, against the baseline. */
	outcome: z.enum(['win', 'tie', 'loss']),
	/** The two orders disagreed, so it counts as a tie. */
	inconsistent: z.boolean(),
	/** The judge's one-line reasons, one per order. */
	reasons: z.array(z.string()),
	/** 0..10 scores of the answer judged and of the baseline, mean of both orders (absent before judge v2). */
	answerScore: z.number().optional(),
	baselineScore: z.number().optional(),
	/**
	 * The two scores as each call gave them: [answer shown first, answer shown second]. What tells a
	 * verdict that follows the position from one that follows the answer (absent before it was kept).
	 */
	byOrder: z.array(z.object({answer: z.number(), baseline: z.number()})).optional(),
});
export type CriterionVerdict = z.infer<typeof criterionVerdict>;

export const judgeRecord = z.object({
	status: z.enum(['ok', 'failed']),
	error: z.string().optional(),
	model: z.string(),
	verdict: z.enum(['win', 'tie', 'loss']).nullable(),
	/** Absolute 0..10 quality of the answer judged; null when the judge failed (never 0). */
	quality: z.number().nullable(),
	/** Absolute 0..10 quality of the baseline answer, judged in the same calls (absent before judge v2). */
	baselineQuality: z.number().nullable().optional(),
	criteria: z.array(criterionVerdict),
	calls: z.number(),
	costUsd: z.number().nullable(),
	cached: z.boolean(),
});
export type JudgeRecord = z.infer<typeof judgeRecord>;

/** One answer to one market scenario. */
export const scenarioScore = z.object({
	scenario: z.string(),
	status: z.enum(['ok', 'error']),
	error: z.string().optional(),
	/** The quality this scenario contributes: the judge's when it judged, else the rubric's. */
	quality: z.number().nullable(),
	rubricScore: z.number().nullable(),
	dimensions: z.array(rubricDimension),
	metrics: responseMetrics.nullable(),
	compliance: compliance.nullable(),
	judge: judgeRecord.nullable(),
	scorer: scorerRecord.nullable(),
	transcript: z.string().nullable(),
	/** Rubric version of rubricScore, dimensions and compliance; absent = version 1. */
	rubricVersion: z.string().optional(),
	/** Short hash of the answer text: a verdict records the baseline hash it was judged against. */
	answerHash: z.string().optional(),
	/** A second baseline sample, judged against the first (the noise floor). */
	noise: judgeRecord.nullable().optional(),
});
export type ScenarioScore = z.infer<typeof scenarioScore>;

export const scoredResponse = z.object({
	role,
	status: z.enum(['ok', 'error']),
	error: z.string().optional(),
	metrics: responseMetrics.nullable(),
	/** Quality 0..10 (the mean over scenarios): what the threshold applies to. */
	score: z.number().nullable(),
	/** Who produced score: the pairwise judge or the offline rubric. */
	scoreSource: z.enum(['judge', 'rubric']).optional(),
	scorer: scorerRecord.optional(),
	/** Quality over scenarios with its 95 % interval. */
	quality: qualityInterval.nullable().optional(),
	/** Quality minus the baseline's, per scenario, with its interval. */
	gap: qualityInterval.nullable().optional(),
	/** Quality relative to Claude on the same judge calls (what the threshold applies to); null when not judged. */
	relative: relativeInterval.nullable().optional(),
	/** Baseline sample 2 judged against sample 1: the judge's own spread. */
	noiseFloor: qualityInterval.nullable().optional(),
	verdicts: z.object({win: z.number(), tie: z.number(), loss: z.number(), failed: z.number()}).optional(),
	/** Compliance of the first scenario's answer (per scenario in scenarios[]). */
	compliance: compliance.nullable().optional(),
	scenarios: z.array(scenarioScore).optional(),
	dimensions: z.array(rubricDimension),
	/** score / baseline score for the same role; null without a baseline. */
	relativeToBaseline: z.number().nullable(),
	elapsedSeconds: z.number(),
	outputTokens: z.number().nullable(),
	tokensPerSecond: z.number().nullable(),
	ttftMs: z.number().nullable(),
	/** Relative path of the transcript under the results directory. */
	transcript: z.string().nullable(),
	/** Last 500 characters of the text (trader: where the decision and levels should be). */
	tail: z.string(),
	/** What the figures need said beside them: "answer cut off at 4096 tokens", thinking tokens of the baseline. */
	note: z.string().optional(),
	at: z.string(),
});
export type ScoredResponse = z.infer<typeof scoredResponse>;

export const reasoningResult = z.object({
	bull: scoredResponse.optional(),
	bear: scoredResponse.optional(),
	trader: scoredResponse.optional(),
});
export type ReasoningResult = z.infer<typeof reasoningResult>;
