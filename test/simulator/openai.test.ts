import OpenAI from 'openai';
import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';
import {post, sse} from './wireHelpers.js';
import type {Json} from './wireHelpers.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const ASK = [{role: 'user', content: 'Explain the bull case for Apple stock.'}];

describe('POST /v1/chat/completions', () => {
	it('streams chatcmpl chunks with fp_ollama, a usage chunk on request, and [DONE]', async () => {
		sim = await startSimulator();
		const frames = await sse(await post(`${sim.url}/v1/chat/completions`, {model: 'qwen2.5:14b', stream: true, stream_options: {include_usage: true}, messages: ASK}));
		expect(frames.every((frame) => frame.event === undefined)).toBe(true);
		expect(frames.at(-1)?.data).toBe('[DONE]');
		const chunks = frames.slice(0, -1).map((frame) => frame.data as Json);
		for (const chunk of chunks) {
			expect(String(chunk['id'])).toMatch(/^chatcmpl-\d{1,3}$/);
			expect(chunk).toMatchObject({object: 'chat.completion.chunk', model: 'qwen2.5:14b', system_fingerprint: 'fp_ollama'});
		}
		const usageChunk = chunks.at(-1) ?? {};
		expect(usageChunk['choices']).toEqual([]);
		const usage = usageChunk['usage'] as Json;
		const contentChunks = chunks.slice(0, -2);
		expect(usage['completion_tokens']).toBe(contentChunks.length);
		expect(usage['total_tokens']).toBe(Number(usage['prompt_tokens']) + Number(usage['completion_tokens']));
		expect(((chunks.at(-2)?.['choices'] as Json[])[0] ?? {})['finish_reason']).toBe('stop');
	});

	it('ends with finish_reason length when max_tokens caps the reply', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.url}/v1/chat/completions`, {model: 'qwen2.5:14b', max_tokens: 2, messages: ASK});
		const body = (await response.json()) as Json;
		expect(((body['choices'] as Json[])[0] ?? {})['finish_reason']).toBe('length');
		expect(body['usage']).toMatchObject({completion_tokens: 2});
	});

	it('answers a missing model with 404 in the OpenAI error shape', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.url}/v1/chat/completions`, {model: 'nope:1b', messages: ASK});
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({error: {message: "model 'nope:1b' not found", type: 'not_found_error', param: null, code: null}});
	});

	it('works with the real openai client, streamed and not', async () => {
		sim = await startSimulator();
		const client = new OpenAI({apiKey: 'ollama', baseURL: `${sim.url}/v1`, maxRetries: 0});
		const single = await client.chat.completions.create({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Hello'}]});
		expect(single.choices[0]?.message.content?.length).toBeGreaterThan(0);
		let text = '';
		for await (const chunk of await client.chat.completions.create({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'Hello'}], stream: true})) {
			text += chunk.choices[0]?.delta.content ?? '';
		}
		expect(text).toBe(single.choices[0]?.message.content);
		const models = await client.models.list();
		expect(models.data.map((model) => model.id)).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
	});
});
