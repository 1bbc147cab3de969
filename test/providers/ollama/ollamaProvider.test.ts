// The Ollama adapter end to end against the loopback simulator: what the rest of trifecta sees.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import type {OllamaProvider, OllamaStreamEvent, PullUpdate} from '../../../source/providers/types.js';
import {profileFor, startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

let sim: SimulatorHandle;
let ollama: OllamaProvider;
const warnings: string[] = [];

beforeEach(async () => {
	sim = await startSimulator({
		profiles: [profileFor('qwen2.5:14b'), profileFor('qwen2.5:32b'), profileFor('gemma3:4b', {tools: 'unsupported'})],
		installed: ['qwen2.5:14b', 'gemma3:4b'],
	});
	warnings.length = 0;
	ollama = createOllamaProvider({host: sim.url, warn: (message) => warnings.push(message), busyBackoffMs: 1});
});

afterEach(async () => {
	await sim.close();
});

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
	const items: T[] = [];
	for await (const item of stream) items.push(item);
	return items;
}

const ask = (model = 'qwen2.5:14b') => ({
	model,
	messages: [{role: 'user' as const, content: 'Explain the bull case for Apple stock in exactly 200 words.'}],
	options: {temperature: 0, seed: 42, num_ctx: 8192, num_predict: 256},
});

function lastRequest(path: string) {
	return sim.requests.filter((request) => request.path === path).at(-1);
}

describe('Ollama adapter: information calls', () => {
	it('pings, reads the version and lists installed models in our shapes', async () => {
		expect(await ollama.ping()).toBe(true);
		expect(await ollama.version()).toBe('0.32.15');
		const models = await ollama.list();
		expect(models.map((model) => model.name).sort()).toEqual(['gemma3:4b', 'qwen2.5:14b']);
		const qwen = models.find((model) => model.name === 'qwen2.5:14b');
		expect(qwen).toMatchObject({family: 'qwen2', parameterSize: '14.8B', quantization: 'Q4_K_M', sizeBytes: 8_988_124_069});
		expect(typeof qwen?.modifiedAt).toBe('string');
		expect(qwen?.capabilities).toContain('tools');
	});

	it('shows context length and parameter count from model_info', async () => {
		const details = await ollama.show('qwen2.5:14b');
		expect(details).toMatchObject({name: 'qwen2.5:14b', family: 'qwen2', contextLength: 32_768, parameterCount: 14_770_033_664});
		expect(details.capabilities).toContain('completion');
	});

	it('loads (returning a load time), shows the model in ps, and unloads it', async () => {
		const loadNs = await ollama.load('qwen2.5:14b', {keepAlive: '30m', numCtx: 8192});
		expect(loadNs).toBeGreaterThan(0);
		expect(lastRequest('/api/generate')?.body).toMatchObject({model: 'qwen2.5:14b', prompt: '', keep_alive: '30m', options: {num_ctx: 8192}});
		const loaded = await ollama.ps();
		expect(loaded.map((model) => model.name)).toEqual(['qwen2.5:14b']);
		expect(loaded[0]?.sizeVramBytes).toBeGreaterThan(0);
		expect(loaded[0]?.contextLength).toBe(8192);
		expect(typeof loaded[0]?.expiresAt).toBe('string');
		await ollama.unload('qwen2.5:14b');
		expect(lastRequest('/api/generate')?.body).toMatchObject({keep_alive: 0});
		expect(await ollama.ps()).toEqual([]);
	});

	it('deletes a model, and a second delete says it is not installed', async () => {
		await ollama.delete('gemma3:4b');
		expect(sim.installed()).not.toContain('gemma3:4b');
		await expect(ollama.delete('gemma3:4b')).rejects.toMatchObject({kind: 'model-not-found', hint: 'pull it with `trifecta pull gemma3:4b`'});
	});

	it('ping is false, not an exception, when nothing listens', async () => {
		await sim.close();
		expect(await ollama.ping()).toBe(false);
	});
});

describe('Ollama adapter: pull', () => {
	it('aggregates per-layer progress into whole-model totals that grow to the model size', async () => {
		const updates: PullUpdate[] = await collect(ollama.pull('qwen2.5:32b'));
		expect(updates[0]?.status).toBe('pulling manifest');
		expect(updates.at(-1)?.status).toBe('success');
		const final = updates.at(-1)!;
		expect(final.layers.length).toBeGreaterThan(1);
		expect(final.total).toBe(19_851_349_669);
		expect(final.completed).toBe(final.total);
		const completed = updates.map((update) => update.completed);
		expect(completed).toEqual([...completed].sort((a, b) => a - b));
		expect(updates.some((update) => update.status === 'verifying sha256 digest' && update.total === final.total)).toBe(true);
		expect(sim.installed()).toContain('qwen2.5:32b');
	});

	it('reports an unknown model as in-band with a hint to check the library', async () => {
		await expect(collect(ollama.pull('qwen9:1b'))).rejects.toMatchObject({
			kind: 'in-band',
			hint: 'check the model name on ollama.com/library',
		});
	});

	it('aborting the signal mid-pull cancels it and closes the request', async () => {
		sim.injectOllamaFault({kind: 'stall', afterChunks: 3}, '/api/pull');
		const controller = new AbortController();
		const seen: PullUpdate[] = [];
		const pulling = (async () => {
			for await (const update of ollama.pull('qwen2.5:32b', {signal: controller.signal})) {
				seen.push(update);
				if (seen.length === 3) controller.abort();
			}
		})();
		await expect(pulling).rejects.toMatchObject({kind: 'canceled'});
		await vi.waitFor(() => expect(lastRequest('/api/pull')?.aborted).toBe(true));
	});
});

describe('Ollama adapter: chat and generate', () => {
	it('streams deltas with arrival times, then done with counters and a client-measured ttft', async () => {
		const events: OllamaStreamEvent[] = await collect(ollama.chat(ask()));
		const deltas = events.filter((event) => event.type === 'delta');
		expect(deltas.length).toBeGreaterThan(1);
		expect(deltas.every((delta) => delta.text !== '' && typeof delta.at === 'number')).toBe(true);
		const done = events.at(-1);
		if (done?.type !== 'done') throw new Error('no done event');
		expect(done.doneReason).toBe('stop');
		expect(done.counters.evalCount).toBeGreaterThan(0);
		expect(done.counters.evalDuration).toBeGreaterThan(0);
		expect(done.counters.promptEvalCount).toBeGreaterThan(0);
		expect(done.counters.totalDuration).toBeGreaterThan(0);
		expect(done.ttftMs).not.toBeNull();
		expect(done.ttftMs!).toBeGreaterThanOrEqual(0);
		expect(deltas[0]!.at).toBeLessThanOrEqual(done.at);
		expect(lastRequest('/api/chat')?.body).toMatchObject({stream: true, options: {temperature: 0, seed: 42, num_ctx: 8192}});
	});

	it('sends think only when it is set', async () => {
		await collect(ollama.chat(ask()));
		expect(lastRequest('/api/chat')?.body).not.toHaveProperty('think');
		await collect(ollama.chat({...ask(), think: false}));
		expect(lastRequest('/api/chat')?.body).toMatchObject({think: false});
	});

	it('streams generate the same way', async () => {
		const events = await collect(ollama.generate({model: 'qwen2.5:14b', prompt: 'Say hello.', options: {num_predict: 32}}));
		expect(events.some((event) => event.type === 'delta')).toBe(true);
		expect(events.at(-1)?.type).toBe('done');
	});

	it('yields tool calls with parsed arguments and ids', async () => {
		const events = await collect(
			ollama.chat({
				...ask(),
				messages: [{role: 'user', content: 'Get the last 30 days of stock data for AAPL.'}],
				tools: [
					{
						type: 'function',
						function: {
							name: 'get_stock_data',
							description: 'Price history for a ticker',
							parameters: {type: 'object', properties: {symbol: {type: 'string'}, start_date: {type: 'string'}, end_date: {type: 'string'}}, required: ['symbol']},
						},
					},
				],
			}),
		);
		const calls = events.find((event) => event.type === 'tool_calls');
		if (calls?.type !== 'tool_calls') throw new Error('no tool call');
		expect(calls.calls[0]?.name).toBe('get_stock_data');
		expect(calls.calls[0]?.arguments).toMatchObject({symbol: 'AAPL'});
		expect(calls.calls[0]?.id).toMatch(/^call_/);
	});

	it('leaving the loop early with break aborts the HTTP request', async () => {
		sim.injectOllamaFault({kind: 'stall', afterChunks: 2}, '/api/chat');
		let deltas = 0;
		for await (const event of ollama.chat(ask())) {
			if (event.type === 'delta') deltas++;
			if (deltas === 1) break;
		}
		await vi.waitFor(() => expect(lastRequest('/api/chat')?.aborted).toBe(true));
	});

	it('aborting the signal mid-stream throws canceled and closes the request', async () => {
		sim.injectOllamaFault({kind: 'stall', afterChunks: 2}, '/api/chat');
		const controller = new AbortController();
		const run = (async () => {
			for await (const event of ollama.chat(ask(), {signal: controller.signal})) {
				if (event.type === 'delta') controller.abort();
			}
		})();
		await expect(run).rejects.toMatchObject({kind: 'canceled'});
		await vi.waitFor(() => expect(lastRequest('/api/chat')?.aborted).toBe(true));
	});

	it('an already-aborted signal cancels before any request is answered', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(collect(ollama.chat(ask(), {signal: controller.signal}))).rejects.toMatchObject({kind: 'canceled'});
		await expect(ollama.list({signal: controller.signal})).rejects.toMatchObject({kind: 'canceled'});
	});
});
