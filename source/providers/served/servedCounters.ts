// A served request's figures in Ollama's counter shape, from the best source the server offers, and
// which one it was (speed.rateSource): llama.cpp's `timings` (its own counters), vLLM's /metrics read
// around the request, or else the client's clock from the first to the last token with the server's
// usage.completion_tokens. Pure: what arrived in, counters out.
import type {OllamaCounters, RateSource} from '../types.js';
import {vllmDelta, type VllmReading} from './prometheus.js';

export type ServedFigures = {
	timings: Record<string, unknown> | null;
	metrics: {before: VllmReading; after: VllmReading} | null;
	usage: {promptTokens: number; completionTokens: number} | null;
	/** Content chunks seen, when the server sends no usage. */
	chunks: number;
	startedAt: number;
	firstAt: number | null;
	lastAt: number | null;
	endedAt: number;
};

function finite(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

const MS = 1e6;

export function servedCounters(figures: ServedFigures): {counters: OllamaCounters; rateSource: RateSource} {
	const {counters, rateSource} = fromSource(figures);
	// The client's wall time, never shorter than the server's own parts of it.
	return {counters: {...counters, totalDuration: Math.max(counters.totalDuration, counters.promptEvalDuration + counters.evalDuration)}, rateSource};
}

function fromSource(figures: ServedFigures): {counters: OllamaCounters; rateSource: RateSource} {
	const totalDuration = Math.max(0, Math.round((figures.endedAt - figures.startedAt) * MS));
	const t = figures.timings;
	const predictedN = finite(t?.['predicted_n']);
	const predictedMs = finite(t?.['predicted_ms']);
	if (t && predictedN !== null && predictedMs !== null && predictedN > 0 && predictedMs > 0) {
		return {
			rateSource: 'server-timings',
			counters: {
				totalDuration,
				loadDuration: 0,
				promptEvalCount: finite(t['prompt_n']) ?? 0,
				promptEvalDuration: Math.round((finite(t['prompt_ms']) ?? 0) * MS),
				evalCount: predictedN,
				evalDuration: Math.round(predictedMs * MS),
			},
		};
	}
	const delta = figures.metrics ? vllmDelta(figures.metrics.before, figures.metrics.after) : null;
	// vLLM times decode from the first output token to the last: the tokens decoded in it are all but the first.
	if (delta && delta.outputTokens > 1 && delta.decodeSeconds > 0) {
		return {
			rateSource: 'server-metrics',
			counters: {
				totalDuration,
				loadDuration: 0,
				promptEvalCount: delta.promptTokens,
				promptEvalDuration: Math.round(delta.prefillSeconds * 1e9),
				evalCount: delta.outputTokens - 1,
				evalDuration: Math.round(delta.decodeSeconds * 1e9),
			},
		};
	}
	const output = figures.usage?.completionTokens ?? figures.chunks;
	const decodeMs = figures.firstAt !== null && figures.lastAt !== null ? figures.lastAt - figures.firstAt : 0;
	return {
		rateSource: 'client-timed',
		counters: {
			totalDuration,
			loadDuration: 0,
			promptEvalCount: figures.usage?.promptTokens ?? 0,
			promptEvalDuration: figures.firstAt === null ? 0 : Math.round((figures.firstAt - figures.startedAt) * MS),
			// The first token arrives with the prefill; the clock runs from it to the last.
			evalCount: decodeMs > 0 ? Math.max(0, output - 1) : 0,
			evalDuration: Math.round(decodeMs * MS),
		},
	};
}
