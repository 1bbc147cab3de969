// Ollama's OpenAI-compatible endpoint, called exactly as LangChain's ChatOpenAI calls it (the
// openai client, baseURL <host>/v1, a dummy key), so the tool-calling test sees what the
// pipeline will see. Streams with include_usage; the SDK does the SSE parsing.
import OpenAI from 'openai';
import type {ChatCompletionMessageParam, ChatCompletionTool} from 'openai/resources/chat/completions';
import {ProviderError} from '../errors.js';
import {normalizeOllamaHost} from '../ollama/hostUrl.js';
import type {ChatMessage, CompatChatResult, OpenAICompatProvider} from '../types.js';
import {mapOpenAIError} from './mapOpenAIError.js';
import {ToolCallAccumulator} from './toolCallAccumulator.js';
import {ResponseBudget} from '../ollama/responseBudget.js';

export type OpenAICompatProviderOptions = {
	host: string;
	/** The SDK's own retries (408/409/429/5xx/connection); default 2 as in the SDK. */
	maxRetries?: number;
	/** For tests and custom agents; defaults to the global fetch. */
	fetch?: typeof fetch;
};

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
					content: message.content,
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
	const client = new OpenAI({
		baseURL: `${host}/v1`,
		// Ollama ignores the key but the client refuses to start without one; LangChain sends 'ollama'.
		apiKey: 'ollama',
		maxRetries: options.maxRetries ?? 2,
		// The SDK logs through console; nothing may print over the Ink frame.
		logLevel: 'off',
		...(options.fetch ? {fetch: options.fetch} : {}),
	});

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
			try {
				const stream = await client.chat.completions.create(
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
					{signal},
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
				throw mapOpenAIError(error, {host, model: request.model, signal});
			}
			// The SDK ends the loop silently when the signal aborts; a half answer must not pass as whole.
			if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
			return {content, toolCalls: toolCalls.result(), finishReason, usage, ttftMs, elapsedMs: performance.now() - started};
		},

		async listModels(opts) {
			try {
				const page = await client.models.list({signal: opts?.signal});
				return page.data.map((model) => model.id);
			} catch (error) {
				throw mapOpenAIError(error, {host, signal: opts?.signal});
			}
		},
	};
}
