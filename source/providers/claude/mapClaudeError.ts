// Anthropic SDK errors as ProviderErrors. A mid-stream `event: error` arrives as a base APIError
// with no status (docs/reference/libs.md §5), so it is told apart from a 529 before the request. The API key
// must never appear in a message, whatever the server or SDK put into theirs.
import {APIConnectionError, APIError, APIUserAbortError} from '@anthropic-ai/sdk';
import {ProviderError} from '../errors.js';
import {isAbortError} from '../networkErrors.js';
import {redact} from '../../system/redact.js';

export type ClaudeErrorContext = {apiKey: string; baseURL: string; signal?: AbortSignal};


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
		if (status === 401 || status === 403) {
			return new ProviderError('claude-auth', `The Claude API rejected the API key (${status})`, 'check ANTHROPIC_API_KEY (or run with --no-claude to skip the baseline)', opts);
		}
		if (status === 429) {
			return new ProviderError('claude-rate-limit', 'The Claude API rate limit was hit', 'wait a minute and retry, or lower the request rate', opts);
		}
		if (status === 529 || error.type === 'overloaded_error') {
			return new ProviderError('claude-overloaded', 'The Claude API is overloaded right now', 'retry in a few minutes', opts);
		}
		if (status >= 400 && status < 500) {
			return new ProviderError('bad-request', `The Claude API rejected the request (${status}): ${text}`, 'check the Claude model name in the settings', opts);
		}
		return new ProviderError('unknown', `The Claude API failed (${status}): ${text}`, 'retry in a few minutes', opts);
	}
	const text = redact(error instanceof Error ? error.message : String(error), ctx.apiKey);
	return new ProviderError('unknown', `Unexpected error calling Claude: ${text}`, 'retry; run with --no-claude to skip the baseline', {cause: error});
}
