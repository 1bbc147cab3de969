// On /v1 a tool call arrives in pieces: the first delta for an index carries id and name, later
// ones append to the arguments string (Ollama usually sends it whole, OpenAI-style servers do
// not). Pieces are joined by id when the delta has one, else by index, and the arguments string
// parsed once at the end. Keying by index alone merges parallel calls: several of Ollama's
// built-in parsers give every call index 0 (qwen3 until v0.17.4, others until v0.20.6).
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
	/** In arrival order. */
	private readonly calls: Partial[] = [];
	/** The call a continuation (a delta without id) for this index belongs to: the latest one. */
	private readonly latestByIndex = new Map<number, Partial>();

	add(deltas: readonly ToolCallDelta[]): void {
		deltas.forEach((delta, position) => {
			const index = delta.index ?? position;
			let call = delta.id ? this.calls.find((known) => known.id === delta.id) : this.latestByIndex.get(index);
			if (!call || (delta.id && call.id !== delta.id)) {
				call = {name: '', rawArguments: '', ...(delta.id ? {id: delta.id} : {})};
				this.calls.push(call);
			}
			this.latestByIndex.set(index, call);
			if (delta.function?.name) call.name += delta.function.name;
			if (delta.function?.arguments) call.rawArguments += delta.function.arguments;
		});
	}

	get size(): number {
		return this.calls.length;
	}

	result(): ToolCall[] {
		return this.calls.map((call) => ({...(call.id ? {id: call.id} : {}), name: call.name, ...parseToolArguments(call.rawArguments)}));
	}
}
