// What every route handler gets: the state, the queued faults and the resolved options.
import type {EngineContext} from './engine.js';
import type {JudgeMode, QualityTier} from './types.js';

export type ResolvedOptions = {
	version: string;
	pace: number;
	pullBytesPerSecond: number;
	claudeQuality: QualityTier;
	judge: JudgeMode;
	claudeRate: number;
	/** Progress lines per layer when not pacing (the benchmark harness floods with many). */
	pullLinesPerLayer: number | null;
};

export type RouteContext = EngineContext & {options: ResolvedOptions};

/** A finite number from a request field, or undefined. */
export function numberField(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
