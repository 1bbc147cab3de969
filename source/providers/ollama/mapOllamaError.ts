// Everything ollama-js (and Node's fetch under it) can throw, turned into one ProviderError with a
// message that says what happened and a hint that says what to do (docs/reference/ollama-wire.md §2,
// docs/reference/libs.md §4). ollama-js does not export ResponseError, so it is recognised by shape.
import {ProviderError} from '../errors.js';
import {errorCodes, isAbortError, isBodyCutOff, isBrokenStream, isConnectionFailure} from '../networkErrors.js';
import {MALFORMED_LINE_PREFIX, OversizedResponseError} from './quietFetch.js';

export type OllamaErrorContext = {
	host: string;
	model?: string;
	operation?: 'pull' | 'chat' | 'generate' | 'load' | 'unload' | 'list' | 'ps' | 'show' | 'delete' | 'version' | 'ping';
	/** True once the response started streaming: a plain Error is then an in-band `{"error"}` line. */
	streaming?: boolean;
	signal?: AbortSignal;
};

const INCOMPLETE_STREAM = 'Did not receive done or success response in stream.';

export const HINTS = {
	unreachable: 'start it with `ollama serve`, or try `trifecta --demo`',
	outOfMemory:
		'try a smaller --num-ctx, unload other models (`ollama stop <model>`), or raise the GPU memory limit with `sudo sysctl iogpu.wired_limit_mb=<MB>`',
	busy: 'wait for other requests to finish and retry, or raise OLLAMA_MAX_QUEUE',
	manifest: 'check the model name on ollama.com/library',
	runner: 'the model may not fit in free memory: close other models or use a smaller --num-ctx, then retry',
	incomplete: 'Ollama may have stopped or restarted; check `ollama ps` and the server log, then retry',
	diskFull: 'free disk space (`ollama rm` a model you no longer need, or empty the trash), then run the pull again: it resumes',
	modelOutput: 'this is the model failing to call the tool correctly, recorded as a failed scenario',
	loadFailed:
		'the model file may be damaged or need a newer Ollama: update Ollama, or `ollama rm` the model and pull it again; the server log (`~/.ollama/logs/server.log`) says which',
} as const;

/**
 * Out-of-memory wordings by server version: "requires more system memory" (≤ v0.2x, Linux and
 * Windows), "memory layout cannot be allocated" and "insufficient memory - required allocations"
 * (the Go runner's scheduler, v0.1x-v0.2x), "failed to allocate memory for model" (llama.cpp
 * loading), "llama-server reported out-of-memory" (v0.30+).
 */
export const OUT_OF_MEMORY =
	/requires more system memory|out-of-memory|out of memory|memory layout cannot be allocated|failed to allocate memory|insufficient memory/i;
/** A pull (or model write) that hit a full disk: the OS error as Ollama passes it on. */
export const DISK_FULL = /no space left on device/i;
/**
 * Ollama's tool-call parsers failing on what the model wrote: the model's failure, not the
 * server's. The Go parsers ("failed to parse JSON", "error parsing tool call"); llama-server from
 * v0.30 ("llama-server returned invalid tool call arguments for ...", llm/llama_server.go:2120);
 * and the per-family parsers of model/parsers/ (v0.32.15): glm46.go ("incomplete GLM tool call",
 * "mismatched arg_key and arg_value counts", "tool ... is not declared", "required argument ... is
 * missing", "failed to parse XML", "empty function name"), lfm2.go ("invalid tool call: ...", "no
 * tool call(s) found"), olmo3.go ("failed to parse function call", "invalid function call format",
 * "failed to parse arguments", "invalid argument format", "failed to parse value for ...", "invalid
 * object entry").
 */
export const PARSER_FAILED = new RegExp(
	[
		'failed to parse JSON',
		'error parsing tool call',
		'failed to parse tool call',
		'invalid tool call',
		'incomplete GLM tool call',
		'mismatched arg_key and arg_value counts',
		'tool "[^"]*" is not declared',
		'required argument "[^"]*" is missing for tool',
		'failed to parse XML',
		'empty (?:function|argument) name',
		'no tool calls? found',
		'failed to parse function call',
		'invalid function call format',
		'failed to parse arguments',
		'invalid argument format',
		'failed to parse value for',
		'invalid object entry',
	].join('|'),
	'i',
);
/**
 * The runner could not load the model: "llama runner process has terminated: ..." (the Go
 * scheduler, v0.1x-v0.2x llm/server.go:1362), "llama-server process has terminated: ..." and
 * "llama-server process no longer running" (v0.30+, llm/llama_server.go:1198, 1306-1325), and
 * llama.cpp's "error loading model" (llm/status.go lists it among the runner's fatal lines).
 * Out-of-memory wordings inside them are matched first.
 */
export const LOAD_FAILED = /llama runner process has terminated|llama-server process has terminated|llama-server process no longer running|error loading model/i;

/** A pull that broke off resumes where it stopped (Ollama keeps the partial blobs until it restarts). */
function incompleteHint(ctx: OllamaErrorContext): string {
	if (ctx.operation !== 'pull' || !ctx.model) return HINTS.incomplete;
	return `run \`trifecta pull ${ctx.model}\` again to resume the download from the bytes already received (they are lost if Ollama restarts meanwhile)`;
}

function notFoundHint(model: string | undefined): string {
	return `pull it with \`trifecta pull ${model ?? '<model>'}\``;
}

type ResponseErrorShape = {status_code: number; error?: unknown; message: string};

function asResponseError(error: unknown): ResponseErrorShape | null {
	if (typeof error !== 'object' || error === null) return null;
	const candidate = error as {name?: unknown; status_code?: unknown};
	if (candidate.name === 'ResponseError' || typeof candidate.status_code === 'number') {
		return error as ResponseErrorShape;
	}
	return null;
}

function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	return typeof error === 'string' ? error : 'unknown error';
}

/** Text-based kinds: these wordings can arrive with a status, or in-band after a 200. */
function fromText(text: string, ctx: OllamaErrorContext, status: number | undefined, cause: unknown): ProviderError | null {
	const opts = {status, cause};
	const subject = ctx.model ? `${ctx.model}` : 'the model';
	if (/does not support tools/i.test(text)) {
		return new ProviderError(
			'tools-unsupported',
			`${subject} does not support tools (Ollama: ${text})`,
			'it is recorded as unsupported; pick a model with the tools capability for tool-using agents',
			opts,
		);
	}
	if (OUT_OF_MEMORY.test(text)) {
		return new ProviderError('out-of-memory', `Ollama ran out of memory loading ${subject}: ${text}`, HINTS.outOfMemory, opts);
	}
	if (DISK_FULL.test(text)) {
		return new ProviderError('disk-full', `The disk holding Ollama's models is full (${text})`, HINTS.diskFull, opts);
	}
	if (PARSER_FAILED.test(text)) {
		return new ProviderError('model-output', `${subject} wrote a tool call Ollama could not parse: ${text}`, HINTS.modelOutput, opts);
	}
	if (LOAD_FAILED.test(text)) {
		return new ProviderError('runner-crashed', `Ollama could not load ${subject}: ${text}`, HINTS.loadFailed, opts);
	}
	if (/model runner has unexpectedly stopped/i.test(text)) {
		return new ProviderError('runner-crashed', `The Ollama model runner for ${subject} stopped unexpectedly`, HINTS.runner, opts);
	}
	if (text.startsWith(MALFORMED_LINE_PREFIX)) {
		return new ProviderError(
			'in-band',
			`Ollama at ${ctx.host} sent a response line that is not JSON (${text.slice(MALFORMED_LINE_PREFIX.length, MALFORMED_LINE_PREFIX.length + 60)})`,
			'make sure the host is an Ollama server (not a proxy error page) and retry',
			opts,
		);
	}
	if (/pull model manifest/i.test(text)) {
		const reason = /file does not exist/i.test(text) ? `${subject} was not found in the Ollama library` : `Could not fetch the manifest of ${subject}: ${text}`;
		return new ProviderError('in-band', reason, HINTS.manifest, opts);
	}
	if (/max retries exceeded/i.test(text)) {
		return new ProviderError('in-band', `The download of ${subject} kept stalling: ${text}`, 'check your network connection and run the pull again (it resumes)', opts);
	}
	return null;
}

function findOversized(error: unknown, depth = 0): OversizedResponseError | null {
	if (error instanceof OversizedResponseError) return error;
	if (depth > 4 || typeof error !== 'object' || error === null) return null;
	return findOversized((error as {cause?: unknown}).cause, depth + 1);
}

export function mapOllamaError(error: unknown, ctx: OllamaErrorContext): ProviderError {
	if (error instanceof ProviderError) return error;
	if (ctx.signal?.aborted || isAbortError(error)) {
		return new ProviderError('canceled', 'Canceled', '', {cause: error});
	}
	const oversized = findOversized(error);
	if (oversized) {
		const what = oversized.what === 'line' ? 'a response line too long' : `a response too large (${ctx.operation ?? 'request'})`;
		return new ProviderError(
			'in-band',
			`Ollama at ${ctx.host} sent ${what}: over ${oversized.limitBytes / 1024 / 1024} MB; it was not read further`,
			'make sure the host is an Ollama server (not a proxy or another service) and retry',
			{cause: error},
		);
	}

	const response = asResponseError(error);
	if (response) {
		const status = response.status_code;
		const text = typeof response.error === 'string' ? response.error : response.message;
		const byText = fromText(text, ctx, status, error);
		if (byText) return byText;
		const opts = {status, cause: error};
		if (status === 404) {
			const what = ctx.model ? `Model ${ctx.model} is not installed` : 'Not found';
			return new ProviderError('model-not-found', `${what} in Ollama at ${ctx.host}`, notFoundHint(ctx.model), opts);
		}
		if (status === 503) {
			return new ProviderError('server-busy', `Ollama at ${ctx.host} is busy: ${text}`, HINTS.busy, opts);
		}
		if (status === 499) return new ProviderError('canceled', 'Canceled', '', opts);
		if (status >= 400 && status < 500) {
			return new ProviderError('bad-request', `Ollama rejected the request (${status}): ${text}`, 'check the model name and options', opts);
		}
		return new ProviderError('unknown', `Ollama failed (${status}): ${text}`, 'retry; if it keeps failing, check the Ollama server log', opts);
	}

	const text = messageOf(error);
	if (text === INCOMPLETE_STREAM) {
		return new ProviderError('stream-incomplete', `The response from Ollama at ${ctx.host} ended before it was complete`, incompleteHint(ctx), {cause: error});
	}
	// Checked before the connection failures: a reset (ECONNRESET) after the answer began means
	// the server was reached, so "not running" would send the user to the wrong fix.
	if ((ctx.streaming && isBrokenStream(error)) || isBodyCutOff(error)) {
		return new ProviderError('stream-incomplete', `The connection to Ollama at ${ctx.host} broke off mid-response`, incompleteHint(ctx), {cause: error});
	}
	if (errorCodes(error).includes('UND_ERR_HEADERS_TIMEOUT')) {
		return new ProviderError('load-timeout', `Ollama at ${ctx.host} sent nothing for 300 s (Node's own limit)`, 'a cold load of a large model can take minutes: retry once the model is loaded', {cause: error});
	}
	if (isConnectionFailure(error)) {
		return new ProviderError('unreachable', `Ollama is not running at ${ctx.host}`, HINTS.unreachable, {cause: error});
	}
	const byText = fromText(text, ctx, undefined, error);
	if (byText) return byText;
	if (error instanceof SyntaxError) {
		return new ProviderError('in-band', `Ollama at ${ctx.host} sent a response that is not valid JSON`, 'make sure the host is an Ollama server and retry', {cause: error});
	}
	// ollama-js turns an in-band {"error"} line into a plain Error after the 200 status was sent.
	if (ctx.streaming && error instanceof Error && error.constructor === Error) {
		return new ProviderError('in-band', `Ollama reported an error mid-response: ${text}`, 'retry; if it keeps failing, check the Ollama server log', {cause: error});
	}
	return new ProviderError('unknown', `Unexpected error talking to Ollama at ${ctx.host}: ${text}`, 'retry; if it keeps failing, check the Ollama server log', {cause: error});
}
