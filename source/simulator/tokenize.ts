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


/**
 * A prompt as the model's tokenizer splits it, for prompt_eval_count: a run of letters (with its
 * trailing space) is a token, a run of punctuation is one, and digits follow the model family's
 * pre-tokenizer: Qwen2/2.5/3 split numbers into single digits (the `\p{N}` rule of their
 * tokenizer.json pre_tokenizer), Llama 3 and most others into groups of up to three. So a prompt
 * dense with figures counts far more tokens than words, as it does on the real server.
 */
export function promptTokens(text: string, family: string): string[] {
	if (!text) return [];
	const digits = family.startsWith('qwen') ? '\\d' : '\\d{1,3}';
	const pattern = new RegExp(`${digits}\\s*|[\\p{L}\\p{M}]+\\s*|[^\\s\\p{L}\\p{M}\\d]+\\s*|\\s+`, 'gu');
	return text.match(pattern) ?? [];
}
