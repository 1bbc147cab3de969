// Where a speed figure came from, in words, for every screen and file that shows one (docs/DESIGN.md:
// the source of every rate is shown). Pure.
import type {RateSource} from '../domain/schemaSpeed.js';

export const RATE_SOURCE_TEXT: Record<RateSource, string> = {
	'ollama-counters': "Ollama's own counters (eval_count / eval_duration)",
	'server-timings': "the server's own timings (llama.cpp predicted_n / predicted_ms)",
	'server-metrics': "the server's /metrics read around each rep (vLLM decode tokens / decode seconds)",
	'client-timed': "client-timed: first to last token, with the server's usage.completion_tokens",
};

/** Results written before other servers were measured carry no source: they are Ollama's counters. */
export function rateSourceOf(speed: {rateSource?: RateSource | undefined} | null | undefined): RateSource {
	return speed?.rateSource ?? 'ollama-counters';
}

export function rateSourceText(speed: {rateSource?: RateSource | undefined} | null | undefined): string {
	return RATE_SOURCE_TEXT[rateSourceOf(speed)];
}
