// The speed part of the results record: pulls, benchmark options, reps, memory and the summary.
import {z} from 'zod';

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
	/** What `think` the reps sent: false, or the lowest level of a model that cannot turn reasoning off (gpt-oss: "low"); null when not sent. */
	think: z.union([z.boolean(), z.enum(['low', 'medium', 'high'])]).nullable(),
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
	/** The prompt length the prefill rate was measured over, as the server counted it (prompt_eval_count); absent in results written before it was recorded. */
	promptEvalCount: sampleStats.optional(),
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
