// Errors of the openai client talking to Ollama's /v1 endpoint. Ollama's `type` field does not
// follow the status reliably (#6027: "api_error" on a 400), so the mapping keys on the HTTP
// status and the message text.
import {APIConnectionError, APIError, APIUserAbortError} from 'openai';
import {ProviderError} from '../errors.js';
import {isAbortError, isBodyCutOff} from '../networkErrors.js';
import {HINTS, OUT_OF_MEMORY, PARSER_FAILED} from '../ollama/mapOllamaError.js';

/** `serverName`: who answers, in messages ("Ollama" when absent). */
export type OpenAIErrorContext = {host: string; model?: string; signal?: AbortSignal; serverName?: string};

function serverMessage(error: APIError): string {
	const body = error.error as {message?: unknown} | undefined;
	if (body && typeof body.message === 'string') return body.message;
	const text = error.message.replace(/^\d{3}\s+/, '');
	// vLLM's error body is not wrapped in `error` ({"object":"error","message":...}): the SDK quotes it whole.
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && typeof (parsed as {message?: unknown}).message === 'string') return (parsed as {message: string}).message;
	} catch {
		// Not JSON: the text as the server sent it.
	}
	return text;
}

export function mapOpenAIError(error: unknown, ctx: OpenAIErrorContext): ProviderError {
	if (error instanceof ProviderError) return error;
	if (ctx.signal?.aborted || error instanceof APIUserAbortError || isAbortError(error)) {
		return new ProviderError('canceled', 'Canceled', '', {cause: error});
	}
	if (error instanceof APIConnectionError) {
		if (ctx.serverName && ctx.serverName !== 'Ollama') {
			return new ProviderError('unreachable', `${ctx.serverName} is not answering at ${ctx.host}`, 'check that the server is running and that --host names its address and port', {cause: error});
		}
		return new ProviderError('unreachable', `Ollama is not running at ${ctx.host}`, HINTS.unreachable, {cause: error});
	}
	const model = ctx.model ?? 'the model';
	if (ctx.serverName && ctx.serverName !== 'Ollama' && error instanceof APIError && error.status === 404) {
		return new ProviderError('model-not-found', `${model} is not served by ${ctx.serverName} at ${ctx.host}`, 'serving another model is done on the server; `trifecta doctor --backend openai` lists what it serves', {status: 404, cause: error});
	}
	if (error instanceof APIError) {
		const status = error.status;
		const text = serverMessage(error);
		const opts = {status, cause: error};
		// The server, not the model: started without tool calling (vLLM, llama-server; docs/reference/servers.md).
		if (/--enable-auto-tool-choice|requires --jinja/i.test(text)) {
			return new ProviderError(
				'bad-request',
				`${ctx.serverName ?? 'The server'} at ${ctx.host} was started without tool calling, so no tool call of ${model} can be tested (${text})`,
				'restart it with tool calling on: `vllm serve ... --enable-auto-tool-choice --tool-call-parser hermes`, or `llama-server ... --jinja`',
				opts,
			);
		}
		if (/does not support tools/i.test(text)) {
			return new ProviderError(
				'tools-unsupported',
				`${model} does not support tools on /v1/chat/completions (Ollama: ${text})`,
				'it is recorded as unsupported; pick a model with the tools capability for tool-using agents',
				opts,
			);
		}
		if (OUT_OF_MEMORY.test(text)) {
			return new ProviderError('out-of-memory', `Ollama ran out of memory loading ${model}: ${text}`, HINTS.outOfMemory, opts);
		}
		if (PARSER_FAILED.test(text)) {
			return new ProviderError('model-output', `${model} wrote a tool call Ollama could not parse: ${text}`, HINTS.modelOutput, opts);
		}
		if (/model runner has unexpectedly stopped/i.test(text)) {
			return new ProviderError('runner-crashed', `The Ollama model runner for ${model} stopped unexpectedly`, HINTS.runner, opts);
		}
		if (status === 404) {
			return new ProviderError('model-not-found', `Model ${model} is not installed in Ollama at ${ctx.host}`, `pull it with \`trifecta pull ${ctx.model ?? '<model>'}\``, opts);
		}
		if (status === 503) return new ProviderError('server-busy', `Ollama at ${ctx.host} is busy: ${text}`, HINTS.busy, opts);
		if (status === undefined) {
			return new ProviderError('in-band', `Ollama reported an error mid-response: ${text}`, 'retry; if it keeps failing, check the Ollama server log', opts);
		}
		if (status >= 400 && status < 500) {
			return new ProviderError('bad-request', `Ollama rejected the request (${status}): ${text}`, 'check the model name and options', opts);
		}
		return new ProviderError('unknown', `Ollama failed (${status}): ${text}`, 'retry; if it keeps failing, check the Ollama server log', opts);
	}
	// The SDK lets a body that breaks off mid-stream through unwrapped (undici's 'terminated').
	if (isBodyCutOff(error)) {
		const server = ctx.serverName ?? 'Ollama';
		const hint = server === 'Ollama' ? HINTS.incomplete : `${server} may have stopped or restarted; check that it is still serving, then retry`;
		return new ProviderError('stream-incomplete', `The connection to ${server} at ${ctx.host} was reset or closed mid-answer; the partial answer was not kept`, hint, {cause: error});
	}
	const text = error instanceof Error ? error.message : String(error);
	return new ProviderError('unknown', `Unexpected error talking to Ollama at ${ctx.host}/v1: ${text}`, 'retry; if it keeps failing, check the Ollama server log', {cause: error});
}
