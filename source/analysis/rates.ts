// Speed figures from Ollama's own counters (durations in nanoseconds, as on the wire).
import {PIPELINE_OUTPUT_TOKENS} from '../models/pipeline.js';
import type {OllamaCounters} from '../providers/types.js';

/** Tokens per second from a count and a duration in ns; null when either is 0 or absent. */
export function tokensPerSecond(count: number | null | undefined, durationNs: number | null | undefined): number | null {
	if (!count || !durationNs || count <= 0 || durationNs <= 0) return null;
	return (count / durationNs) * 1e9;
}

/** eval_count / eval_duration * 1e9. */
export function decodeRate(counters: Pick<OllamaCounters, 'evalCount' | 'evalDuration'>): number | null {
	return tokensPerSecond(counters.evalCount, counters.evalDuration);
}

/** prompt_eval_count / prompt_eval_duration * 1e9; null when the prompt was served from cache (0). */
export function prefillRate(counters: Pick<OllamaCounters, 'promptEvalCount' | 'promptEvalDuration'>): number | null {
	return tokensPerSecond(counters.promptEvalCount, counters.promptEvalDuration);
}

/** Bandwidth-bound decode ceiling in t/s: every token reads all weights once. */
export function ceilingRate(bandwidthGBs: number | null | undefined, modelBytes: number | null | undefined): number | null {
	if (!bandwidthGBs || !modelBytes || bandwidthGBs <= 0 || modelBytes <= 0) return null;
	return (bandwidthGBs * 1e9) / modelBytes;
}

/** Measured mean / ceiling, 0..1 (may exceed 1 if the bandwidth given is too low). */
export function efficiency(meanRate: number | null | undefined, ceiling: number | null | undefined): number | null {
	if (meanRate == null || !ceiling || ceiling <= 0 || meanRate < 0) return null;
	return meanRate / ceiling;
}

/** Seconds to decode one pipeline run's output at this rate; null when the rate is not positive. */
export function pipelineEstimateSeconds(rate: number | null | undefined, outputTokens = PIPELINE_OUTPUT_TOKENS): number | null {
	if (rate == null || !Number.isFinite(rate) || rate <= 0) return null;
	return outputTokens / rate;
}

/** A model below the minimum decode rate makes a 12-agent pipeline impractically slow. */
export function practical(rate: number | null | undefined, minRate: number): boolean {
	return rate != null && Number.isFinite(rate) && rate >= minRate;
}
