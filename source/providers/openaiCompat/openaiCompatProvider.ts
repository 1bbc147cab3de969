// The OpenAI-compatible endpoint (/v1) of Ollama or any inference server, called exactly as
// LangChain's ChatOpenAI calls it (the openai client, baseURL <host>/v1, a key or a dummy one), so
// the tool-calling test sees what the pipeline will see. The request itself is completionStream.ts.
import {BodyCap} from '../network/bodyCap.js';
import {DEFAULT_TIMEOUTS, RequestTimeouts, type TimeoutSettings} from '../network/timeouts.js';
import {normalizeOllamaHost} from '../ollama/hostUrl.js';
import type {CompatChatResult, OpenAICompatProvider} from '../types.js';
import {clientFor, completionStream, explainAbort, type CompletionConnection} from './completionStream.js';
import {mapOpenAIError} from './mapOpenAIError.js';

export {MAX_COMPAT_BODY_BYTES, STREAM_ENDED_EARLY} from './completionStream.js';

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
	/** OPENAI_COMPATIBLE_API_KEY for a server that wants one; Ollama ignores it (LangChain sends 'ollama'). */
	apiKey?: string;
	/** Who answers, in messages: "Ollama" (default) or the inference server's name. */
	serverName?: string;
	/** Extra body fields for every chat request (e.g. the reasoning setting that matches the native run). */
	extra?: (model: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
};

export function connectionOf(options: OpenAICompatProviderOptions): CompletionConnection {
	return {
		host: normalizeOllamaHost(options.host),
		serverName: options.serverName ?? 'Ollama',
		apiKey: options.apiKey?.trim() || 'ollama',
		maxRetries: options.maxRetries ?? 0,
		timeouts: options.timeouts ?? DEFAULT_TIMEOUTS,
		...(options.fetch ? {fetch: options.fetch} : {}),
	};
}

export function createOpenAICompatProvider(options: OpenAICompatProviderOptions): OpenAICompatProvider {
	const connection = connectionOf(options);
	const {host} = connection;

	return {
		async chat(request, opts) {
			let content = '';
			const {reasoningEffort, ...rest} = request;
			const extra = {...(options.extra ? await options.extra(request.model) : {}), ...(reasoningEffort === undefined ? {} : {reasoning_effort: reasoningEffort})};
			const stream = completionStream(connection, {...rest, ...(Object.keys(extra).length > 0 ? {extra} : {})}, opts?.signal);
			for await (const event of stream) {
				if (event.type === 'delta') {
					content += event.text;
					continue;
				}
				const result: CompatChatResult = {
					content,
					toolCalls: event.toolCalls,
					finishReason: event.finishReason,
					usage: event.usage,
					ttftMs: event.firstAt === null ? null : event.firstAt - event.startedAt,
					elapsedMs: performance.now() - event.startedAt,
				};
				return result;
			}
			// completionStream always ends with an 'end' event or throws.
			throw mapOpenAIError(new Error('the stream ended without a result'), {host, model: request.model, serverName: connection.serverName});
		},

		async listModels(opts) {
			const guard = new RequestTimeouts(connection.timeouts, opts?.signal);
			const cap = new BodyCap(1024 * 1024 * 16);
			try {
				// One page: the SDK's models page has no next page, so a server answering has_more forever is read once.
				const page = await clientFor(connection, guard, cap).models.list({signal: guard.signal});
				return page.data.map((model) => model.id);
			} catch (error) {
				throw mapOpenAIError(explainAbort(connection, guard, cap, error), {host, serverName: connection.serverName, ...(opts?.signal ? {signal: opts.signal} : {})});
			} finally {
				guard.clear();
			}
		},
	};
}
