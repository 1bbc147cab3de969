// On /v1 a tool call arrives in pieces: the first delta for an index carries id and name, later
// ones append to the arguments string (Ollama usually sends it whole, OpenAI-style servers do
// not). Pieces are joined by index and the arguments string parsed once at the end.
import type {ToolCall} from '../types.js';

export type ToolCallDelta = {
	index?: number;
	id?: string;
	function?: {name?: string; arguments?: string};
};

type Partial = {id?: string; name: string; rawArguments: string};

export function parseToolArguments(raw: string): Pick<ToolCall, 'arguments' | 'rawArguments'> {
	try {
		const parsed: unknown = JSON.parse(raw.trim() === '' ? '{}' : raw);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			return {arguments: parsed as Record<string, unknown>, rawArguments: raw};
		}
	} catch {
		// Unparsable arguments are a finding of the tool-calling test, not a crash: keep the raw text.
	}
	return {arguments: {}, rawArguments: raw};
}

export class ToolCallAccumulator {
	private readonly calls = new Map<number, Partial>();

	add(deltas: readonly ToolCallDelta[]): void {
		deltas.forEach((delta, position) => {
			const index = delta.index ?? position;
			const call = this.calls.get(index) ?? {name: '', rawArguments: ''};
			if (delta.id) call.id = delta.id;
			if (delta.function?.name) call.name += delta.function.name;
			if (delta.function?.arguments) call.rawArguments += delta.function.arguments;
			this.calls.set(index, call);
		});
	}

	get size(): number {
		return this.calls.size;
	}

	result(): ToolCall[] {
		return [...this.calls.entries()]
			.sort(([a], [b]) => a - b)
			.map(([, call]) => ({...(call.id ? {id: call.id} : {}), name: call.name, ...parseToolArguments(call.rawArguments)}));
	}
}
