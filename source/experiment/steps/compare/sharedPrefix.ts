// The cacheable part of a prompt, in a file of its own: both the cells (baseline.ts) and the judge
// use it, and the judge must not import cell.ts (cell.ts -> steps/context.ts -> baselineBoard.ts ->
// judge.ts would be a circle; docs/ARCHITECTURE.md, Layers).

/**
 * The start of `user` up to the end of the market context it quotes: with the system prompt, the
 * part every call about that market repeats, which the adapter marks for the prompt cache.
 */
export function sharedPrefixOf(user: string, contexts: readonly string[]): string | undefined {
	for (const context of contexts) {
		const trimmed = context.trim();
		const at = trimmed ? user.indexOf(trimmed) : -1;
		if (at >= 0) return user.slice(0, at + trimmed.length);
	}
	return undefined;
}
