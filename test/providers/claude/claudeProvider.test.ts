// The Claude baseline adapter against the simulator's Anthropic Messages API.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {costUsd} from '../../../source/providers/claudePricing.js';
import type {ClaudeProvider, ClaudeRequest, ClaudeStreamEvent} from '../../../source/providers/types.js';
import {startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

const API_KEY = 'sk-ant-test-SECRET-0123456789';
const DEPRECATED = 'claude-sonnet-4-5-20250929';
const CURRENT = 'claude-haiku-4-5';

let sim: SimulatorHandle;
let warnings: string[];
let consoleSpies: ReturnType<typeof vi.spyOn>[];

beforeEach(async () => {
	sim = await startSimulator({installed: []});
	warnings = [];
	consoleSpies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(async () => {
	for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
	vi.restoreAllMocks();
	await sim.close();
});

function claude(model = CURRENT, maxRetries = 0): ClaudeProvider {
	return createClaudeProvider({apiKey: API_KEY, baseURL: sim.anthropicUrl, model, maxRetries, warn: (message) => warnings.push(message)});
}

const request = (model = CURRENT): ClaudeRequest => ({
	model,
	system: 'You are a trader.',
	messages: [{role: 'user', content: 'Write the trader proposal for AAPL.'}],
	maxTokens: 1024,
});

async function collect(stream: AsyncIterable<ClaudeStreamEvent>): Promise<ClaudeStreamEvent[]> {
	const events: ClaudeStreamEvent[] = [];
	for await (const event of stream) events.push(event);
	return events;
}

async function failure(stream: AsyncIterable<ClaudeStreamEvent>): Promise<{kind: string; message: string; hint: string; userMessage: string}> {
	try {
		await collect(stream);
	} catch (error) {
		return error as {kind: string; message: string; hint: string; userMessage: string};
	}
	throw new Error('expected the stream to fail');
}

describe('Claude adapter: streaming', () => {
	it('streams text deltas, then stop reason, usage, list-price cost and ttft', async () => {
		const events = await collect(claude().stream(request()));
		const deltas = events.filter((event) => event.type === 'delta');
		expect(deltas.length).toBeGreaterThan(1);
		const done = events.at(-1);
		if (done?.type !== 'done') throw new Error('no done event');
		expect(done.stopReason).toBe('end_turn');
		expect(done.usage.inputTokens).toBeGreaterThan(0);
		expect(done.usage.outputTokens).toBe(deltas.length);
		expect(done.costUsd).toBeCloseTo(costUsd(CURRENT, done.usage.inputTokens, done.usage.outputTokens)!, 12);
		expect(done.costUsd).toBeGreaterThan(0);
		expect(done.ttftMs).not.toBeNull();
		const sent = sim.requests.find((entry) => entry.path === '/v1/messages');
		// The system prompt goes as a block marked cacheable (the repeated prefix of every call).
		expect(sent?.body).toMatchObject({model: CURRENT, max_tokens: 1024, system: [{type: 'text', text: 'You are a trader.', cache_control: {type: 'ephemeral'}}], stream: true});
	});

	it('reports max_tokens when the answer is cut by the cap', async () => {
		const events = await collect(claude().stream({...request(), maxTokens: 5}));
		const done = events.at(-1);
		expect(done).toMatchObject({type: 'done', stopReason: 'max_tokens', usage: {outputTokens: 5}});
	});

	it('routes the deprecation warning to warn (once), never to the console, and answers deprecation() without a request', async () => {
		const provider = claude(DEPRECATED);
		expect(provider.deprecation()).toMatch(/^The model 'claude-sonnet-4-5-20250929' is deprecated and will reach end-of-life on November 30th, 2026/);
		expect(sim.requests).toHaveLength(0);
		await collect(provider.stream(request(DEPRECATED)));
		await collect(provider.stream(request(DEPRECATED)));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/claude-sonnet-4-5-20250929' is deprecated.*November 30th, 2026/);
		expect(claude(CURRENT).deprecation()).toBeNull();
	});

	it('leaving the loop early closes the HTTP request', async () => {
		sim.injectClaudeFault({kind: 'stall', afterChunks: 2});
		for await (const event of claude().stream(request())) {
			if (event.type === 'delta') break;
		}
		await vi.waitFor(() => expect(sim.requests.find((entry) => entry.path === '/v1/messages')?.aborted).toBe(true));
	});

	it('aborting the signal throws canceled instead of ending as if complete', async () => {
		sim.injectClaudeFault({kind: 'stall', afterChunks: 2});
		const controller = new AbortController();
		const run = (async () => {
			for await (const event of claude().stream(request(), {signal: controller.signal})) {
				if (event.type === 'delta') controller.abort();
			}
		})();
		await expect(run).rejects.toMatchObject({kind: 'canceled'});
	});
});

describe('Claude adapter: errors', () => {
	it('401 → claude-auth, pointing at ANTHROPIC_API_KEY, without the key in any message', async () => {
		sim.injectClaudeFault({kind: 'status', status: 401});
		const error = await failure(claude().stream(request()));
		expect(error.kind).toBe('claude-auth');
		expect(error.hint).toMatch(/ANTHROPIC_API_KEY/);
		for (const text of [error.message, error.hint, error.userMessage, String(error)]) expect(text).not.toContain(API_KEY);
	});

	it('403 → permission: the key works but may not use this model; never "rejected the API key"', async () => {
		sim.injectClaudeFault({kind: 'status', status: 403});
		const error = await failure(claude().stream(request()));
		expect(error.kind).toBe('bad-request');
		expect(error.message).toMatch(/accepted the API key but refused it permission for this request \(403\)/);
		expect(error.message).not.toMatch(/rejected the API key/);
		expect(error.hint).toMatch(/may not use this model or feature/);
		for (const text of [error.message, error.hint, error.userMessage, String(error)]) expect(text).not.toContain(API_KEY);
	});

	it('a stream whose connection is reset mid-answer was cut off by the server, not a network to check', async () => {
		sim.injectClaudeFault({kind: 'cut', afterChunks: 4, reset: true});
		const error = await failure(claude().stream(request()));
		expect(error.kind).toBe('claude-stream-error');
		expect(error.message).toBe(`The answer from the Claude API was cut off mid-stream: the server or a proxy at ${sim.anthropicUrl} reset or closed the connection`);
		expect(`${error.message} ${error.hint}`).not.toMatch(/check your network|Unexpected/);
	});

	it('429 → claude-rate-limit', async () => {
		sim.injectClaudeFault({kind: 'status', status: 429});
		expect((await failure(claude().stream(request()))).kind).toBe('claude-rate-limit');
	});

	it('529 → claude-overloaded', async () => {
		sim.injectClaudeFault({kind: 'status', status: 529});
		expect((await failure(claude().stream(request()))).kind).toBe('claude-overloaded');
	});

	it('a single 529 is absorbed by the SDK retries when maxRetries allows', async () => {
		sim.injectClaudeFault({kind: 'status', status: 529, times: 1});
		const events = await collect(claude(CURRENT, 1).stream(request()));
		expect(events.at(-1)?.type).toBe('done');
		expect(sim.requests.filter((entry) => entry.path === '/v1/messages')).toHaveLength(2);
	});

	it('an `event: error` mid-stream → claude-stream-error', async () => {
		sim.injectClaudeFault({kind: 'mid-stream-error', afterChunks: 3});
		expect((await failure(claude().stream(request()))).kind).toBe('claude-stream-error');
	});

	it('a server that never stops streaming is cut off past the size cap, with a message naming it', async () => {
		sim.injectClaudeFault({kind: 'endless', afterChunks: 2, chars: 64 * 1024});
		const rss = process.memoryUsage().rss;
		const error = await failure(claude().stream(request()));
		expect(error.kind).toBe('claude-stream-error');
		expect(error.message).toMatch(/sent more than 16 MB for one Claude response; it was cut off/);
		expect(error.hint).toMatch(/ANTHROPIC_BASE_URL/);
		// The SDK never held the endless body: memory grew by about the cap, not without bound.
		expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
		// The request was closed: the simulator saw the client go.
		await expect.poll(() => sim.requests.find((entry) => entry.path === '/v1/messages')?.endedAt).toBeDefined();
	});

	it('connection refused → claude-connection', async () => {
		const provider = claude();
		await sim.close();
		expect((await failure(provider.stream(request()))).kind).toBe('claude-connection');
	});
});
