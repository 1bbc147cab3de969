// ollama-js types disagree with the wire in a few places (docs/reference/ollama-wire.md §4): dates are
// strings, model_info is a plain object, ps entries carry context_length, capabilities appear on
// /api/tags entries since v0.30, tool calls carry id, and think/tool_call_id exist. These
// conversions read what actually arrives and return trifecta's own shapes.
import type {ChatResponse, GenerateResponse, Message, ModelResponse, ShowResponse, ToolCall as WireToolCall} from 'ollama';
import type {ChatMessage, InstalledModel, LoadedModel, ModelDetails, OllamaCounters, ToolCall} from '../types.js';

type WireModel = ModelResponse & {capabilities?: string[]; context_length?: number};

function dateText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'string' ? value : '';
}

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function toInstalledModel(model: ModelResponse): InstalledModel {
	const wire = model as WireModel;
	return {
		name: wire.name || wire.model,
		sizeBytes: numberOr(wire.size, 0),
		digest: wire.digest ?? '',
		modifiedAt: dateText(wire.modified_at),
		family: wire.details?.family ?? '',
		parameterSize: wire.details?.parameter_size ?? '',
		quantization: wire.details?.quantization_level ?? '',
		capabilities: Array.isArray(wire.capabilities) ? wire.capabilities : [],
	};
}

export function toLoadedModel(model: ModelResponse): LoadedModel {
	const wire = model as WireModel;
	return {
		name: wire.name || wire.model,
		sizeBytes: numberOr(wire.size, 0),
		sizeVramBytes: numberOr(wire.size_vram, 0),
		contextLength: typeof wire.context_length === 'number' ? wire.context_length : null,
		expiresAt: dateText(wire.expires_at),
	};
}

export function toModelDetails(name: string, show: ShowResponse): ModelDetails {
	// Typed Map, but JSON gives a plain object.
	const info = (show.model_info ?? {}) as unknown as Record<string, unknown>;
	const arch = typeof info['general.architecture'] === 'string' ? info['general.architecture'] : show.details?.family;
	const context = arch ? info[`${arch}.context_length`] : undefined;
	const parameters = info['general.parameter_count'];
	return {
		name,
		family: show.details?.family ?? '',
		parameterSize: show.details?.parameter_size ?? '',
		quantization: show.details?.quantization_level ?? '',
		capabilities: Array.isArray(show.capabilities) ? show.capabilities : [],
		contextLength: typeof context === 'number' ? context : null,
		parameterCount: typeof parameters === 'number' ? parameters : null,
	};
}

/** Final-chunk counters in ns; metric fields are omitempty, so absent means 0. */
export function toCounters(chunk: ChatResponse | GenerateResponse): OllamaCounters {
	return {
		totalDuration: numberOr(chunk.total_duration, 0),
		loadDuration: numberOr(chunk.load_duration, 0),
		promptEvalCount: numberOr(chunk.prompt_eval_count, 0),
		promptEvalDuration: numberOr(chunk.prompt_eval_duration, 0),
		evalCount: numberOr(chunk.eval_count, 0),
		evalDuration: numberOr(chunk.eval_duration, 0),
	};
}

type WireToolCallIn = WireToolCall & {id?: string; function: WireToolCall['function'] & {index?: number}};

function parseArguments(raw: unknown): {arguments: Record<string, unknown>; rawArguments?: string} {
	if (typeof raw === 'string') {
		try {
			const parsed: unknown = JSON.parse(raw);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return {arguments: parsed as Record<string, unknown>, rawArguments: raw};
		} catch {
			// Kept raw below so the tool-calling test can show what the model produced.
		}
		return {arguments: {}, rawArguments: raw};
	}
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) return {arguments: raw as Record<string, unknown>};
	return {arguments: {}};
}

export function toToolCalls(calls: WireToolCall[] | undefined): ToolCall[] {
	return (calls ?? []).map((call) => {
		const wire = call as WireToolCallIn;
		const parsed = parseArguments(wire.function?.arguments);
		return {
			...(wire.id ? {id: wire.id} : {}),
			name: wire.function?.name ?? '',
			...parsed,
		};
	});
}

type WireMessageOut = Message & {tool_call_id?: string};

export function toWireMessages(messages: ChatMessage[]): Message[] {
	return messages.map((message) => {
		const wire: WireMessageOut = {role: message.role, content: message.content};
		if (message.toolCalls?.length) {
			wire.tool_calls = message.toolCalls.map((call) => ({function: {name: call.name, arguments: call.arguments}}));
		}
		if (message.toolName) wire.tool_name = message.toolName;
		if (message.toolCallId) wire.tool_call_id = message.toolCallId;
		return wire;
	});
}
