// The Messages API's usage counters as trifecta records them: uncached input, output (thinking
// included, its share apart when the API says), and prompt-cache reads and writes.
import type {ClaudeUsage} from '../types.js';

export type WireUsage = {
	input_tokens?: number | null;
	output_tokens?: number | null;
	cache_read_input_tokens?: number | null;
	cache_creation_input_tokens?: number | null;
	output_tokens_details?: unknown;
};

function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function thinkingTokensOf(usage: WireUsage): number | undefined {
	const details = usage.output_tokens_details;
	return details && typeof details === 'object' ? count((details as {thinking_tokens?: unknown}).thinking_tokens) : undefined;
}

export function usageOf(usage: WireUsage): ClaudeUsage {
	const thinking = thinkingTokensOf(usage);
	const read = count(usage.cache_read_input_tokens) ?? 0;
	const written = count(usage.cache_creation_input_tokens) ?? 0;
	return {
		inputTokens: count(usage.input_tokens) ?? 0,
		outputTokens: count(usage.output_tokens) ?? 0,
		...(thinking ? {thinkingTokens: thinking} : {}),
		...(read > 0 ? {cacheReadTokens: read} : {}),
		...(written > 0 ? {cacheWriteTokens: written} : {}),
	};
}
