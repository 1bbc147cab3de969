import {describe, expect, it} from 'vitest';
import {ProviderError} from '../../../source/providers/errors.js';
import {mapOllamaError} from '../../../source/providers/ollama/mapOllamaError.js';
import {MALFORMED_LINE_PREFIX} from '../../../source/providers/ollama/quietFetch.js';

const host = 'http://127.0.0.1:11434';
const responseError = (message: string, status: number) => Object.assign(new Error(message), {name: 'ResponseError', error: message, status_code: status});

describe('mapOllamaError', () => {
	it('says Ollama is not running for a refused connection, with the host and what to do', () => {
		const refused = new TypeError('fetch failed', {cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), {code: 'ECONNREFUSED'})});
		const mapped = mapOllamaError(refused, {host});
		expect(mapped.kind).toBe('unreachable');
		expect(mapped.userMessage).toBe(`Ollama is not running at ${host} — start it with \`ollama serve\`, or try \`trifecta --demo\``);
	});

	it('recognises the AggregateError Node gives for localhost', () => {
		const aggregate = new AggregateError([Object.assign(new Error('a'), {code: 'ECONNREFUSED'}), Object.assign(new Error('b'), {code: 'ECONNREFUSED'})]);
		expect(mapOllamaError(new TypeError('fetch failed', {cause: aggregate}), {host}).kind).toBe('unreachable');
		expect(mapOllamaError(aggregate, {host}).kind).toBe('unreachable');
	});

	it('maps a 404 to model-not-found with a pull hint naming the model', () => {
		const mapped = mapOllamaError(responseError("model 'qwen2.5:72b' not found", 404), {host, model: 'qwen2.5:72b'});
		expect(mapped.kind).toBe('model-not-found');
		expect(mapped.status).toBe(404);
		expect(mapped.hint).toBe('pull it with `trifecta pull qwen2.5:72b`');
	});

	it('maps 400 "does not support tools" to tools-unsupported', () => {
		const mapped = mapOllamaError(responseError('registry.ollama.ai/library/gemma3:4b does not support tools', 400), {host, model: 'gemma3:4b'});
		expect(mapped.kind).toBe('tools-unsupported');
	});

	it.each([
		['model requires more system memory (47.2 GiB) than is available (31.0 GiB)', 500],
		['llama-server reported out-of-memory during startup: failed to allocate buffer', 500],
	])('maps both out-of-memory wordings (%s) with a memory hint', (message, status) => {
		const mapped = mapOllamaError(responseError(message, status), {host, model: 'qwen2.5:72b'});
		expect(mapped.kind).toBe('out-of-memory');
		expect(mapped.hint).toMatch(/--num-ctx/);
		expect(mapped.hint).toMatch(/iogpu\.wired_limit_mb/);
	});

	it('maps 503 to server-busy', () => {
		expect(mapOllamaError(responseError('server busy, please try again.  maximum pending requests exceeded', 503), {host}).kind).toBe('server-busy');
	});

	it('maps an in-band pull manifest error to in-band with a library hint', () => {
		const mapped = mapOllamaError(new Error('pull model manifest: file does not exist'), {host, model: 'qwen9:1b', operation: 'pull', streaming: true});
		expect(mapped.kind).toBe('in-band');
		expect(mapped.message).toMatch(/qwen9:1b/);
		expect(mapped.hint).toBe('check the model name on ollama.com/library');
	});

	it('maps other in-band errors after the stream started to in-band', () => {
		expect(mapOllamaError(new Error('something odd'), {host, streaming: true}).kind).toBe('in-band');
		expect(mapOllamaError(new Error('something odd'), {host}).kind).toBe('unknown');
	});

	it('maps the runner crash text, status or in-band, to runner-crashed', () => {
		const text = 'model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details';
		expect(mapOllamaError(responseError(text, 500), {host}).kind).toBe('runner-crashed');
		expect(mapOllamaError(new Error(text), {host, streaming: true}).kind).toBe('runner-crashed');
	});

	it('maps a stream without its final chunk to stream-incomplete', () => {
		expect(mapOllamaError(new Error('Did not receive done or success response in stream.'), {host, streaming: true}).kind).toBe('stream-incomplete');
	});

	it('maps a socket closed mid-body to stream-incomplete, not unreachable', () => {
		const terminated = new TypeError('terminated', {cause: Object.assign(new Error('other side closed'), {code: 'UND_ERR_SOCKET'})});
		expect(mapOllamaError(terminated, {host, streaming: true}).kind).toBe('stream-incomplete');
	});

	it('a connection reset after the answer began is never "not running", even before the first chunk was read', () => {
		const reset = new TypeError('terminated', {cause: Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'})});
		for (const streaming of [true, false]) {
			const mapped = mapOllamaError(reset, {host, model: 'qwen2.5:14b', operation: 'chat', streaming});
			expect(mapped.kind).toBe('stream-incomplete');
			expect(mapped.message).toBe(`The connection to Ollama at ${host} broke off mid-response`);
			expect(mapped.message).not.toMatch(/not running/);
		}
	});

	it('maps our malformed-line marker to in-band with a clear message', () => {
		const mapped = mapOllamaError(new Error(`${MALFORMED_LINE_PREFIX}{"model":`), {host, streaming: true});
		expect(mapped.kind).toBe('in-band');
		expect(mapped.message).toMatch(/not JSON/);
	});

	it('maps AbortError and an aborted signal to canceled', () => {
		expect(mapOllamaError(new DOMException('This operation was aborted', 'AbortError'), {host}).kind).toBe('canceled');
		const controller = new AbortController();
		controller.abort();
		expect(mapOllamaError(new Error('whatever'), {host, signal: controller.signal}).kind).toBe('canceled');
	});

	it('passes ProviderErrors through unchanged', () => {
		const original = new ProviderError('canceled', 'Canceled', '');
		expect(mapOllamaError(original, {host})).toBe(original);
	});
});

describe('mapOllamaError: what the model wrote vs what the server did', () => {
	const inBand = (message: string) => new Error(message);
	it.each([
		// llama-server (v0.30+)
		['llama-server returned invalid tool call arguments for "get_stock_data": unexpected end of JSON input'],
		['invalid tool call arguments'],
		// glm46.go
		['incomplete GLM tool call: XML syntax error on line 1: unexpected EOF'],
		['mismatched arg_key and arg_value counts: 2 keys, 1 values'],
		['tool "get_news" is not declared'],
		['required argument "symbol" is missing for tool "get_stock_data"'],
		['failed to parse XML: XML syntax error on line 3'],
		['empty function name'],
		// lfm2.go
		['invalid tool call: no opening parenthesis'],
		['no tool calls found'],
		// olmo3.go
		['failed to parse function call "get_stock_data(symbol=": invalid argument format: symbol='],
		['invalid function call format'],
		['failed to parse arguments: invalid object entry: x'],
		// the Go parsers
		['failed to parse JSON: unexpected end of JSON input'],
	])('%s: the model failed (model-output), not the server', (message) => {
		for (const error of [inBand(message), responseError(message, 500)]) {
			const mapped = mapOllamaError(error, {host, model: 'glm4:9b', streaming: true, operation: 'chat'});
			expect(mapped.kind).toBe('model-output');
			expect(mapped.message).toBe(`glm4:9b wrote a tool call Ollama could not parse: ${message}`);
		}
	});

	it.each([
		['llama runner process has terminated: error loading model: llama_model_loader: failed to load model from /Users/me/.ollama/models/blobs/sha256-9f13'],
		['llama runner process has terminated: exit status 2'],
		['llama-server process has terminated: exit status 1: error loading model: unknown model architecture: \'glm5\''],
		['llama-server process no longer running: exit status 2 '],
		['error loading model: done_getting_tensors: wrong number of tensors; expected 771, got 579'],
	])('%s: a load failure, with what to do', (message) => {
		const mapped = mapOllamaError(responseError(message, 500), {host, model: 'qwen2.5:32b', operation: 'generate'});
		expect(mapped.kind).toBe('runner-crashed');
		expect(mapped.message).toBe(`Ollama could not load qwen2.5:32b: ${message}`);
		expect(mapped.hint).toMatch(/update Ollama, or `ollama rm` the model and pull it again/);
	});

	it('a runner that terminated out of memory is still out of memory', () => {
		const mapped = mapOllamaError(responseError('llama runner process has terminated: error loading model: unable to allocate backend buffer: out of memory', 500), {host, model: 'qwen2.5:72b'});
		expect(mapped.kind).toBe('out-of-memory');
	});

	it('ordinary server errors stay server errors', () => {
		expect(mapOllamaError(responseError('something else broke', 500), {host, model: 'x:1b'}).kind).toBe('unknown');
		expect(mapOllamaError(inBand('unexpected server error'), {host, model: 'x:1b', streaming: true}).kind).toBe('in-band');
	});
});
