// The Claude baseline over @anthropic-ai/sdk: streamed text with arrival times, client-measured
// TTFT, usage from message_start + message_delta, and list-price cost. Nothing is printed: the
// SDK's logger is off and its deprecation console.warn is captured into `warn`.
import Anthropic from '@anthropic-ai/sdk';
import {costUsd} from '../claudePricing.js';
import {ProviderError} from '../errors.js';
import {BodyCap} from '../network/bodyCap.js';
import {DEFAULT_TIMEOUTS, RequestTimeouts, timeoutError, type TimeoutSettings} from '../network/timeouts.js';
import type {ClaudeProvider, ClaudeStreamEvent, WarningSink} from '../types.js';
import {captureConsoleWarn, deprecationFor} from './deprecation.js';
import {judgeCall} from './judgeCall.js';
import {mapClaudeError} from './mapClaudeError.js';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/**
 * 16 MB per response body: an answer of the few thousand tokens trifecta asks for is well under
 * 1 MB of SSE events. Past it the server is not behaving like the Claude API.
 */
export const MAX_CLAUDE_BODY_BYTES = 16 * 1024 * 1024;

function oversized(baseURL: string, bytes: number): ProviderError {
	return new ProviderError(
		'claude-stream-error',
		`${baseURL} sent more than ${bytes / 1024 / 1024} MB for one Claude response; it was cut off`,
		'check ANTHROPIC_BASE_URL (it should be the Claude API or a proxy that passes it through), then retry',
	);
}

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
	/** --load-timeout / --stall-timeout (default 900 s / 120 s); a timeout is never retried by the SDK. */
	timeouts?: TimeoutSettings;
};

export function createClaudeProvider(options: ClaudeProviderOptions): ClaudeProvider {
	const baseURL = options.baseURL || DEFAULT_ANTHROPIC_BASE_URL;
	const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
	// One client per request, so its fetch carries that request's timeouts and size cap.
	const clientFor = (guard: RequestTimeouts, cap: BodyCap) =>
		new Anthropic({
			apiKey: options.apiKey,
			baseURL,
			maxRetries: options.maxRetries ?? 2,
			// Our load timeout applies instead; the SDK's own (10 min until headers) would retry on top.
			timeout: timeouts.loadMs > 0 ? timeouts.loadMs + 1000 : 600_000,
			logLevel: 'off',
			fetch: cap.fetch(guard.fetch(options.fetch ?? fetch)),
		});
	const warned = new Set<string>();
	const warnOnce = (message: string) => {
		if (warned.has(message)) return;
		warned.add(message);
		options.warn(message);
	};
	const errorContext = (signal?: AbortSignal) => ({apiKey: options.apiKey, baseURL, signal});
	/** What an aborted or failed request was, in the user's terms: our own timeouts and cap first. */
	const failure = (error: unknown, guard: RequestTimeouts, cap: BodyCap, signal?: AbortSignal): ProviderError => {
		if (guard.fired) return timeoutError(guard.fired, 'the Claude API');
		if (cap.exceeded !== null) return oversized(baseURL, cap.exceeded);
		return mapClaudeError(error, errorContext(signal));
	};

	return {
		model: options.model,

		deprecation: () => deprecationFor(options.model),

		async judge(request, opts) {
			const guard = new RequestTimeouts(timeouts, opts?.signal);
			const cap = new BodyCap(MAX_CLAUDE_BODY_BYTES);
			try {
				return await captureConsoleWarn(() => judgeCall(clientFor(guard, cap), request, {...opts, signal: guard.signal}), warnOnce);
			} catch (error) {
				throw failure(error, guard, cap, opts?.signal);
			} finally {
				guard.clear();
			}
		},

		async *stream(request, opts): AsyncGenerator<ClaudeStreamEvent, void, undefined> {
			const signal = opts?.signal;
			const model = request.model || options.model;
			const started = performance.now();
			let ttftMs: number | null = null;
			let inputTokens = 0;
			let outputTokens = 0;
			let thinkingTokens: number | null = null;
			let thinkingChars = 0;
			let textChars = 0;
			let stopReason: string | null = null;
			const guard = new RequestTimeouts(timeouts, signal);
			const cap = new BodyCap(MAX_CLAUDE_BODY_BYTES);
			try {
				const stream = await captureConsoleWarn(
					() =>
						clientFor(guard, cap).messages.create(
							{
								model,
								max_tokens: request.maxTokens,
								messages: request.messages,
								...(request.system === undefined ? {} : {system: request.system}),
								stream: true,
							},
							{signal: guard.signal},
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
						// TTFT is to the first token of the answer: any thinking before it is inside it.
						ttftMs ??= at - started;
						textChars += event.delta.text.length;
						yield {type: 'delta', text: event.delta.text, at};
					} else if (event.type === 'content_block_delta' && event.delta.type === 'thinking_delta') {
						// Current Sonnets think adaptively: the reasoning is never part of the answer text.
						thinkingChars += event.delta.thinking.length;
					} else if (event.type === 'message_delta') {
						stopReason = event.delta.stop_reason ?? stopReason;
						// message_delta usage is cumulative for the whole message.
						if (typeof event.usage.output_tokens === 'number') outputTokens = event.usage.output_tokens;
						if (typeof event.usage.input_tokens === 'number') inputTokens = event.usage.input_tokens;
						const details = (event.usage as {output_tokens_details?: {thinking_tokens?: unknown} | null}).output_tokens_details;
						if (typeof details?.thinking_tokens === 'number') thinkingTokens = details.thinking_tokens;
					}
				}
			} catch (error) {
				throw failure(error, guard, cap, signal);
			} finally {
				guard.clear();
			}
			if (guard.fired) throw timeoutError(guard.fired, 'the Claude API');
			if (cap.exceeded !== null) throw oversized(baseURL, cap.exceeded);
			// Without the API's own split, the thinking share of output_tokens is estimated from the text lengths.
			if (thinkingTokens === null && thinkingChars > 0) thinkingTokens = Math.round((outputTokens * thinkingChars) / (thinkingChars + textChars));
			// An aborted signal ends the SDK's loop silently; a cut-off answer must not look complete.
			if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
			yield {
				type: 'done',
				stopReason,
				usage: {inputTokens, outputTokens, ...(thinkingTokens ? {thinkingTokens} : {})},
				costUsd: costUsd(model, inputTokens, outputTokens),
				ttftMs,
				at: performance.now(),
			};
		},
	};
}
