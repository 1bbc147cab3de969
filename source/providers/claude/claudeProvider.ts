// The Claude baseline over @anthropic-ai/sdk: streamed text with arrival times, client-measured
// TTFT, usage from message_start + message_delta, and list-price cost. Nothing is printed: the
// SDK's logger is off and its deprecation console.warn is captured into `warn`.
import Anthropic from '@anthropic-ai/sdk';
import {costUsd} from '../claudePricing.js';
import {ProviderError} from '../errors.js';
import type {ClaudeProvider, ClaudeStreamEvent, WarningSink} from '../types.js';
import {captureConsoleWarn, deprecationFor} from './deprecation.js';
import {judgeCall} from './judgeCall.js';
import {mapClaudeError} from './mapClaudeError.js';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export type ClaudeProviderOptions = {
	apiKey: string;
	/** Without /v1; defaults to the public API (ANTHROPIC_BASE_URL is resolved by claudeFromEnv). */
	baseURL?: string;
	model: string;
	/** SDK retries for 408/409/429/5xx/connection errors (default 2). */
	maxRetries?: number;
	warn: WarningSink;
	/** For tests and custom agents; defaults to the global fetch. */
	fetch?: typeof fetch;
};

export function createClaudeProvider(options: ClaudeProviderOptions): ClaudeProvider {
	const baseURL = options.baseURL || DEFAULT_ANTHROPIC_BASE_URL;
	const client = new Anthropic({
		apiKey: options.apiKey,
		baseURL,
		maxRetries: options.maxRetries ?? 2,
		logLevel: 'off',
		...(options.fetch ? {fetch: options.fetch} : {}),
	});
	const warned = new Set<string>();
	const warnOnce = (message: string) => {
		if (warned.has(message)) return;
		warned.add(message);
		options.warn(message);
	};
	const errorContext = (signal?: AbortSignal) => ({apiKey: options.apiKey, baseURL, signal});

	return {
		model: options.model,

		deprecation: () => deprecationFor(options.model),

		async judge(request, opts) {
			try {
				return await captureConsoleWarn(() => judgeCall(client, request, opts), warnOnce);
			} catch (error) {
				throw mapClaudeError(error, errorContext(opts?.signal));
			}
		},

		async *stream(request, opts): AsyncGenerator<ClaudeStreamEvent, void, undefined> {
			const signal = opts?.signal;
			const model = request.model || options.model;
			const started = performance.now();
			let ttftMs: number | null = null;
			let inputTokens = 0;
			let outputTokens = 0;
			let stopReason: string | null = null;
			try {
				const stream = await captureConsoleWarn(
					() =>
						client.messages.create(
							{
								model,
								max_tokens: request.maxTokens,
								messages: request.messages,
								...(request.system === undefined ? {} : {system: request.system}),
								stream: true,
							},
							{signal},
						),
					warnOnce,
				);
				// Leaving this loop early (break/return in the consumer) makes the SDK abort the request.
				for await (const event of stream) {
					if (event.type === 'message_start') {
						inputTokens = event.message.usage.input_tokens ?? 0;
						outputTokens = event.message.usage.output_tokens ?? 0;
					} else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text) {
						const at = performance.now();
						ttftMs ??= at - started;
						yield {type: 'delta', text: event.delta.text, at};
					} else if (event.type === 'message_delta') {
						stopReason = event.delta.stop_reason ?? stopReason;
						// message_delta usage is cumulative for the whole message.
						if (typeof event.usage.output_tokens === 'number') outputTokens = event.usage.output_tokens;
						if (typeof event.usage.input_tokens === 'number') inputTokens = event.usage.input_tokens;
					}
				}
			} catch (error) {
				throw mapClaudeError(error, errorContext(signal));
			}
			// An aborted signal ends the SDK's loop silently; a cut-off answer must not look complete.
			if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
			yield {
				type: 'done',
				stopReason,
				usage: {inputTokens, outputTokens},
				costUsd: costUsd(model, inputTokens, outputTokens),
				ttftMs,
				at: performance.now(),
			};
		},
	};
}
