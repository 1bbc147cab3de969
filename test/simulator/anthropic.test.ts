import Anthropic from '@anthropic-ai/sdk';
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

const MODEL = 'claude-sonnet-4-6';
const REQUEST = {model: MODEL, max_tokens: 1024, system: 'You are a trader.', messages: [{role: 'user' as const, content: 'Give your trade proposal for AAPL.'}]};

function client(s: SimulatorHandle, maxRetries = 0): Anthropic {
	return new Anthropic({apiKey: 'test', baseURL: s.anthropicUrl, maxRetries});
}

describe('POST /v1/messages', () => {
	it('streams the real SSE sequence, each frame with an event: line', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.anthropicUrl}/v1/messages`, {...REQUEST, stream: true}, {headers: {'Content-Type': 'application/json', 'x-api-key': 'k'}});
		expect(response.headers.get('content-type')).toContain('text/event-stream');
		const frames = await sse(response);
		for (const frame of frames) expect(frame.event).toBe((frame.data as Json)['type']);
		const types = frames.map((frame) => frame.event);
		expect(types.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
		expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
		expect(types.slice(3, -3).every((type) => type === 'content_block_delta')).toBe(true);
		const start = (frames[0]?.data as Json)['message'] as Json;
		expect((start['usage'] as Json)['input_tokens']).toBeGreaterThan(0);
		const delta = frames.at(-2)?.data as Json;
		expect(delta).toMatchObject({delta: {stop_reason: 'end_turn'}, usage: {output_tokens: types.length - 6}});
	});

	it('is consumed by the real SDK, streamed and not, with usage', async () => {
		sim = await startSimulator();
		const stream = client(sim).messages.stream(REQUEST);
		let streamed = '';
		stream.on('text', (text) => {
			streamed += text;
		});
		const final = await stream.finalMessage();
		expect(final.model).toBe(MODEL);
		expect(final.stop_reason).toBe('end_turn');
		expect(final.usage.input_tokens).toBeGreaterThan(0);
		expect(final.usage.output_tokens).toBe(streamed.match(/\s+|\S+\s*/g)?.length);

		const single = await client(sim).messages.create(REQUEST);
		const block = single.content[0];
		expect(block?.type === 'text' ? block.text : '').toBe(streamed);
	});

	it('stops at max_tokens with stop_reason max_tokens', async () => {
		sim = await startSimulator();
		const single = await client(sim).messages.create({...REQUEST, max_tokens: 2});
		expect(single.stop_reason).toBe('max_tokens');
		expect(single.usage.output_tokens).toBe(2);
	});

	it('requires a key, answering 401 authentication_error with a request-id', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.anthropicUrl}/v1/messages`, REQUEST);
		expect(response.status).toBe(401);
		expect(response.headers.get('request-id')).toMatch(/^req_/);
		expect(await response.json()).toMatchObject({type: 'error', error: {type: 'authentication_error'}});
	});

	it.each([
		[401, Anthropic.AuthenticationError, 'authentication_error'],
		[429, Anthropic.RateLimitError, 'rate_limit_error'],
		[529, Anthropic.InternalServerError, 'overloaded_error'],
		[500, Anthropic.InternalServerError, 'api_error'],
	] as const)('injected status %i reaches the SDK as its typed error', async (status, errorClass, type) => {
		sim = await startSimulator();
		sim.injectClaudeFault({kind: 'status', status});
		const error: unknown = await client(sim).messages.create(REQUEST).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(errorClass);
		expect(error).toMatchObject({status, type, requestID: expect.stringMatching(/^req_/)});
		// The fault was for one request only.
		await expect(client(sim).messages.create(REQUEST)).resolves.toMatchObject({type: 'message'});
	});

	it('lets the SDK retry a 529 at once thanks to retry-after: 0', async () => {
		sim = await startSimulator();
		sim.injectClaudeFault({kind: 'status', status: 529, times: 2});
		const reply = await client(sim, 2).messages.create(REQUEST);
		expect(reply.type).toBe('message');
		expect(sim.requests.filter((entry) => entry.path === '/v1/messages')).toHaveLength(3);
	});

	it('a mid-stream fault arrives as an event: error frame the SDK throws as overloaded_error', async () => {
		sim = await startSimulator();
		sim.injectClaudeFault({kind: 'mid-stream-error', afterChunks: 3});
		const stream = await client(sim).messages.create({...REQUEST, stream: true});
		const texts: string[] = [];
		const run = async () => {
			for await (const event of stream) {
				if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') texts.push(event.delta.text);
			}
		};
		await expect(run()).rejects.toMatchObject({type: 'overloaded_error'});
		expect(texts).toHaveLength(3);
	});

	it('never records the API key in the request log', async () => {
		sim = await startSimulator();
		await client(sim).messages.create(REQUEST);
		expect(JSON.stringify(sim.requests)).not.toContain('test');
	});
});
