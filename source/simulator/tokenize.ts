// One tokenizer for prompts and replies, so prompt_eval_count and eval_count agree with the text
// a client receives: every token is a word plus its trailing whitespace, and the tokens of a text
// concatenate back to exactly that text.

const TOKEN = /\s+|\S+\s*/g;

export function tokenize(text: string): string[] {
	if (!text) return [];
	const tokens = text.match(TOKEN) ?? [];
	// Leading whitespace forms its own token; fold it into the first word so counts stay word-based.
	if (tokens.length > 1 && /^\s+$/.test(tokens[0] ?? '')) {
		const [lead, first, ...rest] = tokens;
		return [`${lead ?? ''}${first ?? ''}`, ...rest];
	}
	return tokens;
}

export function countTokens(text: string): number {
	return tokenize(text).length;
}

