// What every route handler gets: the state, the queued faults and the resolved options.
import type {EngineContext} from './engine.js';
import type {QualityTier} from './types.js';
import type {ServedMetrics} from './served/metrics.js';

export type ResolvedOptions = {
	version: string;
	pace: number;
	pullBytesPerSecond: number;
	claudeQuality: QualityTier;
	claudeRate: number;
	/** Progress lines per layer when not pacing (the benchmark harness floods with many). */
	pullLinesPerLayer: number | null;
};

export type RouteContext = EngineContext & {
	options: ResolvedOptions;
	/** Set when the simulator plays an OpenAI-compatible inference server (SimServer). */
	served?: {flavour: 'vllm' | 'llama.cpp'; version: string; metrics: ServedMetrics; tools: boolean};
};

/** A finite number from a request field, or undefined. */
export function numberField(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
