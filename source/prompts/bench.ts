// The standard speed-benchmark prompt (DESIGN.md "Speed").

export const BENCH_PROMPT = 'Explain the bull case for Apple stock in exactly 200 words, citing specific financial metrics.';

/**
 * The prompt for one repetition, made unique at its start: Ollama reuses the KV cache for a shared
 * prefix, so an identical prompt would be "prefilled" in no time and inflate the prefill rate.
 */
export function benchPrompt(nonce: string): string {
	return `[run ${nonce}] ${BENCH_PROMPT}`;
}

/** True for the standard prompt, with or without its run tag. */
export function isBenchPrompt(text: string): boolean {
	return text.includes(BENCH_PROMPT);
}
