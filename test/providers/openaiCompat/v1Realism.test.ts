// /v1/chat/completions as real Ollama serves it: an in-band failure
// is an empty delta and the end of the stream (no finish_reason, no [DONE]); parallel tool calls
// all carry index 0 on older servers; a 500 is not retried by the SDK.
import {afterEach, describe, expect, it} from 'vitest';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import {createOpenAICompatProvider, STREAM_ENDED_EARLY} from '../../../source/providers/openaiCompat/openaiCompatProvider.js';
import {ToolCallAccumulator} from '../../../source/providers/openaiCompat/toolCallAccumulator.js';
import type {ToolSchema} from '../../../source/providers/types.js';
import {analystTools} from '../../../source/prompts/tools.js';
import {profileFor, startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';
import {failureOf} from '../../helpers/failureOf.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const ask = [{role: 'user' as const, content: 'Explain the bull case for Apple stock.'}];
const fundamentalsQuestion = [{role: 'user' as const, content: 'Look up the fundamentals for MSFT as of 2025-03-14 and tell me its trailing P/E ratio.'}];

describe('/v1 streams that end early', () => {
	it('a runner crash mid-answer (empty delta, then end of stream) is an infrastructure error, not a complete answer', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'runner-crash', afterChunks: 5}, '/v1/chat/completions');
		const openai = createOpenAICompatProvider({host: sim.url});
		const error = await failureOf(() => openai.chat({model: 'qwen2.5:14b', messages: ask}));
		expect(error.kind).toBe('stream-incomplete');
		expect(error.message).toMatch(new RegExp(`^${STREAM_ENDED_EARLY}`));
	});

	it('a stream that stops without its closing chunks is the same error, never "no tool call"', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'no-done'}, '/v1/chat/completions');
		const openai = createOpenAICompatProvider({host: sim.url});
		const error = await failureOf(() => openai.chat({model: 'qwen2.5:14b', messages: fundamentalsQuestion, tools: [...analystTools]}));
		expect(error.message).toMatch(/the server ended the stream early/);
	});

	it('a 500 (a model that does not fit) is not retried by the SDK, which would reload it each time', async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'oom', wording: 'allocate'}, '/v1/chat/completions');
		const openai = createOpenAICompatProvider({host: sim.url});
		const error = await failureOf(() => openai.chat({model: 'qwen2.5:14b', messages: ask}));
		expect(error.kind).toBe('out-of-memory');
		expect(sim.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
	});
});

describe('parallel tool calls on /v1', () => {
	it.each([
		['0.20.6', 'qwen2.5'],
		['0.17.4', 'qwen3'],
		['0.32.15', 'qwen2.5'],
	])('Ollama %s (%s family): two calls stay two calls', async (version, family) => {
		sim = await startSimulator({version, profiles: [profileFor('parallel:8b', {parallelTools: true, family})], installed: ['parallel:8b']});
		const openai = createOpenAICompatProvider({host: sim.url});
		const result = await openai.chat({model: 'parallel:8b', messages: fundamentalsQuestion, tools: [...analystTools] as ToolSchema[]});
		expect(result.toolCalls.map((call) => call.name)).toEqual(['get_fundamentals', expect.not.stringMatching(/get_fundamentals/)]);
		for (const call of result.toolCalls) expect(call.id).toMatch(/^call_[a-z0-9]{8}$/);
	});

	it('the simulator gives both calls index 0 before v0.20.7 (v0.17.5 for qwen3) and 0, 1 after', async () => {
		const indexes = async (version: string): Promise<unknown[]> => {
			const local = await startSimulator({version, profiles: [profileFor('parallel:8b', {parallelTools: true})], installed: ['parallel:8b']});
			try {
				const response = await fetch(`${local.url}/v1/chat/completions`, {
					method: 'POST',
					body: JSON.stringify({model: 'parallel:8b', stream: true, messages: fundamentalsQuestion, tools: analystTools}),
				});
				const text = await response.text();
				const chunk = text.split('\n\n').find((frame) => frame.includes('tool_calls'));
				const parsed = JSON.parse(chunk?.replace(/^data: /, '') ?? '{}') as {choices: {delta: {tool_calls: {index: number}[]}}[]};
				return parsed.choices[0]?.delta.tool_calls.map((call) => call.index) ?? [];
			} finally {
				await local.close();
			}
		};
		expect(await indexes('0.20.6')).toEqual([0, 0]);
		expect(await indexes('0.20.7')).toEqual([0, 1]);
	});

	it('the accumulator keys by id: index-0 calls are not merged into one name', () => {
		const calls = new ToolCallAccumulator();
		calls.add([{index: 0, id: 'call_aaaaaaaa', function: {name: 'get_fundamentals', arguments: '{"ticker":"MSFT"}'}}]);
		calls.add([{index: 0, id: 'call_bbbbbbbb', function: {name: 'get_stock_data', arguments: '{"symbol":"MSFT"}'}}]);
		calls.add([{index: 0, function: {arguments: ''}}]);
		expect(calls.result().map((call) => call.name)).toEqual(['get_fundamentals', 'get_stock_data']);
	});
});

describe('parser errors are the model failing, not the server', () => {
	it('native: "failed to parse JSON" in-band becomes a model-output error with the text', async () => {
		// The Go parser's wording (before v0.30; llama-server's is tested in toolFailures.test.ts).
		sim = await startSimulator({version: '0.29.0', profiles: [profileFor('garbled:8b', {tools: 'parse-error'})], installed: ['garbled:8b']});
		const ollama = createOllamaProvider({host: sim.url});
		const error = await failureOf(async () => {
			for await (const event of ollama.chat({model: 'garbled:8b', messages: fundamentalsQuestion, tools: [...analystTools]})) void event;
		});
		expect(error.kind).toBe('model-output');
		expect(error.message).toMatch(/failed to parse JSON/);
	});
});
