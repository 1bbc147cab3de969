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

/** A body of `total` bytes of `fill` in 64 kB chunks, produced on demand; counts what was pulled. */
function endless(fill: string, total: number, prefix = ''): {body: ReadableStream<Uint8Array>; pulled: () => number} {
	const chunk = new TextEncoder().encode(fill.repeat(Math.max(1, Math.floor(65_536 / fill.length))));
	let sent = 0;
	let started = false;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (!started && prefix) {
				started = true;
				controller.enqueue(new TextEncoder().encode(prefix));
				return;
			}
			if (sent >= total) return controller.close();
			sent += chunk.length;
			controller.enqueue(chunk);
		},
	});
	return {body, pulled: () => sent};
}

describe('bounded input', () => {
	it('a line starting with { and ending with } that is not JSON is an error of that response, not dropped', async () => {
		const spies = spyConsole();
		const body = '{"response":"a","done":false}\n{not json}\n{"response":"","done":true,"done_reason":"stop","eval_count":1}\n';
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200}))});
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x'})) void event;
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/not JSON \(\{not json\}\)/)});
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});

	it('a line that is JSON but not an object (a bare number) is an error, not a TypeError', async () => {
		const body = '{"response":"a","done":false}\n42\n';
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200}))});
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x'})) void event;
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/not JSON \(42\)/)});
	});

	it('a 100 MB line fails as "response line too long" after reading little more than 1 MB', async () => {
		const {body, pulled} = endless('x', 100 * 1024 * 1024, '{"response":"');
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200}))});
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x'})) void event;
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/response line too long: over 1 MB/)});
		expect(pulled()).toBeLessThan(4 * 1024 * 1024);
	});

	it('a listing larger than the cap fails without being read whole', async () => {
		const {body, pulled} = endless(' ', 200 * 1024 * 1024, '{"models":[');
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200, headers: {'content-type': 'application/json'}}))});
		await expect(ollama.list()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/response too large \(list\): over 8 MB/)});
		expect(pulled()).toBeLessThan(12 * 1024 * 1024);
	});

	it('a stream past twice num_predict is cut off with an error; the text before it was delivered', async () => {
		const line = '{"response":"tok ","done":false}\n';
		const {body} = endless(line, 10 * 1024 * 1024);
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200}))});
		let deltas = 0;
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x', options: {num_predict: 100}})) if (event.type === 'delta') deltas += 1;
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/past 200 tokens \(twice the num_predict asked for\)/)});
		expect(deltas).toBe(200);
	});

	it('a stream of more than 4 MB of text is cut off even without num_predict', async () => {
		const line = `{"response":"${'y'.repeat(2000)}","done":false}\n`;
		const {body} = endless(line, 50 * 1024 * 1024);
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 200}))});
		const consume = async () => {
			for await (const event of ollama.generate({model: 'm', prompt: 'x'})) void event;
		};
		await expect(consume()).rejects.toMatchObject({kind: 'in-band', message: expect.stringMatching(/more than 4 MB of text/)});
	});

	it('an error body is sanitised and cut before it becomes the message', async () => {
		const body = JSON.stringify({error: `bad \u001b]0;PWNED\u0007thing ${'z'.repeat(5000)}`});
		const ollama = createOllamaProvider({host: 'http://127.0.0.1:1', fetch: scriptedFetch(() => new Response(body, {status: 500, headers: {'content-type': 'application/json'}}))});
		const error = (await ollama.list().then(
			() => new Error('resolved'),
			(caught: unknown) => caught as Error,
		));
		expect([...error.message].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
		expect(error.message).toContain('bad thing');
		expect(error.message.length).toBeLessThanOrEqual(400);
	});
});

