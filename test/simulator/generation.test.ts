import {Ollama} from 'ollama';
import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';
import {profileFor} from '../../source/simulator/profiles.js';
import {ndjson, post} from './wireHelpers.js';
import type {Json} from './wireHelpers.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const COUNTERS = ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration'] as const;
const PROMPT = 'Explain the bull case for Apple stock in exactly 200 words, citing specific financial metrics.';

function rate(final: Json): number {
	return (Number(final['eval_count']) / Number(final['eval_duration'])) * 1e9;
}

describe('POST /api/generate and /api/chat', () => {
	it('streams one line per token and ends with integer ns counters at the profile rates', async () => {
		sim = await startSimulator();
		const lines = await ndjson(await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: PROMPT}));
		const final = lines.at(-1) ?? {};
		const tokens = lines.slice(0, -1);

		expect(final['done']).toBe(true);
		expect(final['done_reason']).toBe('stop');
		for (const key of COUNTERS) {
			expect(Number.isInteger(final[key]), key).toBe(true);
			expect(final[key], key).toBeGreaterThan(0);
		}
		expect(tokens.every((line) => line['done'] === false && typeof line['response'] === 'string')).toBe(true);
		expect(final['eval_count']).toBe(tokens.length);
		// Counted as Qwen's tokenizer splits text (words, runs of punctuation, one token per digit): the
		// prompt's 15 words, "200" as three digits and its "." make 19, qwen2.5's default system
		// prompt and the template's head the rest.
		expect(final['prompt_eval_count']).toBe(40);
		expect(rate(final)).toBeGreaterThan(30.2 * 0.97);
		expect(rate(final)).toBeLessThan(30.2 * 1.03);
		const prefill = (Number(final['prompt_eval_count']) / Number(final['prompt_eval_duration'])) * 1e9;
		expect(prefill).toBeGreaterThan(362 * 0.95);
		expect(prefill).toBeLessThan(362 * 1.05);
		expect(Number(final['total_duration'])).toBeGreaterThan(Number(final['load_duration']) + Number(final['eval_duration']));
	});

	it('loads cold on first use and warm afterwards, with a nonzero spread across repetitions', async () => {
		sim = await startSimulator();
		const run = async (nonce: number) =>
			(await ndjson(await post(`${sim?.url}/api/chat`, {model: 'qwen2.5:14b', messages: [{role: 'user', content: `[${nonce}] ${PROMPT}`}], options: {num_ctx: 8192}}))).at(-1) ?? {};
		const cold = await run(0);
		const warm = [await run(1), await run(2), await run(3)];
		expect(Number(cold['load_duration'])).toBeGreaterThan(3e9);
		for (const final of warm) expect(Number(final['load_duration'])).toBeLessThan(20e6);
		const rates = warm.map(rate);
		expect(new Set(rates.map((value) => value.toFixed(4))).size).toBeGreaterThan(1);
	});

	it('reloads cold when num_ctx changes, as Ollama restarts the runner', async () => {
		sim = await startSimulator();
		const run = async (numCtx: number) =>
			(await ndjson(await post(`${sim?.url}/api/generate`, {model: 'qwen2.5:14b', prompt: PROMPT, options: {num_ctx: numCtx}}))).at(-1) ?? {};
		await run(8192);
		expect(Number((await run(8192))['load_duration'])).toBeLessThan(20e6);
		expect(Number((await run(4096))['load_duration'])).toBeGreaterThan(3e9);
	});

	it('caps the reply at num_predict with done_reason length', async () => {
		sim = await startSimulator();
		const lines = await ndjson(await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: PROMPT, options: {num_predict: 2}}));
		const final = lines.at(-1) ?? {};
		expect(final['done_reason']).toBe('length');
		expect(final['eval_count']).toBe(2);
		expect(lines).toHaveLength(3);
	});

	it('counters do not depend on pace', async () => {
		const counters = async (pace: number) => {
			const s = await startSimulator({pace});
			try {
				const final = (await ndjson(await post(`${s.url}/api/generate`, {model: 'qwen2.5:14b', prompt: 'Hi there', options: {num_predict: 3}}))).at(-1) ?? {};
				return COUNTERS.map((key) => final[key]);
			} finally {
				await s.close();
			}
		};
		// pace 0.0001 keeps the paced run short; the counters must be the same numbers.
		expect(await counters(0.0001)).toEqual(await counters(0));
	});

	it('answers an empty prompt with done_reason load, and keep_alive 0 with unload', async () => {
		sim = await startSimulator();
		const load = await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: '', keep_alive: '30m'});
		expect(await load.json()).toMatchObject({model: 'qwen2.5:14b', done: true, done_reason: 'load'});
		expect(sim.loaded()).toEqual(['qwen2.5:14b']);

		const unload = await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: '', keep_alive: 0});
		expect(await unload.json()).toMatchObject({done: true, done_reason: 'unload'});
		expect(sim.loaded()).toEqual([]);

		const chatLoad = await post(`${sim.url}/api/chat`, {model: 'qwen2.5:14b', messages: []});
		expect(await chatLoad.json()).toMatchObject({message: {role: 'assistant', content: ''}, done_reason: 'load'});
	});

	it('a generation after a load is warm', async () => {
		sim = await startSimulator();
		await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: '', options: {num_ctx: 8192}});
		const final = (await ndjson(await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: PROMPT, options: {num_ctx: 8192}}))).at(-1) ?? {};
		expect(Number(final['load_duration'])).toBeLessThan(20e6);
	});

	it('returns 404 with the name as sent for a model not installed', async () => {
		sim = await startSimulator();
		for (const path of ['/api/generate', '/api/chat', '/api/show']) {
			const response = await post(`${sim.url}${path}`, {model: 'Qwen2.5:32b', prompt: 'x', messages: [{role: 'user', content: 'x'}]});
			expect(response.status, path).toBe(404);
			expect(await response.json()).toEqual({error: "model 'Qwen2.5:32b' not found"});
		}
	});

	it('refuses think:true for a model without thinking', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.url}/api/chat`, {model: 'qwen2.5:14b', think: true, messages: [{role: 'user', content: 'x'}]});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({error: '"qwen2.5:14b" does not support thinking'});
	});

	it('a thinking model thinks by default (counted in eval_count) and not with think:false', async () => {
		const thinker = profileFor('qwen3:8b', {capabilities: ['completion', 'tools', 'thinking']});
		sim = await startSimulator({profiles: [thinker], installed: ['qwen3:8b']});
		const run = async (think?: boolean) => ndjson(await post(`${sim?.url}/api/chat`, {model: 'qwen3:8b', think, messages: [{role: 'user', content: PROMPT}]}));
		const thinking = (lines: Json[]) => lines.filter((line) => (line['message'] as Json)['thinking'] !== undefined).length;
		const byDefault = await run();
		const off = await run(false);
		expect(thinking(byDefault)).toBeGreaterThan(0);
		expect(thinking(off)).toBe(0);
		expect(byDefault.at(-1)?.['eval_count']).toBe(byDefault.length - 1);
	});

	it('streams chat to the real ollama client', async () => {
		sim = await startSimulator();
		const client = new Ollama({host: sim.url});
		let text = '';
		let evalCount = 0;
		for await (const part of await client.chat({model: 'mistral-small:22b', messages: [{role: 'user', content: PROMPT}], stream: true})) {
			text += part.message.content;
			if (part.done) evalCount = part.eval_count;
		}
		expect(text.length).toBeGreaterThan(0);
		expect(evalCount).toBe(text.match(/\s+|\S+\s*/g)?.length);
	});

	it('answers stream:false with a single object holding the whole reply', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.url}/api/chat`, {model: 'qwen2.5:14b', stream: false, messages: [{role: 'user', content: PROMPT}]});
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = (await response.json()) as Json;
		expect(body).toMatchObject({done: true, done_reason: 'stop', message: {role: 'assistant'}});
		expect(String((body['message'] as Json)['content']).length).toBeGreaterThan(0);
	});
});

describe('GET /api/ps and friends', () => {
	it('shows weights plus KV for the num_ctx in use, and the GPU share of a partly offloaded model', async () => {
		const offloaded = profileFor('qwen2.5:72b', {gpuShare: 0.7});
		sim = await startSimulator({profiles: [profileFor('qwen2.5:14b'), offloaded], installed: ['qwen2.5:14b', 'qwen2.5:72b']});
		const client = new Ollama({host: sim.url});
		await post(`${sim.url}/api/generate`, {model: 'qwen2.5:72b', prompt: '', keep_alive: -1, options: {num_ctx: 8192}});
		await post(`${sim.url}/api/generate`, {model: 'qwen2.5:14b', prompt: '', options: {num_ctx: 16384}});
		const {models} = (await (await fetch(`${sim.url}/api/ps`)).json()) as {models: Json[]};
		const big = models.find((model) => model['name'] === 'qwen2.5:72b') ?? {};
		const small = models.find((model) => model['name'] === 'qwen2.5:14b') ?? {};

		expect(big['context_length']).toBe(8192);
		expect(Number(big['size'])).toBeGreaterThan(offloaded.sizeBytes + 8192 * 300_000);
		expect(Number(big['size_vram'])).toBe(Math.round(Number(big['size']) * 0.7));
		expect(String(big['expires_at']).startsWith('2318')).toBe(true);
		expect(small['size_vram']).toBe(small['size']);
		expect(small['context_length']).toBe(16384);
		expect(Date.parse(String(small['expires_at']))).toBeGreaterThan(Date.now() + 4 * 60_000);
		expect((await client.ps()).models).toHaveLength(2);
	});

	it('lists models with capabilities, details, size, digest and modified_at', async () => {
		sim = await startSimulator();
		const {models} = (await (await fetch(`${sim.url}/api/tags`)).json()) as {models: Json[]};
		expect(models.map((model) => model['name'])).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
		expect(models[0]).toMatchObject({
			size: 8_988_124_069,
			capabilities: ['completion', 'tools'],
			details: {format: 'gguf', family: 'qwen2', parameter_size: '14.8B', quantization_level: 'Q4_K_M'},
		});
		expect(String(models[0]?.['digest'])).toMatch(/^[0-9a-f]{64}$/);
		expect(Number.isNaN(Date.parse(String(models[0]?.['modified_at'])))).toBe(false);
	});

	it('omits capabilities from /api/tags before v0.30', async () => {
		sim = await startSimulator({version: '0.29.1'});
		const {models} = (await (await fetch(`${sim.url}/api/tags`)).json()) as {models: Json[]};
		expect(models[0]).not.toHaveProperty('capabilities');
	});

	it('serves liveness and version, GET and HEAD', async () => {
		sim = await startSimulator();
		expect(await (await fetch(`${sim.url}/`)).text()).toBe('Ollama is running');
		expect(await (await fetch(`${sim.url}/api/version`)).json()).toEqual({version: '0.32.15'});
		expect((await fetch(`${sim.url}/api/version`, {method: 'HEAD'})).status).toBe(200);
	});

	it('shows model_info keyed by the architecture, and capabilities', async () => {
		sim = await startSimulator();
		const show = (await (await post(`${sim.url}/api/show`, {name: 'qwen2.5:14b'})).json()) as Json;
		const info = show['model_info'] as Json;
		expect(info['general.architecture']).toBe('qwen2');
		expect(info['general.parameter_count']).toBe(14_770_033_664);
		expect(info['qwen2.context_length']).toBe(32_768);
		expect(show['capabilities']).toEqual(['completion', 'tools']);
	});

	it('deletes with an empty 200, frees its blobs, and 404s the second time', async () => {
		sim = await startSimulator();
		const first = await fetch(`${sim.url}/api/delete`, {method: 'DELETE', body: JSON.stringify({model: 'mistral-small:22b'})});
		expect(first.status).toBe(200);
		expect(await first.text()).toBe('');
		expect(sim.installed()).toEqual(['qwen2.5:14b']);
		const second = await fetch(`${sim.url}/api/delete`, {method: 'DELETE', body: JSON.stringify({model: 'mistral-small:22b'})});
		expect(second.status).toBe(404);
		expect(await second.json()).toEqual({error: "model 'mistral-small:22b' not found"});
		// Pulling it again has to download the weights again.
		const lines = await ndjson(await post(`${sim.url}/api/pull`, {model: 'mistral-small:22b'}));
		expect(lines.filter((line) => line['digest'] === profileFor('mistral-small:22b').layers[0]?.digest).length).toBeGreaterThan(1);
	});

	it('deletes through the real ollama client', async () => {
		sim = await startSimulator();
		const client = new Ollama({host: sim.url});
		await client.delete({model: 'qwen2.5:14b'});
		expect(sim.installed()).toEqual(['mistral-small:22b']);
	});
});
