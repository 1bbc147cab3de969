// a server that goes silent is reported as what it is, within the timeout, and
// never as "not running"; the SDKs do not retry on top.
import {afterEach, describe, expect, it} from 'vitest';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';
import {drain, failureOf} from '../../helpers/failureOf.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const timeouts = {loadMs: 400, stallMs: 300};
const ask = [{role: 'user' as const, content: 'Explain the bull case for Apple stock.'}];

describe('stall and load timeouts', () => {
	it('Ollama: silence mid-answer is a stall, said with the seconds, within the stall timeout', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'stall', afterChunks: 3}, '/api/chat');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		const error = await failureOf(() => drain(ollama.chat({model: 'qwen2.5:14b', messages: ask})));
		expect(error.kind).toBe('stall-timeout');
		// Worded for what the stall timer now watches on the native API: new tokens, not bytes.
		expect(error.message).toBe(`no new tokens for 0.3 s in the middle of the answer from Ollama at ${sim.url}`);
		expect(error.hint).toMatch(/--stall-timeout/);
	});

	it('Ollama: nothing before the first byte is a load timeout, not "not running"', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'stall', afterChunks: 0}, '/api/generate');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		const error = await failureOf(() => drain(ollama.generate({model: 'qwen2.5:14b', prompt: 'hi'})));
		expect(error.kind).toBe('load-timeout');
		expect(error.message).toMatch(/sent nothing for 0\.4 s after the request \(still loading the model or reading the prompt\)/);
		expect(error.message).not.toMatch(/not running/);
		expect(error.hint).toMatch(/--load-timeout/);
		// One request: a timeout is never retried blindly.
		expect(sim.requests.filter((request) => request.path === '/api/generate')).toHaveLength(1);
	});

	it('/v1: a stall mid-stream is a stall, and the SDK does not retry it', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'stall', afterChunks: 2}, '/v1/chat/completions');
		const openai = createOpenAICompatProvider({host: sim.url, timeouts});
		const error = await failureOf(() => openai.chat({model: 'qwen2.5:14b', messages: ask}));
		expect(error.kind).toBe('stall-timeout');
		expect(error.message).toMatch(/^no data for 0\.3 s in the middle of the answer/);
		expect(sim.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
	});

	it('Claude: a stall mid-stream is a stall, not retried by the SDK', {timeout: 5000}, async () => {
		sim = await startSimulator({installed: []});
		sim.injectClaudeFault({kind: 'stall', afterChunks: 2});
		const claude = createClaudeProvider({apiKey: 'test-key', baseURL: sim.anthropicUrl, model: 'claude-haiku-4-5', maxRetries: 2, warn: () => {}, timeouts});
		const error = await failureOf(() => drain(claude.stream({model: 'claude-haiku-4-5', messages: [{role: 'user', content: 'hi'}], maxTokens: 256})));
		expect(error.kind).toBe('stall-timeout');
		expect(error.message).toBe('no data for 0.3 s in the middle of the answer from the Claude API');
		expect(sim.requests.filter((request) => request.path === '/v1/messages')).toHaveLength(1);
	});

	it('a paced stream whose chunks keep coming completes although it lasts longer than the stall timeout', {timeout: 10_000}, async () => {
		sim = await startSimulator({pace: 0.05});
		const ollama = createOllamaProvider({host: sim.url, timeouts: {loadMs: 30_000, stallMs: 300}});
		const events: string[] = [];
		for await (const event of ollama.generate({model: 'qwen2.5:14b', prompt: 'Say hi.', options: {num_predict: 40}})) events.push(event.type);
		expect(events.at(-1)).toBe('done');
	});
});
