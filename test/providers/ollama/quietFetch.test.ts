import {afterEach, describe, expect, it, vi} from 'vitest';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';

// ollama-js logs to the console for non-JSON error bodies and malformed stream lines; these tests
// drive the real ollama-js through the adapter with a scripted fetch and watch the console.
function scriptedFetch(respond: (url: string) => Response): typeof fetch {
	return async (input) => respond(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

function spyConsole() {
	return (['log', 'warn', 'error', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('the adapter keeps ollama-js silent', () => {
	it('turns a non-JSON error body into a ProviderError without printing "Getting text from response"', async () => {
		const spies = spyConsole();
		const ollama = createOllamaProvider({
			host: 'http://127.0.0.1:1',
			fetch: scriptedFetch(() => new Response('<html>502 Bad Gateway</html>', {status: 502, headers: {'content-type': 'text/html'}})),
		});
		await expect(ollama.list()).rejects.toMatchObject({kind: 'unknown', status: 502, message: expect.stringContaining('502 Bad Gateway')});
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});

	it('reports a malformed stream line as an error instead of warning and skipping it', async () => {
		const spies = spyConsole();
		const body = ['{"model":"m","response":"Hi","done":false}', '{"model":"m","respo', '{"model":"m","response":"","done":true,"done_reason":"stop"}', ''].join('\n');
		const ollama = createOllamaProvider({
			host: 'http://127.0.0.1:1',
			fetch: scriptedFetch(() => new Response(body, {status: 200, headers: {'content-type': 'application/x-ndjson'}})),
		});
		const texts: string[] = [];
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x'})) if (event.type === 'delta') texts.push(event.text);
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/not JSON/)});
		expect(texts).toEqual(['Hi']);
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});

	it('ignores blank lines between NDJSON objects', async () => {
		const spies = spyConsole();
		const body = '{"response":"a","done":false}\n\n{"response":"","done":true,"done_reason":"stop","eval_count":1}\n';
		const ollama = createOllamaProvider({
			host: 'http://127.0.0.1:1',
			fetch: scriptedFetch(() => new Response(body, {status: 200, headers: {'content-type': 'application/x-ndjson'}})),
		});
		const events = [];
		for await (const event of ollama.generate({model: 'm', prompt: 'x'})) events.push(event.type);
		expect(events).toEqual(['delta', 'done']);
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});
});
