// Every failure the Ollama adapter maps, provoked for real through the simulator, and the one
// promise that matters under Ink: nothing is ever printed to the console.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import type {ChatRequest, OllamaProvider} from '../../../source/providers/types.js';
import {profileFor, startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

let sim: SimulatorHandle;
let ollama: OllamaProvider;
let consoleSpies: ReturnType<typeof vi.spyOn>[];

beforeEach(async () => {
	sim = await startSimulator({
		profiles: [profileFor('qwen2.5:14b'), profileFor('gemma3:4b', {tools: 'unsupported'})],
		installed: ['qwen2.5:14b', 'gemma3:4b'],
	});
	ollama = createOllamaProvider({host: sim.url, busyBackoffMs: 1, busyRetries: 2});
	consoleSpies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(async () => {
	for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
	vi.restoreAllMocks();
	await sim.close();
});

const ask = (model = 'qwen2.5:14b'): ChatRequest => ({
	model,
	messages: [{role: 'user', content: 'Explain the bull case for Apple stock in exactly 200 words.'}],
	options: {num_predict: 128},
});

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
	let count = 0;
	for await (const _ of stream) count++;
	return count;
}

const tool = {
	type: 'function' as const,
	function: {name: 'get_stock_data', description: 'Price history', parameters: {type: 'object', properties: {symbol: {type: 'string'}}}},
};

describe('Ollama adapter errors', () => {
	it('unreachable: says Ollama is not running at the host, and how to fix it', async () => {
		const url = sim.url;
		await sim.close();
		const error = await ollama.list().catch((caught: unknown) => caught);
		expect(error).toMatchObject({kind: 'unreachable', message: `Ollama is not running at ${url}`});
		expect((error as {hint: string}).hint).toMatch(/ollama serve.*trifecta --demo/);
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'unreachable'});
	});

	it('model-not-found: chat with a model that is not installed', async () => {
		await expect(drain(ollama.chat(ask('qwen2.5:72b')))).rejects.toMatchObject({
			kind: 'model-not-found',
			status: 404,
			hint: 'pull it with `trifecta pull qwen2.5:72b`',
		});
	});

	it('tools-unsupported: 400 "does not support tools" on /api/chat', async () => {
		await expect(drain(ollama.chat({...ask('gemma3:4b'), tools: [tool]}))).rejects.toMatchObject({kind: 'tools-unsupported', status: 400});
	});

	it.each(['legacy', 'llama-server'] as const)('out-of-memory: the %s wording', async (wording) => {
		sim.injectOllamaFault({kind: 'oom', wording}, '/api/chat');
		const error = await drain(ollama.chat(ask())).catch((caught: unknown) => caught);
		expect(error).toMatchObject({kind: 'out-of-memory'});
		expect((error as {hint: string}).hint).toMatch(/--num-ctx.*iogpu\.wired_limit_mb/);
	});

	it('server-busy: retried with backoff, so a short queue spike is invisible', async () => {
		const warnings: string[] = [];
		const patient = createOllamaProvider({host: sim.url, busyBackoffMs: 1, busyRetries: 3, warn: (message) => warnings.push(message)});
		sim.injectOllamaFault({kind: 'busy', times: 2}, '/api/chat');
		expect(await drain(patient.chat(ask()))).toBeGreaterThan(1);
		expect(sim.requests.filter((request) => request.path === '/api/chat')).toHaveLength(3);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/busy/);
	});

	it('server-busy: reported once the retries run out', async () => {
		sim.injectOllamaFault({kind: 'busy', times: 5}, '/api/chat');
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'server-busy', status: 503});
		expect(sim.requests.filter((request) => request.path === '/api/chat')).toHaveLength(3);
	});

	it('runner-crashed: before the stream (500) and in-band after it started', async () => {
		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 0}, '/api/chat');
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'runner-crashed', status: 500});
		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 3}, '/api/chat');
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'runner-crashed', status: undefined});
	});

	it('stream-incomplete: the stream ends without its done chunk', async () => {
		sim.injectOllamaFault({kind: 'no-done'}, '/api/chat');
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'stream-incomplete'});
	});

	it('stream-incomplete: the connection dies mid-stream', async () => {
		sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 3}, '/api/chat');
		await expect(drain(ollama.chat(ask()))).rejects.toMatchObject({kind: 'stream-incomplete'});
	});

	it('in-band: a malformed NDJSON line fails the stream with a clear message instead of being skipped', async () => {
		sim.injectOllamaFault({kind: 'malformed-line', afterChunks: 2}, '/api/generate');
		await expect(drain(ollama.generate({model: 'qwen2.5:14b', prompt: 'hello'}))).rejects.toMatchObject({
			kind: 'in-band',
			message: expect.stringMatching(/not JSON/),
		});
	});

	it('in-band: a pull of a name the library does not have', async () => {
		await expect(drain(ollama.pull('nosuchmodel:1b'))).rejects.toMatchObject({kind: 'in-band', hint: 'check the model name on ollama.com/library'});
	});

	it('bad-request: an invalid model name is refused before any request', async () => {
		const before = sim.requests.length;
		await expect(drain(ollama.pull('bad name!'))).rejects.toMatchObject({kind: 'bad-request'});
		expect(sim.requests.length).toBe(before);
	});
});
