// The numbers on a final chunk, derived only from the profile and token counts (never from the
// pace), with a small deterministic jitter so repeated repetitions have a nonzero spread.
import {unitFloat} from './hashing.js';
import type {SimModelProfile} from './types.js';
import {reportedEvalDuration} from './version.js';

export type Counters = {
	total_duration: number;
	load_duration: number;
	prompt_eval_count: number;
	prompt_eval_duration: number;
	eval_count: number;
	eval_duration: number;
};

/** ±2 % around 1, fixed by the seed. */
function jitter(seed: string, spread = 0.04): number {
	return 1 + (unitFloat(seed) - 0.5) * spread;
}

/**
 * `promptTokens` is what prompt_eval_count reports; `freshPromptTokens` (default: all of them) what
 * the runner actually processed, which is all prompt_eval_duration times (the prompt cache).
 */
export function planCounters(input: {
	profile: SimModelProfile;
	/** The simulated server's version: how it times decode (reportedEvalDuration). */
	version: string;
	promptTokens: number;
	freshPromptTokens?: number;
	outputTokens: number;
	cold: boolean;
	seed: string;
}): Counters {
	const {profile, promptTokens, outputTokens, cold, seed} = input;
	const fresh = input.freshPromptTokens ?? promptTokens;
	const load_duration = cold
		? Math.round(profile.loadMs * 1e6 * jitter(`${seed}:load`))
		: Math.round((2 + unitFloat(`${seed}:warm`) * 6) * 1e6);
	const prompt_eval_duration = fresh > 0 ? Math.round((fresh / profile.promptEvalRate) * 1e9 * jitter(`${seed}:prompt`, 0.06)) : 0;
	const eval_duration = reportedEvalDuration(input.version, outputTokens, (1e9 / profile.evalRate) * jitter(`${seed}:eval`));
	const overhead = Math.round((0.4 + unitFloat(`${seed}:overhead`)) * 1e6);
	return {
		total_duration: load_duration + prompt_eval_duration + eval_duration + overhead,
		load_duration,
		prompt_eval_count: promptTokens,
		prompt_eval_duration,
		eval_count: outputTokens,
		eval_duration,
	};
}

/** Ollama's metric fields are omitempty: a zero is absent from the wire. */
export function wireCounters(counters: Counters): Partial<Counters> {
	const out: Partial<Counters> = {};
	for (const [key, value] of Object.entries(counters) as [keyof Counters, number][]) {
		if (value !== 0) out[key] = value;
	}
	return out;
}

/**
 * Caps the reply at num_predict (when positive) and at the room left in the context window;
 * hitting either cap is done_reason "length".
 */
export function capReply(tokens: string[], numPredict: number | undefined, room: number): {tokens: string[]; doneReason: 'stop' | 'length'} {
	const limit = Math.max(0, Math.min(numPredict !== undefined && numPredict > 0 ? numPredict : Infinity, room));
	if (tokens.length <= limit) return {tokens, doneReason: 'stop'};
	return {tokens: tokens.slice(0, limit), doneReason: 'length'};
}
