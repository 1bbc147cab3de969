// Ollama's OpenAI-compatible endpoint, called exactly as LangChain's ChatOpenAI calls it (the
// openai client, baseURL <host>/v1, a dummy key), so the tool-calling test sees what the
// pipeline will see. Streams with include_usage; the SDK does the SSE parsing.
import OpenAI from 'openai';
import type {ChatCompletionMessageParam, ChatCompletionTool} from 'openai/resources/chat/completions';
import {ProviderError} from '../errors.js';
import {BodyCap} from '../network/bodyCap.js';
import {DEFAULT_TIMEOUTS, RequestTimeouts, timeoutError, type TimeoutSettings} from '../network/timeouts.js';
import {normalizeOllamaHost} from '../ollama/hostUrl.js';
import type {ChatMessage, CompatChatResult, OpenAICompatProvider} from '../types.js';
import {mapOpenAIError} from './mapOpenAIError.js';
import {ToolCallAccumulator} from './toolCallAccumulator.js';
import {ResponseBudget} from '../ollama/responseBudget.js';

export type OpenAICompatProviderOptions = {
	host: string;
	/**
	 * The SDK's own retries (408/409/429/5xx/connection). Default 0: a 500 from Ollama is usually a
	 * model that does not fit, and each retry would reload it; a timeout is never retried blindly.
	 */
	maxRetries?: number;
	/** For tests and custom agents; defaults to the global fetch. */
	fetch?: typeof fetch;
	/** --load-timeout / --stall-timeout (default 900 s / 120 s). */
	timeouts?: TimeoutSettings;
};

/**
 * 16 MB per response body. The SDK buffers an SSE line whole before the streamed-text budget
 * sees it, so a server that never ends a line is bounded here, below the parser.
 */
export const MAX_COMPAT_BODY_BYTES = 16 * 1024 * 1024;

/** Ollama ends /v1 streams with a finish_reason, then [DONE]; an in-band error (runner crash, cut connection) has none. */
export const STREAM_ENDED_EARLY = 'the server ended the stream early';

function toOpenAIMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
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

export function createOpenAICompatProvider(options: OpenAICompatProviderOptions): OpenAICompatProvider {
	const host = normalizeOllamaHost(options.host);
	const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
	// One client per request, so its fetch carries that request's timeouts and size cap.
	const clientFor = (guard: RequestTimeouts, cap: BodyCap) =>
		new OpenAI({
			baseURL: `${host}/v1`,
			// Ollama ignores the key but the client refuses to start without one; LangChain sends 'ollama'.
			apiKey: 'ollama',
			maxRetries: options.maxRetries ?? 0,
			// The SDK logs through console; nothing may print over the Ink frame.
			logLevel: 'off',
			fetch: cap.fetch(guard.fetch(options.fetch ?? fetch)),
		});
	/** Our own timeouts and size cap, in the user's terms, before the SDK's reading of the abort. */
	const explain = (guard: RequestTimeouts, cap: BodyCap, error: unknown): unknown => {
		if (guard.fired) return timeoutError(guard.fired, `Ollama at ${host}/v1`);
		if (cap.exceeded !== null) {
			return new ProviderError(
				'in-band',
				`Ollama at ${host}/v1 sent more than ${cap.exceeded / 1024 / 1024} MB for one response; it was cut off`,
				'make sure the host is a real Ollama server; if it is, update Ollama and retry',
			);
		}
		return error;
	};

	return {
		async chat(request, opts) {
			const signal = opts?.signal;
			const started = performance.now();
			let ttftMs: number | null = null;
			let content = '';
			let finishReason: string | null = null;
			let usage: CompatChatResult['usage'] = null;
			const toolCalls = new ToolCallAccumulator();
			// The same bound as Ollama's native streams: max_tokens x 2 parts, or 4 MB of text and arguments.
			const budget = new ResponseBudget(host, request.model, request.maxTokens);
			const guard = new RequestTimeouts(timeouts, signal);
			const cap = new BodyCap(MAX_COMPAT_BODY_BYTES);
			try {
				const stream = await clientFor(guard, cap).chat.completions.create(
					{
						model: request.model,
						messages: toOpenAIMessages(request.messages),
						stream: true,
						stream_options: {include_usage: true},
						...(request.tools?.length ? {tools: request.tools as ChatCompletionTool[]} : {}),
						...(request.temperature === undefined ? {} : {temperature: request.temperature}),
						...(request.seed === undefined ? {} : {seed: request.seed}),
						...(request.maxTokens === undefined ? {} : {max_tokens: request.maxTokens}),
					},
					{signal: guard.signal},
				);
				for await (const chunk of stream) {
					const choice = chunk.choices[0];
					const delta = choice?.delta;
					if (delta?.content || delta?.tool_calls?.length) {
						budget.add((delta.content?.length ?? 0) + (delta.tool_calls ?? []).reduce((sum, call) => sum + (call.function?.arguments?.length ?? 0) + (call.function?.name?.length ?? 0), 0));
					}
					if (delta?.content) content += delta.content;
					if (delta?.tool_calls?.length) toolCalls.add(delta.tool_calls);
					if (ttftMs === null && (delta?.content || delta?.tool_calls?.length)) ttftMs = performance.now() - started;
					if (choice?.finish_reason) finishReason = choice.finish_reason;
					if (chunk.usage) usage = {promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens};
				}
			} catch (error) {
				throw mapOpenAIError(explain(guard, cap, error), {host, model: request.model, signal});
			} finally {
				guard.clear();
			}
			if (guard.fired || cap.exceeded !== null) throw explain(guard, cap, null);
			// The SDK ends the loop silently when the signal aborts; a half answer must not pass as whole.
			if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
			// Real Ollama reports an in-band failure on /v1 as an empty delta and the end of the stream,
			// with no finish_reason and no [DONE] (middleware/openai.go); the SDK ends without an error.
			if (finishReason === null) {
				throw new ProviderError(
					'stream-incomplete',
					`${STREAM_ENDED_EARLY}: the reply of ${request.model} on ${host}/v1 stopped without a finish reason`,
					'Ollama may have crashed or run out of memory mid-answer; check `ollama ps` and the server log, then retry',
				);
			}
			return {content, toolCalls: toolCalls.result(), finishReason, usage, ttftMs, elapsedMs: performance.now() - started};
		},

		async listModels(opts) {
			const guard = new RequestTimeouts(timeouts, opts?.signal);
			const cap = new BodyCap(MAX_COMPAT_BODY_BYTES);
			try {
				const page = await clientFor(guard, cap).models.list({signal: guard.signal});
				return page.data.map((model) => model.id);
			} catch (error) {
				throw mapOpenAIError(explain(guard, cap, error), {host, signal: opts?.signal});
			} finally {
				guard.clear();
			}
		},
	};
}
