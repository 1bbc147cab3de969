// The part of a Claude prompt that every call about one market repeats (a leaf: the baseline's cells
// and the judge both read it, and neither may import the other).
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
