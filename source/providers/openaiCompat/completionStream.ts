// One streamed /v1/chat/completions request, called as LangChain's ChatOpenAI calls it (the openai
// client does the SSE parsing), with our timeouts and size caps. Yields what arrived, in order; the
// final event carries what the server said about the request as a whole (finish reason, usage, and
// any server figures riding on the chunks, such as llama.cpp's `timings`).
import OpenAI from 'openai';
import type {ChatCompletionChunk, ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam, ChatCompletionTool} from 'openai/resources/chat/completions';
import {ProviderError} from '../errors.js';
import {BodyCap} from '../network/bodyCap.js';
import {RequestTimeouts, timeoutError, type TimeoutSettings} from '../network/timeouts.js';
import {ResponseBudget} from '../ollama/responseBudget.js';
import type {ChatMessage, CompatChatRequest, ToolCall} from '../types.js';
import {mapOpenAIError} from './mapOpenAIError.js';
import {ContentStall} from './contentStall.js';
import {ToolCallAccumulator} from './toolCallAccumulator.js';

/**
 * 16 MB per response body. The SDK buffers an SSE line whole before the streamed-text budget
 * sees it, so a server that never ends a line is bounded here, below the parser.
 */
export const MAX_COMPAT_BODY_BYTES = 16 * 1024 * 1024;

/** Ollama ends /v1 streams with a finish_reason, then [DONE]; an in-band error (runner crash, cut connection) has none. */
export const STREAM_ENDED_EARLY = 'the server ended the stream early';

export type CompletionRequest = CompatChatRequest & {
	/** Extra body fields a server reads beside the OpenAI ones (e.g. reasoning_effort). */
	extra?: Record<string, unknown>;
};

export type CompletionEvent =
	| {type: 'delta'; text: string; thinking?: string; at: number}
	| {
			type: 'end';
			toolCalls: ToolCall[];
			finishReason: string;
			usage: {promptTokens: number; completionTokens: number} | null;
			/** llama.cpp's `timings` object from the last chunk that had one (its own counters). */
			timings: Record<string, unknown> | null;
			/** performance.now() of the first and last chunk that carried content or a tool call. */
			firstAt: number | null;
			lastAt: number | null;
			startedAt: number;
	  };

export type CompletionConnection = {
	/** The server's origin (no /v1). */
	host: string;
	/** Who is answering, for messages: "Ollama", "vLLM", "the server". */
	serverName: string;
	apiKey: string;
	maxRetries: number;
	timeouts: TimeoutSettings;
	fetch?: typeof fetch;
};

export function toOpenAIMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
	return messages.map((message): ChatCompletionMessageParam => {
		switch (message.role) {
			case 'system':
				return {role: 'system', content: message.content};
			case 'user':
				return {role: 'user', content: message.content};
			case 'tool':
				return {role: 'tool', content: message.content, tool_call_id: message.toolCallId ?? message.toolName ?? ''};
			case 'assistant':
				return {
					role: 'assistant',
					// LangChain sends a tool-call turn without text as `content: null`; Ollama before v0.11.4
					// drops the tool_calls of a turn whose content is a string, even "" (openai/openai.go).
					content: message.toolCalls?.length && message.content === '' ? null : message.content,
					...(message.toolCalls?.length
						? {
								tool_calls: message.toolCalls.map((call, index) => ({
									id: call.id ?? `call_${index}`,
									type: 'function' as const,
									function: {name: call.name, arguments: call.rawArguments ?? JSON.stringify(call.arguments)},
								})),
							}
						: {}),
				};
		}
	});
}

/** setTimeout's longest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The SDK's own wait for the response headers (600 s by default) would cut a cold load that
 * --load-timeout still allows, and report it as a lost connection ("not running"): it is set past
 * ours, so --load-timeout decides and says so.
 */
export function sdkTimeoutMs(timeouts: TimeoutSettings): number {
	const ours = timeouts.loadMs > 0 && Number.isFinite(timeouts.loadMs) ? timeouts.loadMs : MAX_TIMER_MS;
	return Math.min(MAX_TIMER_MS, ours + 60_000);
}

/** A client for one request, so its fetch carries that request's timeouts and size cap. */
export function clientFor(connection: CompletionConnection, guard: RequestTimeouts, cap: BodyCap): OpenAI {
	return new OpenAI({
		baseURL: `${connection.host}/v1`,
		apiKey: connection.apiKey,
		maxRetries: connection.maxRetries,
		timeout: sdkTimeoutMs(connection.timeouts),
		// The SDK logs through console; nothing may print over the Ink frame.
		logLevel: 'off',
		fetch: cap.fetch(guard.fetch(connection.fetch ?? fetch)),
	});
}

/** Our own timeouts and size cap, in the user's terms, before the SDK's reading of the abort. */
export function explainAbort(connection: CompletionConnection, guard: RequestTimeouts, cap: BodyCap, error: unknown, stall?: ContentStall): unknown {
	const service = `${connection.serverName} at ${connection.host}/v1`;
	if (stall?.fired) return timeoutError(stall.fired, service);
	if (guard.fired) return timeoutError(guard.fired, service);
	if (cap.exceeded !== null) {
		return new ProviderError(
			'in-band',
			`${service} sent more than ${cap.exceeded / 1024 / 1024} MB for one response; it was cut off`,
			'make sure the host is the inference server you meant; if it is, update it and retry',
		);
	}
	return error;
}

type ChunkExtras = {timings?: unknown};

export async function* completionStream(connection: CompletionConnection, request: CompletionRequest, signal?: AbortSignal): AsyncGenerator<CompletionEvent> {
	const startedAt = performance.now();
	let firstAt: number | null = null;
	let lastAt: number | null = null;
	let finishReason: string | null = null;
	let usage: {promptTokens: number; completionTokens: number} | null = null;
	let timings: Record<string, unknown> | null = null;
	const toolCalls = new ToolCallAccumulator();
	// The same bound as Ollama's native streams: max_tokens x 2 parts, or 4 MB of text and arguments.
	const budget = new ResponseBudget(connection.host, request.model, request.maxTokens);
	const guard = new RequestTimeouts(connection.timeouts, signal);
	// Comments (`: ping`) and empty chunks keep bytes flowing without progress: only content resets it.
	const stall = new ContentStall(connection.timeouts.stallMs);
	const cap = new BodyCap(MAX_COMPAT_BODY_BYTES);
	const context = {host: connection.host, model: request.model, serverName: connection.serverName, ...(signal ? {signal} : {})};
	const body: ChatCompletionCreateParamsStreaming = {
		model: request.model,
		messages: toOpenAIMessages(request.messages),
		stream: true,
		stream_options: {include_usage: true},
		...(request.tools?.length ? {tools: request.tools as ChatCompletionTool[]} : {}),
		...(request.temperature === undefined ? {} : {temperature: request.temperature}),
		...(request.seed === undefined ? {} : {seed: request.seed}),
		...(request.maxTokens === undefined ? {} : {max_tokens: request.maxTokens}),
		...request.extra,
	};
	try {
		const stream = await clientFor(connection, guard, cap).chat.completions.create(body, {signal: AbortSignal.any([guard.signal, stall.signal])});
		stall.start();
		for await (const chunk of stream) {
			const extras = chunk as unknown as ChunkExtras;
			if (extras.timings && typeof extras.timings === 'object') timings = extras.timings as Record<string, unknown>;
			const choice = chunk.choices[0];
			// Ollama names the reasoning `reasoning`, vLLM and llama.cpp `reasoning_content`; the SDK types neither.
			const delta = choice?.delta as (ChatCompletionChunk.Choice.Delta & {reasoning?: string; reasoning_content?: string}) | undefined;
			const thinking = delta?.reasoning ?? delta?.reasoning_content ?? '';
			const text = delta?.content ?? '';
			const calls = delta?.tool_calls ?? [];
			if (text || thinking || calls.length > 0) {
				budget.add(text.length + thinking.length + calls.reduce((sum, call) => sum + (call.function?.arguments?.length ?? 0) + (call.function?.name?.length ?? 0), 0));
				const at = performance.now();
				firstAt ??= at;
				lastAt = at;
				stall.progress();
			}
			if (calls.length > 0) toolCalls.add(calls);
			if (text || thinking) yield {type: 'delta', text, ...(thinking ? {thinking} : {}), at: performance.now()};
			if (choice?.finish_reason) {
				finishReason = choice.finish_reason;
				stall.progress();
			}
			if (chunk.usage) usage = {promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens};
		}
	} catch (error) {
		throw mapOpenAIError(explainAbort(connection, guard, cap, error, stall), context);
	} finally {
		guard.clear();
		stall.clear();
	}
	if (stall.fired || guard.fired || cap.exceeded !== null) throw explainAbort(connection, guard, cap, null, stall);
	// The SDK ends the loop silently when the signal aborts; a half answer must not pass as whole.
	if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
	// Real Ollama reports an in-band failure on /v1 as an empty delta and the end of the stream,
	// with no finish_reason and no [DONE] (middleware/openai.go); the SDK ends without an error.
	if (finishReason === null) {
		throw new ProviderError(
			'stream-incomplete',
			`${STREAM_ENDED_EARLY}: the reply of ${request.model} on ${connection.host}/v1 stopped without a finish reason`,
			`${connection.serverName} may have crashed or run out of memory mid-answer; check the server and its log, then retry`,
		);
	}
	yield {type: 'end', toolCalls: toolCalls.result(), finishReason, usage, timings, firstAt, lastAt, startedAt};
}
