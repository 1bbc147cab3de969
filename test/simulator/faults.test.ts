import {Ollama} from 'ollama';
import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';
import {ndjson, post} from './wireHelpers.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const ASK = {model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Explain the bull case for Apple stock.'}]};
const RUNNER_STOPPED =
	'model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details';

async function drainChat(s: SimulatorHandle): Promise<string> {
	const client = new Ollama({host: s.url});
	let text = '';
	for await (const part of await client.chat({...ASK, stream: true})) text += part.message.content;
	return text;
}

describe('Ollama faults', () => {
	it('refuse: connections are refused until the fault is cleared', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'refuse'});
		const error: unknown = await fetch(`${sim.url}/`).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(TypeError);
		expect((error as {cause?: {code?: string}}).cause?.code).toBe('ECONNREFUSED');
		sim.clearFaults();
		expect(await (await fetch(`${sim.url}/`)).text()).toBe('Ollama is running');
	});

	it('die-mid-stream: the socket is destroyed after N chunks', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 3});
		await expect(drainChat(sim)).rejects.toThrow();
		// The client did not close it: the log does not call it an abort.
		expect(sim.requests.at(-1)?.aborted).toBe(false);
		// Only the next stream was hit.
		expect((await drainChat(sim)).length).toBeGreaterThan(0);
	});

	it('malformed-line: a non-JSON line after N chunks', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'malformed-line', afterChunks: 2}, '/api/chat');
		const text = await (await post(`${sim.url}/api/chat`, ASK)).text();
		const lines = text.split('\n').filter(Boolean);
		expect(lines).toHaveLength(3);
		expect(() => JSON.parse(lines[2] ?? '')).toThrow();
		await expect(drainChat(sim)).resolves.toBeTruthy();
	});

	it('no-done: the stream ends cleanly without the done chunk, which the client reports', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'no-done'});
		await expect(drainChat(sim)).rejects.toThrow('Did not receive done or success response in stream.');
	});

	it.each([
		['legacy', /^model requires more system memory \(\d+\.\d GiB\) than is available \(31\.2 GiB\)$/],
		['llama-server', /^llama-server reported out-of-memory during startup: /],
	] as const)('oom (%s wording): 500 with the server text', async (wording, text) => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'oom', wording});
		const response = await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: 'hi'});
		expect(response.status).toBe(500);
		expect(String(((await response.json()) as {error: string}).error)).toMatch(text);
		expect(sim.loaded()).toEqual([]);
	});

	it('busy: 503 for `times` requests, then normal service', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'busy', times: 2}, '/api/chat');
		for (let i = 0; i < 2; i++) {
			const response = await post(`${sim.url}/api/chat`, ASK);
			expect(response.status).toBe(503);
			expect(await response.json()).toEqual({error: 'server busy, please try again.  maximum pending requests exceeded'});
		}
		expect((await post(`${sim.url}/api/chat`, ASK)).status).toBe(200);
	});

	it('a fault limited to a route leaves other routes alone', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'busy'}, '/api/generate');
		expect((await post(`${sim.url}/api/chat`, ASK)).status).toBe(200);
		expect((await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: 'hi'})).status).toBe(503);
	});

	it('/api/pull never answers 503: the request queue only holds generation requests', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'busy'}, '/api/pull');
		expect((await post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b', stream: false})).status).toBe(200);
	});

	it('runner-crash: in-band error after N chunks, which the client throws as a plain Error', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 2});
		const response = await post(`${sim.url}/api/chat`, ASK);
		expect(response.status).toBe(200);
		expect((await ndjson(response)).at(-1)).toEqual({error: RUNNER_STOPPED});

		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 2});
		await expect(drainChat(sim)).rejects.toThrow(RUNNER_STOPPED);
	});

	it('runner-crash before the first chunk is a 500', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 0});
		const response = await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: 'hi'});
		expect(response.status).toBe(500);
		expect(await response.json()).toEqual({error: RUNNER_STOPPED});
	});

	it('stall + client abort: the log records that the client closed the socket', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'stall', afterChunks: 2});
		const client = new Ollama({host: sim.url});
		const stream = await client.chat({...ASK, stream: true});
		let chunks = 0;
		await expect(
			(async () => {
				for await (const _ of stream) {
					chunks += 1;
					if (chunks === 2) stream.abort();
				}
			})(),
		).rejects.toMatchObject({name: 'AbortError'});
		await expect.poll(() => sim?.requests.at(-1)?.aborted).toBe(true);
	});

	it('close() cuts an open stream', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'stall', afterChunks: 1});
		const response = await post(`${sim.url}/api/chat`, ASK);
		const reading = response.text();
		await sim.close();
		await expect(reading).rejects.toThrow();
		sim = undefined;
	});

	it('restart() cuts streams and unloads models but keeps installed ones', async () => {
		sim = await startSimulator();
		await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: ''});
		expect(sim.loaded()).toEqual(['qwen2.5:14b']);
		await sim.restart();
		expect(sim.loaded()).toEqual([]);
		expect(sim.installed()).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
		expect((await fetch(`${sim.url}/api/version`)).status).toBe(200);
	});
});

describe('Claude stall', () => {
	it('hangs after N deltas until the client goes away', async () => {
		sim = await startSimulator();
		sim.injectClaudeFault({kind: 'stall', afterChunks: 1});
		const controller = new AbortController();
		const response = await post(
			`${sim.anthropicUrl}/v1/messages`,
			{model: 'claude-sonnet-4-6', max_tokens: 100, stream: true, messages: [{role: 'user', content: 'hi'}]},
			{headers: {'Content-Type': 'application/json', 'x-api-key': 'k'}, signal: controller.signal},
		);
		const reader = response.body?.getReader();
		let seen = '';
		while (!seen.includes('content_block_delta')) seen += new TextDecoder().decode((await reader?.read())?.value);
		controller.abort();
		await expect.poll(() => sim?.requests.at(-1)?.aborted).toBe(true);
	});
});
