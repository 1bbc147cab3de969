// Anthropic list prices in USD per million tokens, one table for the whole app (baseline cost,
// per-config pipeline cost). Longest prefix wins, so dated model ids find their family.
export type Price = {inputPerMTok: number; outputPerMTok: number};

const prices: Record<string, Price> = {
	// Sonnet's list price has been $3/$15 per million tokens from Sonnet 3.5 on.
	'claude-sonnet-5': {inputPerMTok: 3, outputPerMTok: 15},
	'claude-sonnet-4-5': {inputPerMTok: 3, outputPerMTok: 15},
	'claude-sonnet-4': {inputPerMTok: 3, outputPerMTok: 15},
	'claude-opus-4-5': {inputPerMTok: 5, outputPerMTok: 25},
	'claude-opus-4-1': {inputPerMTok: 15, outputPerMTok: 75},
	'claude-opus-4': {inputPerMTok: 15, outputPerMTok: 75},
	'claude-haiku-4-5': {inputPerMTok: 1, outputPerMTok: 5},
	'claude-3-5-haiku': {inputPerMTok: 0.8, outputPerMTok: 4},
};

export function priceFor(model: string): Price | null {
	const key = Object.keys(prices)
		.filter((prefix) => model.startsWith(prefix))
		.sort((a, b) => b.length - a.length)[0];
	return key === undefined ? null : (prices[key] ?? null);
}

export function costUsd(model: string, inputTokens: number, outputTokens: number): number | null {
	const price = priceFor(model);
	if (!price) return null;
	return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1e6;
}
