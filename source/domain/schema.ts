// results/scaling-results.json: the one record of the experiment. Versioned, validated on read,
// merged across runs (by model name), written atomically. Every figure in the report comes from here.
import {z} from 'zod';
import {isValidClaudeModel, isValidModelName} from './modelName.js';

export const SCHEMA_VERSION = 1;
// The parts live beside this file, one per kind of measurement; this file puts them together.
import {benchOptions, pullResult, repRecord, speedResult} from './schemaSpeed.js';
import {reasoningResult, thresholdCheck} from './schemaReasoning.js';
import {toolCallingResult} from './schemaTools.js';

export * from './schemaSpeed.js';
export * from './schemaReasoning.js';
export * from './schemaTools.js';

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
	/** The trader's relative score against the threshold: meets, misses or inconclusive, and why. */
	thresholdCheck: thresholdCheck.optional(),
	/** Steps of this model measured while another model downloaded, e.g. {compare: 'qwen2.5:32b'}. */
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
	/** inputTokens is the uncached input; prompt-cache reads and writes are counted apart (billed at 0.1x and 1.25x). */
	usage: z
		.object({inputTokens: z.number(), outputTokens: z.number(), thinkingTokens: z.number().optional(), cacheReadTokens: z.number().optional(), cacheWriteTokens: z.number().optional()})
		.nullable(),
	/** The judge's calls and their cost, recorded like the baseline's. */
	judge: z
		.object({
			model: z.string(),
			calls: z.number(),
			cached: z.number(),
			failed: z.number(),
			costUsd: z.number().nullable(),
			usage: z.object({inputTokens: z.number(), outputTokens: z.number()}),
			/** Which judge: Claude, or one on an OpenAI-compatible endpoint (absent in older records: Claude). */
			kind: z.enum(['claude', 'openai']).optional(),
			/** The judge is the baseline model itself: self-preference favours Claude. */
			favoursBaseline: z.boolean().optional(),
			/** The sentence every screen and the report show about this judge. */
			note: z.string().optional(),
		})
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
	/**
	 * The decode rates the escalation offer predicted before any pull (t/s, with the range and its
	 * basis), kept so the report shows the prediction the user decided on. Absent in older files.
	 */
	predictions: z.array(z.object({model: z.string(), rate: z.number(), low: z.number(), high: z.number(), from: z.string().nullable()})).optional(),
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
	/**
	 * --backend openai: the inference server measured instead of Ollama. `url` is its /v1 (what the
	 * pipeline's openai_compatible provider takes as backend_url); `server` names it and its version.
	 */
	backend: z.object({kind: z.literal('openai'), url: z.string(), server: z.string()}).optional(),
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
	/** Who scores quality ("judge:<model>" or "rubric"): decisions made under another scorer are made again. Absent in older files. */
	scorer: z.string().optional(),
});
export type SettingsRecord = z.infer<typeof settingsRecord>;

/** One step of one model (or the baseline) as the runner timed it. */
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
	/**
	 * Held until the round's pulls finished: its own model was downloading, or measuring beside a
	 * download was not allowed (--no-overlap, the 2x-RAM rule). Absent in files written before it.
	 */
	heldForPull: z.boolean().optional(),
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
	/** Time accounting per step and per session; absent in files written before it. */
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
