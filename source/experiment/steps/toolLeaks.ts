// A "leak" is a tool call the model wrote into its text instead of tool_calls (ollama#11185):
// LangChain never sees it, so the analyst loop ends with a report that is just the call.
// Shapes seen in the wild: {"name":…,"arguments":…} (bare or fenced), <tool_call>…</tool_call>
// (Qwen/Hermes templates), [TOOL_CALLS] (Mistral), <|python_tag|> (Llama 3).

const TAG_PATTERN = /<tool_call>|<\|tool_call\|>|\[TOOL_CALLS\]|<\|python_tag\|>|<function=/i;

/**
 * The leaked call as it appears in the text, whole (the tool table's grid cuts it, its "Full
 * reasons" lines do not), or null when there is none. A tag's call ends at its closing tag or
 * its JSON's last brace; only a runaway one is cut, at LEAK_CHARS.
 */
export function findLeakedCall(text: string): string | null {
	const tag = TAG_PATTERN.exec(text);
	if (tag) return snippet(taggedCall(text.slice(tag.index), tag[0].length));
	for (const candidate of jsonObjects(text)) {
		if (looksLikeCall(candidate.value)) return snippet(candidate.source);
	}
	return null;
}

function looksLikeCall(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(looksLikeCall);
	if (!isRecord(value)) return false;
	if (isRecord(value.function) && typeof value.function.name === 'string') return true;
	return typeof value.name === 'string' && ('arguments' in value || 'parameters' in value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every balanced {...} or [...] span that parses as JSON, outermost first. */
function* jsonObjects(text: string): Generator<{source: string; value: unknown}> {
	for (let start = 0; start < text.length; start++) {
		const open = text[start];
		if (open !== '{' && open !== '[') continue;
		const end = matchingClose(text, start);
		if (end === -1) continue;
		const source = text.slice(start, end + 1);
		try {
			yield {source, value: JSON.parse(source) as unknown};
			start = end;
		} catch {
			// Not JSON (prose in braces): keep scanning from the next character.
		}
	}
}

function matchingClose(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return index;
		}
	}
	return -1;
}

const LEAK_CHARS = 400;

/** From the tag to its closing tag, or to the end of the first JSON after it, or to the end. */
function taggedCall(fromTag: string, tagLength: number): string {
	const close = /<\/tool_call>|<\|\/tool_call\|>|<\/function>/i.exec(fromTag);
	if (close) return fromTag.slice(0, close.index + close[0].length);
	const after = fromTag.slice(tagLength).search(/[{[]/);
	const open = after === -1 ? -1 : tagLength + after;
	const end = open === -1 ? -1 : matchingClose(fromTag, open);
	return end === -1 ? fromTag : fromTag.slice(0, end + 1);
}

function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > LEAK_CHARS ? `${flat.slice(0, LEAK_CHARS - 3)}...` : flat;
}
