// What every route handler gets: the state, the queued faults and the resolved options.
import type {EngineContext} from './engine.js';
import type {QualityTier} from './types.js';
import type {JudgeQuirk} from './judgeQuirks.js';

export type ResolvedOptions = {
	version: string;
	pace: number;
	pullBytesPerSecond: number;
	claudeQuality: QualityTier;
	claudeRate: number;
	/** Progress lines per layer when not pacing (the benchmark harness floods with many). */
	pullLinesPerLayer: number | null;
	/** A misbehaving judge (judgeQuirks.ts); null = the simulated judge. */
	judgeQuirk: JudgeQuirk | null;
};

export type RouteContext = EngineContext & {options: ResolvedOptions};

/** A finite number from a request field, or undefined. */
export function numberField(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
