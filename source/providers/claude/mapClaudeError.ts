// Anthropic SDK errors as ProviderErrors. A mid-stream `event: error` arrives as a base APIError
// with no status (docs/reference/libs.md §5), so it is told apart from a 529 before the request. The API key
// must never appear in a message, whatever the server or SDK put into theirs.
import {APIConnectionError, APIError, APIUserAbortError} from '@anthropic-ai/sdk';
import {ProviderError} from '../errors.js';
import {isAbortError, isBodyCutOff} from '../networkErrors.js';
import {redact} from '../../system/redact.js';

export type ClaudeErrorContext = {apiKey: string; baseURL: string; signal?: AbortSignal};


/**
 * The wait a 429/529 asks for: retry-after-ms, else retry-after in seconds or as an HTTP date
 * (the SDK reads the same headers, docs/reference/libs.md §5). Undefined when there is no advice.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
	const ms = Number(headers?.get('retry-after-ms') ?? NaN);
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const raw = headers?.get('retry-after');
	if (raw === null || raw === undefined || raw.trim() === '') return undefined;
	const secondsValue = Number(raw);
	if (Number.isFinite(secondsValue) && secondsValue >= 0) return secondsValue * 1000;
	const date = Date.parse(raw);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function apiMessage(error: APIError): string {
	const body = error.error as {error?: {message?: unknown}} | undefined;
	const message = body?.error?.message;
	return typeof message === 'string' ? message : error.message;
}

export function mapClaudeError(error: unknown, ctx: ClaudeErrorContext): ProviderError {
	if (error instanceof ProviderError) return error;
	if (ctx.signal?.aborted || error instanceof APIUserAbortError || isAbortError(error)) {
		return new ProviderError('canceled', 'Canceled', '');
	}
	// A body that breaks off after the answer began is the server (or a proxy) cutting it, not the
	// network being down: the SDK passes undici's 'terminated' through, or wraps it as a connection error.
	if (isBodyCutOff(error)) {
		return new ProviderError('claude-stream-error', `The answer from the Claude API was cut off mid-stream: the server or a proxy at ${ctx.baseURL} reset or closed the connection`, 'retry in a moment; the baseline is re-run from the start (check ANTHROPIC_BASE_URL if it keeps happening)', {cause: error});
	}
	if (error instanceof APIConnectionError) {
		return new ProviderError('claude-connection', `Could not reach the Claude API at ${ctx.baseURL}`, 'check your network connection (and ANTHROPIC_BASE_URL if set), then retry', {cause: error});
	}
	if (error instanceof APIError) {
		const status = error.status;
		const text = redact(apiMessage(error), ctx.apiKey);
		const opts = {status, cause: error};
		if (status === undefined) {
			return new ProviderError('claude-stream-error', `The Claude stream failed mid-response: ${text}`, 'retry in a moment; the baseline is re-run from the start', opts);
		}
		if (status === 401) {
			return new ProviderError('claude-auth', 'The Claude API rejected the API key (401)', 'check ANTHROPIC_API_KEY (or run with --no-claude to skip the baseline)', opts);
		}
		// 403 is permission_error: the key was accepted but may not use this model or feature.
		if (status === 403) {
			return new ProviderError(
				'bad-request',
				`The Claude API accepted the API key but refused it permission for this request (403): ${text}`,
				'the key (or its workspace) may not use this model or feature: choose another --claude-model, ask the organisation admin for access, or run with --no-claude',
				opts,
			);
		}
		const wait = retryAfterMs(error.headers);
		const throttled = {...opts, ...(wait === undefined ? {} : {retryAfterMs: wait})};
		if (status === 429) {
			return new ProviderError('claude-rate-limit', `The Claude API rate limit was hit: ${text}`, 'wait a minute and retry, or lower the request rate', throttled);
		}
		if (status === 529 || error.type === 'overloaded_error') {
			return new ProviderError('claude-overloaded', 'The Claude API is overloaded right now', 'retry in a few minutes', throttled);
		}
		if (status === 404) {
			return new ProviderError('bad-request', `The Claude API does not know this model (404): ${text}`, 'choose a current model with --claude-model (the plan screen lists the ones your key can use)', opts);
		}
		if (status >= 400 && status < 500) {
			return new ProviderError('bad-request', `The Claude API rejected the request (${status}): ${text}`, 'retrying the same request gets the same answer; check the Claude model in the settings (--claude-model), or run with --no-claude', opts);
		}
		return new ProviderError('unknown', `The Claude API failed (${status}): ${text}`, 'retry in a few minutes', opts);
	}
	const text = redact(error instanceof Error ? error.message : String(error), ctx.apiKey);
	return new ProviderError('unknown', `Unexpected error calling Claude: ${text}`, 'retry; run with --no-claude to skip the baseline', {cause: error});
}
