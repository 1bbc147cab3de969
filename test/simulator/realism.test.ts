// What the simulator does because real Ollama does it (the
// prompt cache among others), by server version where it changed.
import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator, type SimulatorHandle} from '../../source/simulator/index.js';
import {mapOllamaError} from '../../source/providers/ollama/mapOllamaError.js';
import {createOllamaProvider} from '../../source/providers/ollama/index.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

async function post(path: string, body: unknown, method = 'POST'): Promise<Response> {
	return fetch(`${sim?.url}${path}`, {method, body: JSON.stringify(body)});
}

type Final = {prompt_eval_count?: number; prompt_eval_duration?: number};

describe('simulated Ollama, as the real server behaves', () => {
	it.each([
		['5m', 200],
		[300, 200],
		['-1m', 200],
		['0', 200],
		['300', 400],
		['five minutes', 400],
		[true, 400],
	])('keep_alive %j: %i', async (keepAlive, status) => {
		sim = await startSimulator();
		const response = await post('/api/generate', {model: 'qwen2.5:14b', prompt: 'hi', stream: false, keep_alive: keepAlive});
		expect(response.status).toBe(status);
		if (status === 400) expect(((await response.json()) as {error: string}).error).toMatch(/time: (missing unit in|invalid) duration|Unsupported type/);
	});

	it.each([
		['0.29.0', false],
		['0.30.0', true],
	])('/api/tags on %s lists capabilities: %s (PR #16215); /api/show always has them', async (version, listed) => {
		sim = await startSimulator({version});
		const tags = (await (await fetch(`${sim.url}/api/tags`)).json()) as {models: {capabilities?: string[]}[]};
		expect(tags.models.every((model) => Array.isArray(model.capabilities))).toBe(listed);
		const show = (await (await post('/api/show', {model: 'qwen2.5:14b'})).json()) as {capabilities: string[]};
		expect(show.capabilities).toContain('tools');
	});

	it('DELETE removes the model but does not unload a loaded one: it runs until its keep_alive expires', async () => {
		sim = await startSimulator();
		await post('/api/generate', {model: 'qwen2.5:14b', prompt: 'hi', stream: false});
		expect(sim.loaded()).toContain('qwen2.5:14b');
		expect((await post('/api/delete', {model: 'qwen2.5:14b'}, 'DELETE')).status).toBe(200);
		expect(sim.installed()).not.toContain('qwen2.5:14b');
		expect(sim.loaded()).toContain('qwen2.5:14b');
	});

	it.each([
		['0.32.15', true],
		// The Go runners count every prompt input, cached or not (runner/ollamarunner/runner.go v0.20.0).
		['0.29.0', true],
		['0.4.0', true],
		// Only the C++ ext_server before v0.4.0 counted just the processed tokens.
		['0.3.14', false],
	])('prompt cache on %s: a repeated prefix is not timed; counted in prompt_eval_count from v0.4.0 (%s)', async (version, countsCached) => {
		sim = await startSimulator({version});
		const ask = async (prompt: string) => (await (await post('/api/generate', {model: 'qwen2.5:14b', prompt, stream: false})).json()) as Final;
		const first = await ask('Explain the bull case for Apple stock in two hundred words.');
		const again = await ask('Explain the bull case for Apple stock in two hundred words.');
		expect(again.prompt_eval_duration ?? 0).toBeLessThan((first.prompt_eval_duration ?? 0) / 5);
		if (countsCached) expect(again.prompt_eval_count).toBe(first.prompt_eval_count);
		else expect(again.prompt_eval_count ?? 0).toBeLessThan(first.prompt_eval_count ?? 0);
	});

	it.each([
		['0.20.0', undefined],
		['0.29.0', undefined],
		['0.30.0', 1000],
		['0.32.15', 1000],
	])('a one-token generate on %s reports eval_count 1 in an eval_duration of %s ns (decode is timed from the first token)', async (version, evalDuration) => {
		sim = await startSimulator({version});
		const final = (await (await post('/api/generate', {model: 'qwen2.5:14b', prompt: 'Reply with OK.', stream: false, options: {num_predict: 1}})).json()) as Record<string, unknown>;
		expect(final['eval_count']).toBe(1);
		expect(final['eval_duration']).toBe(evalDuration);
		// The cold load is reported all the same.
		expect(Number(final['load_duration'])).toBeGreaterThan(3e9);
	});

	it.each([
		['qwen2.5:14b', 'Revenue 391035 and EPS 6.11.', 14],
		['llama3.3:70b', 'Revenue 391035 and EPS 6.11.', 9],
	])('%s counts prompt tokens as its tokenizer does: %j is %i tokens once the template is taken away', async (model, prompt, tokens) => {
		// Qwen splits every digit apart; Llama 3 groups up to three. A prompt rich in figures is far longer than its word count.
		sim = await startSimulator({installed: [model]});
		const count = async (text: string) => Number(((await (await post('/api/generate', {model, prompt: text, system: 'S', stream: false})).json()) as Final).prompt_eval_count);
		expect((await count(`${prompt} x`)) - (await count('x'))).toBe(tokens);
	});

	it.each([
		['0.20.0', /^Ollama could not load qwen2\.5:14b: llama runner process has terminated: error loading model: /],
		['0.32.15', /^Ollama could not load qwen2\.5:14b: llama-server process has terminated: exit status 1: error loading model: /],
	])('a runner that dies loading the model on %s is a load failure with what to do', async (version, message) => {
		sim = await startSimulator({version});
		sim.injectOllamaFault({kind: 'load-failure'}, '/api/generate');
		const ollama = createOllamaProvider({host: sim.url});
		let caught: unknown;
		try {
			for await (const event of ollama.generate({model: 'qwen2.5:14b', prompt: 'hi'})) void event;
		} catch (error) {
			caught = error;
		}
		expect(caught).toMatchObject({kind: 'runner-crashed'});
		expect((caught as {message: string}).message).toMatch(message);
	});

	it('a pull that fills the disk fails in-band with the OS text, mapped to disk-full with what to do', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'disk-full', afterChunks: 3}, '/api/pull');
		const ollama = createOllamaProvider({host: sim.url});
		let caught: unknown;
		try {
			for await (const update of ollama.pull('qwen2.5:32b')) void update;
		} catch (error) {
			caught = error;
		}
		expect(caught).toMatchObject({kind: 'disk-full'});
		expect((caught as {userMessage: string}).userMessage).toMatch(/no space left on device[\s\S]*free disk space/);
	});
});

describe('out-of-memory wordings across versions', () => {
	it.each([
		'model requires more system memory (48.2 GiB) than is available (31.2 GiB)',
		'memory layout cannot be allocated with num_gpu = 999',
		'failed to allocate memory for model: unable to allocate Metal buffer',
		'insufficient memory - required allocations: {InputWeights:1B CPU:0B Metal:9B}',
		'llama-server reported out-of-memory during startup: failed to allocate',
	])('%s', (text) => {
		const error = mapOllamaError(Object.assign(new Error(text), {name: 'ResponseError', status_code: 500, error: text}), {host: 'http://h:1', model: 'm'});
		expect(error.kind).toBe('out-of-memory');
		expect(error.hint).toMatch(/--num-ctx|unload/);
	});
});
