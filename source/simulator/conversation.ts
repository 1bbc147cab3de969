// Requests in both dialects (native /api/chat and OpenAI /v1) reduced to one message shape, so
// the reply and tool logic is written once.
import {isRecord} from './wire.js';

export type SimToolCall = {name: string; arguments: Record<string, unknown>};
export type SimMessage = {role: string; content: string; toolName?: string; toolCalls?: SimToolCall[]};
export type SimTool = {name: string; description: string; parameters: Record<string, unknown>};

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	// OpenAI content parts: [{type:'text', text:'...'}, {type:'image_url', ...}]
	if (Array.isArray(value)) {
		return value
			.map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : ''))
			.filter(Boolean)
			.join('\n');
	}
	return '';
}

function parseArguments(value: unknown): Record<string, unknown> {
	if (isRecord(value)) return value;
	if (typeof value === 'string') {
		try {
			const parsed: unknown = JSON.parse(value);
			return isRecord(parsed) ? parsed : {};
		} catch {
			return {};
		}
	}
	return {};
}

function toolCalls(value: unknown): SimToolCall[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const calls = value.flatMap((call) => {
		const fn = isRecord(call) ? call['function'] : undefined;
		if (!isRecord(fn) || typeof fn['name'] !== 'string') return [];
		return [{name: fn['name'], arguments: parseArguments(fn['arguments'])}];
	});
	return calls.length > 0 ? calls : undefined;
}

/** Messages from either dialect; roles lower-cased as Ollama does. */
export function parseMessages(raw: unknown): SimMessage[] {
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((message) => {
		if (!isRecord(message)) return [];
		const role = typeof message['role'] === 'string' ? message['role'].toLowerCase() : 'user';
		const parsed: SimMessage = {role, content: text(message['content'])};
		const name = message['tool_name'] ?? message['name'];
		if (typeof name === 'string') parsed.toolName = name;
		const calls = toolCalls(message['tool_calls']);
		if (calls) parsed.toolCalls = calls;
		return [parsed];
	});
}

export function parseTools(raw: unknown): SimTool[] {
	if (!Array.isArray(raw)) return [];
	return raw.flatMap((tool) => {
		const fn = isRecord(tool) ? tool['function'] : undefined;
		if (!isRecord(fn) || typeof fn['name'] !== 'string') return [];
		return [
			{
				name: fn['name'],
				description: typeof fn['description'] === 'string' ? fn['description'] : '',
				parameters: isRecord(fn['parameters']) ? fn['parameters'] : {},
			},
		];
	});
}

/** The text the model "reads" for prompt_eval_count: every message plus the tool schemas. */
export function promptText(messages: SimMessage[], tools: SimTool[]): string {
	const parts = messages.map((message) => message.content);
	for (const message of messages) {
		for (const call of message.toolCalls ?? []) parts.push(jsonWords(call));
	}
	if (tools.length > 0) parts.push(jsonWords(tools));
	return parts.join('\n');
}

/** JSON with its punctuation turned into spaces, so the tokenizer counts its words. */
export function jsonWords(value: unknown): string {
	return JSON.stringify(value).replace(/[{}[\]",:]+/g, ' ').trim();
}
