// What every route handler gets: the state, the queued faults and the resolved options.
import type {PromptCache} from './anthropicCache.js';
import type {EngineContext} from './engine.js';
import type {JudgeMode, QualityTier, SimClaudeModel} from './types.js';
import type {ServedMetrics} from './served/metrics.js';
import type {JudgeQuirk} from './judgeQuirks.js';

export type ResolvedOptions = {
	version: string;
	pace: number;
	pullBytesPerSecond: number;
	claudeQuality: QualityTier;
	judge: JudgeMode;
	claudeRate: number;
	/** The Models API's list, when a test replaces the built-in one. */
	claudeModels: readonly SimClaudeModel[] | null;
	/** Progress lines per layer when not pacing (the benchmark harness floods with many). */
	pullLinesPerLayer: number | null;
	/** A misbehaving judge (judgeQuirks.ts); null = the simulated judge. */
	judgeQuirk: JudgeQuirk | null;
};

export type RouteContext = EngineContext & {
	options: ResolvedOptions;
	anthropicCache: PromptCache;
	/** Set when the simulator plays an OpenAI-compatible inference server (SimServer). */
	served?: {flavour: 'vllm' | 'llama.cpp'; version: string; metrics: ServedMetrics; tools: boolean};
};

/** A finite number from a request field, or undefined. */
export function numberField(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
