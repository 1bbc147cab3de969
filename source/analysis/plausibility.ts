// Counters outside physical sense, told apart from slow or fast ones. A hostile or broken server
// can send eval_count 1e308 (an "Infinity t/s" that would then break the whole model's record at
// write time) or a negative load_duration; such a rep is an error that quotes the numbers, and the
// other reps and models are kept. Pure: counters in, a sentence (or null) out.
import type {OllamaCounters} from '../providers/types.js';

/** Faster than any local decode on any hardware today by two orders of magnitude. */
export const MAX_DECODE_RATE = 10_000;
/** No model load takes a day. */
export const MAX_LOAD_NS = 86_400 * 1e9;

const WIRE_NAMES: Record<keyof OllamaCounters, string> = {
	totalDuration: 'total_duration',
	loadDuration: 'load_duration',
	promptEvalCount: 'prompt_eval_count',
	promptEvalDuration: 'prompt_eval_duration',
	evalCount: 'eval_count',
	evalDuration: 'eval_duration',
};

function shown(value: number): string {
	return Number.isFinite(value) && Math.abs(value) < 1e15 ? String(value) : value.toExponential(3);
}

/** What is implausible about these counters, quoting them, or null when they make physical sense. */
export function implausibleCounters(counters: OllamaCounters): string | null {
	for (const key of Object.keys(WIRE_NAMES) as (keyof OllamaCounters)[]) {
		const value = counters[key];
		if (!Number.isFinite(value)) return `${WIRE_NAMES[key]} is ${String(value)}`;
		if (value < 0) return `${WIRE_NAMES[key]} is negative (${shown(value)})`;
	}
	const {evalCount, evalDuration, promptEvalCount, promptEvalDuration, loadDuration} = counters;
	if (evalCount > 0 && evalDuration === 0) return `eval_count ${shown(evalCount)} tokens in an eval_duration of 0 ns`;
	if (promptEvalCount > 0 && promptEvalDuration === 0) return `prompt_eval_count ${shown(promptEvalCount)} tokens in a prompt_eval_duration of 0 ns`;
	if (evalCount > 0) {
		const rate = (evalCount / evalDuration) * 1e9;
		if (!Number.isFinite(rate) || rate > MAX_DECODE_RATE) {
			return `eval_count ${shown(evalCount)} in eval_duration ${shown(evalDuration)} ns is ${shown(Math.round(rate))} t/s, over ${MAX_DECODE_RATE} t/s`;
		}
	}
	if (loadDuration > MAX_LOAD_NS) return `load_duration ${shown(loadDuration)} ns is longer than a day`;
	return null;
}

/**
 * What is implausible about the load time a warm-up reported, or null. Only load_duration is
 * read: a one-token warm-up's decode counters are legitimately degenerate (eval_count 1 in an
 * eval_duration of 0 ns on the Go runners, 1000 ns on llama-server from v0.30, because every
 * runner starts its decode clock at the first token; docs/reference/ollama-wire.md §1), so they
 * say nothing about the load.
 */
export function implausibleLoad(counters: Pick<OllamaCounters, 'loadDuration'>): string | null {
	const value = counters.loadDuration;
	if (!Number.isFinite(value)) return `load_duration is ${String(value)}`;
	if (value < 0) return `load_duration is negative (${shown(value)})`;
	if (value > MAX_LOAD_NS) return `load_duration ${shown(value)} ns is longer than a day`;
	return null;
}
