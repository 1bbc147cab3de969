// The standard speed-benchmark prompt (docs/DESIGN.md "Speed").

export const BENCH_PROMPT = 'Explain the bull case for Apple stock in exactly 200 words, citing specific financial metrics.';

/**
 * The prompt for one repetition, made unique at its start: Ollama reuses the KV cache for a shared
 * prefix, so an identical prompt would be "prefilled" in no time and inflate the prefill rate.
 */
export function benchPrompt(nonce: string): string {
	return `[run ${nonce}] ${BENCH_PROMPT}`;
}

/** How the prefill figure was measured, recorded beside it. */
export const PREFILL_NOTE = 'prefill over the bundled market context (its length as the server counted it is recorded beside the rate: prompt_eval_count), cache-buster first in the system message';

export type BenchRequestText = {system: string; prompt: string};

/**
 * One repetition's request: the market context (2,600 characters, a third of them figures: about
 * 1,000 tokens on Qwen's tokenizer, which splits every digit, so the prefill rate means something
 * for the pipeline's long prompts; the server's own prompt_eval_count is recorded) as the system message, led by the
 * cache-buster, then the standard question. The nonce must come first in the first message: the
 * prompt cache reuses every token before it, and a request without a system message gets the
 * template's default one (qwen2.5: "You are Qwen, ...") ahead of the user's text. Only the template's
 * opening marker is still shared; prompt_eval_count counts cached tokens while
 * prompt_eval_duration times only fresh ones (v0.4.0 and later), so anything shared inflates the rate.
 */
export function benchRequestText(nonce: string, marketContext: string): BenchRequestText {
	return {
		system: `[${nonce}] You are an equity research analyst. Read the market data below before answering.\n\n${marketContext.trim()}`,
		prompt: BENCH_PROMPT,
	};
}

/** True for the standard prompt, with or without its run tag. */
export function isBenchPrompt(text: string): boolean {
	return text.includes(BENCH_PROMPT);
}
