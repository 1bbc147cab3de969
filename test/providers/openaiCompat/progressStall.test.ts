// Progress means content: a /v1 stream that keeps sending `: ping` comments or empty chunks, and no
// text, is a stall within --stall-timeout; a models list that says has_more forever is read once.
import {describe, expect, it, vi} from 'vitest';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {failureOf} from '../../helpers/failureOf.js';

const encoder = new TextEncoder();

/** A server that answers 200 with an SSE body that repeats `frame` every 10 ms, forever. */
function endlessSse(frame: string, first = ''): {fetch: typeof fetch; frames: () => number} {
	let frames = 0;
	const fake: typeof fetch = async (_input, init) => {
		let timer: ReturnType<typeof setInterval> | undefined;
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				if (first) controller.enqueue(encoder.encode(first));
				timer = setInterval(() => {
					frames++;
					controller.enqueue(encoder.encode(frame));
				}, 10);
				init?.signal?.addEventListener('abort', () => {
					clearInterval(timer);
					controller.error(new DOMException('aborted', 'AbortError'));
				});
			},
			cancel() {
				clearInterval(timer);
			},
		});
		return new Response(body, {status: 200, headers: {'content-type': 'text/event-stream'}});
	};
	return {fetch: fake, frames: () => frames};
}

const chunk = (delta: Record<string, unknown>) => `data: ${JSON.stringify({id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{index: 0, delta, finish_reason: null}]})}\n\n`;
const ask = [{role: 'user' as const, content: 'Explain the bull case for Apple stock.'}];
const timeouts = {loadMs: 5000, stallMs: 300};

describe('/v1 streams that keep sending without progress', () => {
	it.each([
		['`: ping` comments', ': ping\n\n'],
		['empty deltas', chunk({content: ''})],
	])('%s after some text are a stall, said with the seconds', {timeout: 5000}, async (_name, frame) => {
		const server = endlessSse(frame, chunk({role: 'assistant', content: 'Apple'}));
		const provider = createOpenAICompatProvider({host: 'http://127.0.0.1:9', fetch: server.fetch, timeouts});
		const error = await failureOf(() => provider.chat({model: 'm', messages: ask, maxTokens: 64}));
		expect(error.kind).toBe('stall-timeout');
		expect(error.message).toMatch(/no data for 0\.3 s in the middle of the answer/);
		// The frames kept coming all along: the byte-level timer alone would never have fired.
		expect(server.frames()).toBeGreaterThan(10);
	});
});

describe('/v1/models', () => {
	it('a server that says has_more forever is asked once', async () => {
		let requests = 0;
		const pages: typeof fetch = async () => {
			requests++;
			return Response.json({object: 'list', data: [{id: `m${requests}`, object: 'model', created: 0, owned_by: 'x'}], has_more: true, last_id: `m${requests}`});
		};
		const provider = createOpenAICompatProvider({host: 'http://127.0.0.1:9', fetch: pages, timeouts});
		expect(await provider.listModels()).toEqual(['m1']);
		expect(requests).toBe(1);
	});
});

describe('/v1 under --load-timeout', () => {
	it('nothing before the first byte is a load timeout naming the flag, not "not running", and is not retried', {timeout: 5000}, async () => {
		const {startSimulator} = await import('../../../source/simulator/index.js');
		const sim = await startSimulator();
		try {
			sim.injectOllamaFault({kind: 'stall', afterChunks: 0}, '/v1/chat/completions');
			const provider = createOpenAICompatProvider({host: sim.url, timeouts: {loadMs: 400, stallMs: 300}, maxRetries: 2});
			const error = await failureOf(() => provider.chat({model: 'qwen2.5:14b', messages: ask}));
			expect(error.kind).toBe('load-timeout');
			expect(error.message).toBe(`Ollama at ${sim.url}/v1 sent nothing for 0.4 s after the request (still loading the model or reading the prompt)`);
			expect(error.hint).toMatch(/--load-timeout/);
			expect(sim.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
		} finally {
			await sim.close();
		}
	});
});

describe('/v1 and the SDK\'s own 600 s timeout', () => {
	it('a cold load longer than 600 s but within --load-timeout is waited for, then reported as a load timeout', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		try {
			let aborted = false;
			const silent: typeof fetch = (_input, init) =>
				new Promise<Response>((_resolve, reject) => {
					init?.signal?.addEventListener('abort', () => {
						aborted = true;
						reject(new DOMException('aborted', 'AbortError'));
					});
				});
			const provider = createOpenAICompatProvider({host: 'http://127.0.0.1:9', fetch: silent, timeouts: {loadMs: 900_000, stallMs: 120_000}});
			const pending = failureOf(() => provider.chat({model: 'qwen2.5:72b', messages: ask}));
			await vi.advanceTimersByTimeAsync(700_000);
			// Past the SDK's default 600 s: still waiting, as --load-timeout 900 allows.
			expect(aborted).toBe(false);
			await vi.advanceTimersByTimeAsync(200_001);
			const error = await pending;
			expect(error.kind).toBe('load-timeout');
			expect(error.message).toMatch(/sent nothing for 900 s after the request/);
		} finally {
			vi.useRealTimers();
		}
	});
});
