// Prompt caching as the Messages API reports it: a `cache_control` marker on a system or message
// block (or top-level, on the last block) makes everything up to that block a cacheable prefix.
// The first request writes it (usage.cache_creation_input_tokens), later ones with the same prefix
// read it (cache_read_input_tokens) for 5 minutes; input_tokens counts only what follows the
// breakpoint. A prefix shorter than the model's minimum is not cached, silently, as on the real
// API (docs/reference/servers.md: 512 tokens on the 5.5 models; 1,024 on the Sonnet 4.x models).
import {createHash} from 'node:crypto';
import {isRecord} from './wire.js';

const TTL_MS = 5 * 60 * 1000;

/**
 * Input tokens as Claude's tokenizer counts them, near enough: about four characters a token in
 * English prose with figures (the word-per-token count the Ollama side uses would put a market
 * context of 390 words and 2,600 characters under the 512-token cache minimum, which it is not).
 */
export function claudeInputTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

export function minimumCacheableTokens(model: string): number {
	return /^claude-[a-z]+-5(?:-|$)/.test(model) ? 512 : 1024;
}

type Block = {text: string; marked: boolean};

function blocksOf(content: unknown): Block[] {
	if (typeof content === 'string') return [{text: content, marked: false}];
	if (!Array.isArray(content)) return [];
	return content.flatMap((block) => (isRecord(block) ? [{text: typeof block['text'] === 'string' ? block['text'] : '', marked: isRecord(block['cache_control'])}] : []));
}

/** The text of every block in prompt order (system first), and where the last breakpoint is. */
function promptBlocks(body: Record<string, unknown>): {blocks: Block[]; breakpoint: number} {
	const blocks = [...blocksOf(body['system']), ...(Array.isArray(body['messages']) ? body['messages'] : []).flatMap((message) => (isRecord(message) ? blocksOf(message['content']) : []))];
	let breakpoint = blocks.map((block) => block.marked).lastIndexOf(true);
	// Top-level cache_control puts the breakpoint on the last cacheable block.
	if (isRecord(body['cache_control'])) breakpoint = blocks.length - 1;
	return {blocks, breakpoint};
}

export type CacheUsage = {input_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number};

export class PromptCache {
	private readonly entries = new Map<string, number>();

	constructor(private readonly now: () => number = Date.now) {}

	/** The usage of one request whose whole prompt is `totalTokens` long, and the cache after it. */
	usage(model: string, body: Record<string, unknown>, totalTokens: number): CacheUsage {
		const {blocks, breakpoint} = promptBlocks(body);
		const none = {input_tokens: totalTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0};
		if (breakpoint < 0) return none;
		const prefix = blocks.slice(0, breakpoint + 1).map((block) => block.text);
		const prefixTokens = Math.min(totalTokens, claudeInputTokens(prefix.join('')));
		if (prefixTokens < minimumCacheableTokens(model)) return none;
		const key = createHash('sha256').update(JSON.stringify([model, prefix])).digest('hex');
		const now = this.now();
		const expires = this.entries.get(key);
		this.entries.set(key, now + TTL_MS);
		const rest = totalTokens - prefixTokens;
		return expires !== undefined && expires > now
			? {input_tokens: rest, cache_creation_input_tokens: 0, cache_read_input_tokens: prefixTokens}
			: {input_tokens: rest, cache_creation_input_tokens: prefixTokens, cache_read_input_tokens: 0};
	}
}
