// results/scaling-results.json: the one record of the experiment. Versioned, validated on read,
// merged across runs (by model name), written atomically. Every figure in the report comes from here.
import {z} from 'zod';
import {isValidClaudeModel, isValidModelName} from '../models/modelName.js';

export const SCHEMA_VERSION = 1;

export const sampleStats = z.object({
	mean: z.number(),
	/** Sample standard deviation (n-1); 0 with one sample. */
	sd: z.number(),
	samples: z.array(z.number()),
});
export type SampleStats = z.infer<typeof sampleStats>;

export const pullResult = z.object({
	status: z.enum(['pulled', 'present', 'failed', 'canceled']),
	bytes: z.number(),
	seconds: z.number(),
	error: z.string().optional(),
	at: z.string(),
});
export type PullResult = z.infer<typeof pullResult>;

export const benchOptions = z.object({
	temperature: z.number(),
	seed: z.number(),
	num_ctx: z.number(),
	num_predict: z.number(),
	think: z.boolean().nullable(),
	reps: z.number(),
	prompt: z.string(),
	/** keep_alive sent with the warm-up and the reps (long enough for the round's later steps). */
	keepAlive: z.string().optional(),
	/** How prefill was measured (prompt length, cache-buster); absent in results written before it was recorded. */
	prefill: z.string().optional(),
});
export type BenchOptions = z.infer<typeof benchOptions>;

export const repRecord = z.object({
	evalCount: z.number(),
	evalDurationNs: z.number(),
	promptEvalCount: z.number(),
	promptEvalDurationNs: z.number(),
	totalDurationNs: z.number(),
	loadDurationNs: z.number(),
	ttftMs: z.number().nullable(),
	evalRate: z.number(),
	promptEvalRate: z.number().nullable(),
	doneReason: z.string(),
});
export type RepRecord = z.infer<typeof repRecord>;

export const memoryRecord = z.object({
	residentBytes: z.number(),
	vramBytes: z.number(),
	/** size_vram / size, 0..1 */
	gpuShare: z.number(),
	contextLength: z.number().nullable(),
	freeRamBytes: z.number().nullable(),
	totalRamBytes: z.number().nullable(),
});
export type MemoryRecord = z.infer<typeof memoryRecord>;

export const speedResult = z.object({
	evalRate: sampleStats,
	promptEvalRate: sampleStats,
	ttftMs: sampleStats,
	loadMs: z.number(),
	evalCount: sampleStats,
	/** bandwidth / model bytes, t/s; null when the bandwidth is unknown. */
	ceilingRate: z.number().nullable(),
	bandwidthGBs: z.number().nullable(),
	/** mean / ceiling, 0..1; null without a ceiling. */
	efficiency: z.number().nullable(),
	memory: memoryRecord.nullable(),
	warnings: z.array(z.string()),
	options: benchOptions,
	reps: z.array(repRecord),
	/** Estimated wall time of one pipeline run (~20K output tokens) at the mean rate, seconds. */
	pipelineEstimateSeconds: z.number(),
	at: z.string(),
	/** Models /api/ps showed loaded beside this one before the reps (someone else's): rates may be shared. */
	othersLoaded: z.array(z.string()).optional(),
	/** The model being downloaded while these reps ran (disk and network busy), if any. */
	duringDownload: z.string().nullable().optional(),
});
export type SpeedResult = z.infer<typeof speedResult>;

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
});
export type ScorerRecord = z.infer<typeof scorerRecord>;

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

export const toolScenarioId = z.enum(['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak']);
export type ToolScenarioId = z.infer<typeof toolScenarioId>;

export const toolScenarioOutcome = z.object({
	id: toolScenarioId,
	outcome: z.enum(['pass', 'fail', 'unsupported', 'error']),
	reason: z.string(),
	latencyMs: z.number(),
});
export type ToolScenarioOutcome = z.infer<typeof toolScenarioOutcome>;

export const endpointToolResult = z.object({
	supported: z.boolean(),
	scenarios: z.array(toolScenarioOutcome),
	passed: z.number(),
	total: z.number(),
	/**
	 * The context the model ran at (/api/ps context_length). The native endpoint pins num_ctx; /v1
	 * cannot, so it runs at the server's default (2048, 4096 or a VRAM tier by version).
	 */
	contextLength: z.number().nullable().optional(),
});
export type EndpointToolResult = z.infer<typeof endpointToolResult>;

export const toolCallingResult = z.object({
	native: endpointToolResult.optional(),
	openai: endpointToolResult.optional(),
	at: z.string(),
});
export type ToolCallingResult = z.infer<typeof toolCallingResult>;

export const modelResult = z.object({
	// The same rule as every other source of names: a hand-edited or planted record cannot smuggle one in.
	name: z.string().refine(isValidModelName, {message: 'not a model name'}),
	sizeBytes: z.number().nullable(),
	parameterSize: z.string().nullable(),
	quantization: z.string().nullable(),
	capabilities: z.array(z.string()),
	pull: pullResult.optional(),
	speed: speedResult.optional(),
	/** mean decode rate >= minimum rate; absent until benchmarked. */
	practical: z.boolean().optional(),
	/**
	 * The reps of a benchmark not finished yet, saved as each one ends, so a canceled or crashed
	 * benchmark resumes at the next rep; removed when `speed` is written.
	 */
	benchProgress: z.object({options: benchOptions, reps: z.array(repRecord), at: z.string()}).optional(),
	reasoning: reasoningResult.optional(),
	toolCalling: toolCallingResult.optional(),
	/** Steps of this model measured while another model downloaded (issue 16), e.g. {compare: 'qwen2.5:32b'}. */
	duringDownload: z.record(z.string(), z.string()).optional(),
});
export type ModelResult = z.infer<typeof modelResult>;

export const baselineResult = z.object({
	provider: z.literal('claude'),
	model: z.string().refine(isValidClaudeModel, {message: 'not a Claude model id'}),
	status: z.enum(['ok', 'skipped', 'error']),
	/** Why skipped or failed, e.g. 'ANTHROPIC_API_KEY is not set'. */
	note: z.string().nullable(),
	reasoning: reasoningResult,
	costUsd: z.number().nullable(),
	usage: z.object({inputTokens: z.number(), outputTokens: z.number(), thinkingTokens: z.number().optional()}).nullable(),
	/** The judge's calls and their cost, recorded like the baseline's. */
	judge: z
		.object({model: z.string(), calls: z.number(), cached: z.number(), failed: z.number(), costUsd: z.number().nullable(), usage: z.object({inputTokens: z.number(), outputTokens: z.number()})})
		.nullable()
		.optional(),
});
export type BaselineResult = z.infer<typeof baselineResult>;

export const roundRecord = z.object({
	round: z.number(),
	/** The model this round was about (qwen2.5:32b in round 1). */
	model: z.string().nullable(),
	decision: z.enum(['accept', 'escalate', 'swap', 'skip', 'delete-first', 'keep-first', 'ceiling', 'recommend']),
	/** The model chosen or recommended by the decision, if any. */
	chosen: z.string().nullable(),
	reason: z.string(),
	at: z.string(),
});
export type RoundRecord = z.infer<typeof roundRecord>;

export const recommendation = z.object({
	model: z.string().nullable(),
	practical: z.boolean().nullable(),
	/** One sentence: what is recommended and why (the same on every screen, in the report and --json). */
	reason: z.string(),
	configs: z.array(z.string()),
	/** Recommended although no practical model reaches the threshold. Absent in files from before it existed. */
	belowThreshold: z.boolean().optional(),
	/** One sentence: the best quality measured here and whether it is usable. */
	ceiling: z.string().optional(),
	/** One sentence: what to do next. */
	nextStep: z.string().optional(),
});
export type Recommendation = z.infer<typeof recommendation>;

export const environmentRecord = z.object({
	host: z.string(),
	ollamaVersion: z.string().nullable(),
	chip: z.string().nullable(),
	bandwidthGBs: z.number().nullable(),
	totalRamBytes: z.number().nullable(),
	platform: z.string(),
});
export type EnvironmentRecord = z.infer<typeof environmentRecord>;

export const settingsRecord = z.object({
	ladder: z.array(z.string()),
	/** The round-one model chosen on the plan; null or absent = the policy's default. */
	roundOne: z.string().nullable().optional(),
	threshold: z.number(),
	minRate: z.number(),
	reps: z.number(),
	numCtx: z.number(),
	claudeModel: z.string(),
});
export type SettingsRecord = z.infer<typeof settingsRecord>;

/** One step of one model (or the baseline) as the runner timed it (issue 16). */
export const stepTiming = z.object({
	run: z.string(),
	round: z.number(),
	step: z.enum(['pull', 'bench', 'compare', 'tools', 'baseline', 'unload']),
	model: z.string().nullable(),
	startedAt: z.string(),
	/** From the start of its run, ms. */
	startMs: z.number(),
	wallMs: z.number(),
	/** Requests to Ollama (or Claude, for the baseline) in flight, merged: time spent waiting for the server. */
	serverWaitMs: z.number(),
	/** Ollama's load_duration, summed. */
	loadMs: z.number(),
	/** Prefill and decode time from Ollama's counters; in-flight time for /v1 calls, which carry none. */
	generationMs: z.number(),
	/** The model downloading while this step ran, if any. */
	duringDownload: z.string().nullable(),
});
export type StepTiming = z.infer<typeof stepTiming>;

/** Where one session's time went. */
export const runTiming = z.object({
	id: z.string(),
	startedAt: z.string(),
	wallMs: z.number(),
	/** The longest chain of pulls and local work that cannot overlap (local work is one model at a time). */
	criticalPathMs: z.number(),
	generatingMs: z.number(),
	loadingMs: z.number(),
	pullingMs: z.number(),
	/** Wall time with at least one Claude request in flight, and the part of it overlapping pulls or local work. */
	claudeMs: z.number(),
	claudeOverlapMs: z.number(),
});
export type RunTiming = z.infer<typeof runTiming>;

export const resultsFile = z.object({
	schemaVersion: z.literal(SCHEMA_VERSION),
	simulated: z.boolean(),
	createdAt: z.string(),
	updatedAt: z.string(),
	environment: environmentRecord.nullable(),
	settings: settingsRecord.nullable(),
	models: z.array(modelResult),
	baseline: baselineResult.nullable(),
	rounds: z.array(roundRecord),
	recommendation: recommendation.nullable(),
	/** Time accounting per step and per session (issue 16); absent in files written before it. */
	timing: z.object({steps: z.array(stepTiming), runs: z.array(runTiming)}).optional(),
});
export type ResultsFile = z.infer<typeof resultsFile>;

export function emptyResults(simulated: boolean, now = new Date()): ResultsFile {
	const stamp = now.toISOString();
	return {
		schemaVersion: SCHEMA_VERSION,
		simulated,
		createdAt: stamp,
		updatedAt: stamp,
		environment: null,
		settings: null,
		models: [],
		baseline: null,
		rounds: [],
		recommendation: null,
	};
}
