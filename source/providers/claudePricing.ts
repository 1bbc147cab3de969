// Anthropic list prices in USD per million tokens, one table for the whole app (baseline cost,
// judge cost, per-config pipeline cost), from docs/reference/servers.md ("Claude 5.5 models":
// Sonnet 5.5 $2/$10, cache write (5 min) $2.50, cache read $0.20; Opus 5.5 $4/$20; Haiku 4.5 $1/$5).
// Longest prefix wins, so dated model ids find their family. A model not in the table has no
// price: its cost is unknown, never guessed from another family.
export type Price = {inputPerMTok: number; outputPerMTok: number; cacheWritePerMTok: number; cacheReadPerMTok: number};

/** Prompt caching's usual multipliers of the input price (5-minute writes 1.25x, reads 0.1x). */
function price(inputPerMTok: number, outputPerMTok: number, cache?: {write: number; read: number}): Price {
	return {inputPerMTok, outputPerMTok, cacheWritePerMTok: cache?.write ?? inputPerMTok * 1.25, cacheReadPerMTok: cache?.read ?? inputPerMTok * 0.1};
}

const prices: Record<string, Price> = {
	'claude-sonnet-5-5': price(2, 10, {write: 2.5, read: 0.2}),
	'claude-sonnet-5': price(2, 10, {write: 2.5, read: 0.2}),
	'claude-opus-5-5': price(4, 20),
	'claude-sonnet-4-6': price(3, 15),
	'claude-sonnet-4-5': price(3, 15),
	'claude-sonnet-4': price(3, 15),
	'claude-opus-4-5': price(5, 25),
	'claude-opus-4-1': price(15, 75),
	'claude-opus-4': price(15, 75),
	'claude-haiku-4-5': price(1, 5),
	'claude-3-5-haiku': price(0.8, 4),
};

export function priceFor(model: string): Price | null {
	const key = Object.keys(prices)
		.filter((prefix) => model === prefix || model.startsWith(`${prefix}-`))
		.sort((a, b) => b.length - a.length)[0];
	return key === undefined ? null : (prices[key] ?? null);
}

/** Tokens read from and written to the prompt cache, billed apart from the rest of the input. */
export type CacheTokens = {cacheReadTokens?: number; cacheWriteTokens?: number};

/** `inputTokens` is the uncached input only, as the API reports it beside the cache counts. */
export function costUsd(model: string, inputTokens: number, outputTokens: number, cache: CacheTokens = {}): number | null {
	const p = priceFor(model);
	if (!p) return null;
	return (inputTokens * p.inputPerMTok + outputTokens * p.outputPerMTok + (cache.cacheReadTokens ?? 0) * p.cacheReadPerMTok + (cache.cacheWriteTokens ?? 0) * p.cacheWritePerMTok) / 1e6;
}

/** "$0.0123", or "price unknown" for a model not in the table. */
export function formatCost(cost: number | null): string {
	return cost === null ? 'price unknown' : `$${cost.toFixed(4)}`;
}
