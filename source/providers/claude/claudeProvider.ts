// The Claude baseline over @anthropic-ai/sdk: streamed text with arrival times, client-measured
// TTFT, usage from message_start + message_delta (prompt-cache reads and writes included), and
// list-price cost. Every request is shaped for its model (messageParams.ts). An answer counts only
// when the stream reached message_stop; pings are not progress (progressWatch.ts). A 429 is not
// retried inside the SDK: its retry-after goes up to the Claude queue, which waits it out in view.
// Nothing is printed: the SDK's logger is off and its deprecation console.warn is captured into `warn`.
import Anthropic from '@anthropic-ai/sdk';
import {costUsd} from '../claudePricing.js';
import {ProviderError} from '../errors.js';
import {BodyCap} from '../network/bodyCap.js';
import {DEFAULT_TIMEOUTS, RequestTimeouts, timeoutError, type TimeoutSettings} from '../network/timeouts.js';
import type {ClaudeProvider, ClaudeStreamEvent, WarningSink} from '../types.js';
import {captureConsoleWarn, deprecationFor} from './deprecation.js';
import {judgeCall} from './judgeCall.js';
import {mapClaudeError} from './mapClaudeError.js';
import {baselineParams, judgeParams} from './messageParams.js';
import {deadlineMs, ProgressWatch} from './progressWatch.js';
import {stopReasonError} from './stopReasons.js';
import {usageOf, type WireUsage} from './usage.js';

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
	/** SDK retries for 408/409/5xx/connection errors (default 2); a 429 goes to the caller with its retry-after. */
	maxRetries?: number;
	warn: WarningSink;
	/** For tests and custom agents; defaults to the global fetch. */
	fetch?: typeof fetch;
	/** --load-timeout / --stall-timeout (default 900 s / 120 s); a timeout is never retried by the SDK. */
	timeouts?: TimeoutSettings;
};

/**
 * Marks a 429 "do not retry" for the SDK (it honours x-should-retry, docs/reference/libs.md §5), so
 * the wait it asks for is the Claude queue's to take, on screen, rather than a silent SDK sleep.
 */
function rateLimitsToCaller(base: typeof fetch): typeof fetch {
	return async (input, init) => {
		const response = await base(input, init);
		if (response.status !== 429) return response;
		const headers = new Headers(response.headers);
		headers.set('x-should-retry', 'false');
		return new Response(response.body, {status: response.status, statusText: response.statusText, headers});
	};
}

function cutStream(chars: number): ProviderError {
	return new ProviderError(
		'claude-stream-error',
		`The Claude stream ended before the end of the answer (no message_stop after ${chars} characters): the answer is cut`,
		'the connection or a proxy ended the response early; retry, and check ANTHROPIC_BASE_URL if it keeps happening',
	);
}

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
			fetch: cap.fetch(guard.fetch(rateLimitsToCaller(options.fetch ?? fetch))),
		});
	const warned = new Set<string>();
	const warnOnce = (message: string) => {
		if (warned.has(message)) return;
		warned.add(message);
		options.warn(message);
	};
	const errorContext = (signal?: AbortSignal) => ({apiKey: options.apiKey, baseURL, signal});
	/** What an aborted or failed request was, in the user's terms: our own timeouts and cap first. */
	const failure = (error: unknown, guard: RequestTimeouts, cap: BodyCap, watch: ProgressWatch, signal?: AbortSignal): ProviderError => {
		if (watch.fired) return watch.fired;
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
			// A non-streamed verdict has no content to watch: only its deadline applies.
			const watch = new ProgressWatch(0, deadlineMs(judgeParams(request).params.max_tokens, timeouts));
			try {
				return await captureConsoleWarn(() => judgeCall(clientFor(guard, cap), request, {...opts, signal: AbortSignal.any([guard.signal, watch.signal])}), warnOnce);
			} catch (error) {
				throw failure(error, guard, cap, watch, opts?.signal);
			} finally {
				guard.clear();
				watch.clear();
			}
		},

		async *stream(request, opts): AsyncGenerator<ClaudeStreamEvent, void, undefined> {
			const signal = opts?.signal;
			const model = request.model || options.model;
			const {params} = baselineParams(request, model);
			const started = performance.now();
			let ttftMs: number | null = null;
			let wire: WireUsage = {};
			let thinkingChars = 0;
			let textChars = 0;
			let stopReason: string | null = null;
			let finished = false;
			const guard = new RequestTimeouts(timeouts, signal);
			const cap = new BodyCap(MAX_CLAUDE_BODY_BYTES);
			const watch = new ProgressWatch(timeouts.stallMs, deadlineMs(params.max_tokens, timeouts));
			try {
				const stream = await captureConsoleWarn(
					() => clientFor(guard, cap).messages.create({...params, stream: true}, {signal: AbortSignal.any([guard.signal, watch.signal])}),
					warnOnce,
				);
				watch.started();
				// Leaving this loop early (break/return in the consumer) makes the SDK abort the request.
				for await (const event of stream) {
					if (event.type === 'message_start') {
						wire = {...event.message.usage};
					} else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text) {
						watch.progress();
						const at = performance.now();
						// TTFT is to the first token of the answer: any thinking before it is inside it.
						ttftMs ??= at - started;
						textChars += event.delta.text.length;
						yield {type: 'delta', text: event.delta.text, at};
					} else if (event.type === 'content_block_delta' && event.delta.type === 'thinking_delta' && event.delta.thinking) {
						// Current Sonnets think adaptively: the reasoning is never part of the answer text.
						watch.progress();
						thinkingChars += event.delta.thinking.length;
					} else if (event.type === 'content_block_start' || event.type === 'content_block_stop' || (event.type === 'content_block_delta' && event.delta.type === 'signature_delta')) {
						// A block opening or closing (thinking shown as "omitted" arrives as a signature only) is the answer moving on.
						watch.progress();
					} else if (event.type === 'message_delta') {
						stopReason = event.delta.stop_reason ?? stopReason;
						// message_delta usage is cumulative for the whole message; absent counts keep message_start's.
						const delta = Object.fromEntries(Object.entries(event.usage).filter(([, value]) => value !== null && value !== undefined));
						wire = {...wire, ...delta};
					} else if (event.type === 'message_stop') {
						finished = true;
					}
				}
			} catch (error) {
				throw failure(error, guard, cap, watch, signal);
			} finally {
				guard.clear();
				watch.clear();
			}
			if (watch.fired) throw watch.fired;
			if (guard.fired) throw timeoutError(guard.fired, 'the Claude API');
			if (cap.exceeded !== null) throw oversized(baseURL, cap.exceeded);
			// An aborted signal ends the SDK's loop silently; a cut-off answer must not look complete.
			if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
			if (!finished) throw cutStream(textChars);
			// A refusal or an overflowing context ends the stream properly but is no answer.
			const refused = stopReasonError(stopReason, model, 'baseline');
			if (refused) throw refused;
			const usage = usageOf(wire);
			// Without the API's own split, the thinking share of output_tokens is estimated from the text lengths.
			if (usage.thinkingTokens === undefined && thinkingChars > 0) {
				const estimate = Math.round((usage.outputTokens * thinkingChars) / (thinkingChars + textChars));
				if (estimate > 0) usage.thinkingTokens = estimate;
			}
			yield {
				type: 'done',
				stopReason,
				usage,
				costUsd: costUsd(model, usage.inputTokens, usage.outputTokens, usage),
				ttftMs,
				at: performance.now(),
			};
		},
	};
}
