// Requests shaped for the model they go to, and every way a Claude answer can end without being
// one, against the simulator's Messages API (which follows Sonnet 5.5's documented rules).
import Anthropic from '@anthropic-ai/sdk';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {buildJudgeUser, judgeBoundary, JUDGE_SYSTEM, judgeJsonSchema} from '../../../source/analysis/judgePrompt.js';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {costUsd} from '../../../source/providers/claudePricing.js';
import type {ClaudeProvider, ClaudeStreamEvent, JudgeRequest} from '../../../source/providers/types.js';
import type {TimeoutSettings} from '../../../source/providers/network/timeouts.js';
import {startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

let sim: SimulatorHandle;
beforeEach(async () => {
	sim = await startSimulator({installed: []});
});
afterEach(async () => {
	await sim.close();
});

function claude(model: string, options: {maxRetries?: number; timeouts?: TimeoutSettings} = {}): ClaudeProvider {
	return createClaudeProvider({apiKey: 'test-key', baseURL: sim.anthropicUrl, model, maxRetries: options.maxRetries ?? 0, warn: () => {}, ...(options.timeouts ? {timeouts: options.timeouts} : {})});
}

const CONTEXT = 'AAPL last price $187.40, ATR(14) $3.10, revenue growth 6%, P/E 29. '.repeat(40);

function judgeRequest(model: string): JudgeRequest {
	const user = buildJudgeUser({
		role: 'trader',
		task: 'Write a transaction proposal.',
		context: CONTEXT,
		first: 'BUY at $187, stop-loss $181, target $200, 3% of the portfolio, 6 weeks. FINAL TRANSACTION PROPOSAL: **BUY**',
		second: 'HOLD. FINAL TRANSACTION PROPOSAL: **HOLD**',
	}, judgeBoundary(new Uint8Array(12).fill(7)));
	return {model, system: JUDGE_SYSTEM, user, schema: judgeJsonSchema(), maxTokens: 1500};
}

async function collect(stream: AsyncIterable<ClaudeStreamEvent>): Promise<ClaudeStreamEvent[]> {
	const events: ClaudeStreamEvent[] = [];
	for await (const event of stream) events.push(event);
	return events;
}

async function failure(run: Promise<unknown>): Promise<{kind: string; message: string; hint: string; retryAfterMs?: number}> {
	try {
		await run;
	} catch (error) {
		return error as {kind: string; message: string; hint: string};
	}
	throw new Error('expected a failure');
}

const messagesSent = () => sim.requests.filter((entry) => entry.path === '/v1/messages');

describe('judge requests on Sonnet 5.5 (adaptive thinking by default at effort high)', () => {
	it('a judge call sent the old way (no thinking or effort settings, max_tokens 1500, then 3000) ends at max_tokens before any JSON', async () => {
		const client = new Anthropic({apiKey: 'test-key', baseURL: sim.anthropicUrl, maxRetries: 0});
		const request = judgeRequest('claude-sonnet-5-5');
		for (const maxTokens of [1500, 3000]) {
			const message = await client.messages.create({
				model: request.model,
				max_tokens: maxTokens,
				system: request.system,
				messages: [{role: 'user', content: request.user}],
				output_config: {format: {type: 'json_schema', schema: request.schema}},
			});
			expect(message.stop_reason).toBe('max_tokens');
			expect(message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')).toBe('');
		}
	});

	it.each(['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-sonnet-5', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5'])('%s: the shaped judge call is accepted and answers with the verdict JSON', async (model) => {
		const reply = await claude(model).judge!(judgeRequest(model));
		expect(reply.stopReason).toBe('end_turn');
		expect(Object.keys(JSON.parse(reply.text) as object)).toEqual(['thesis', 'risk', 'consistency', 'actionability']);
		const body = messagesSent()[0]?.body as Record<string, unknown>;
		for (const removed of ['temperature', 'top_p', 'top_k', 'tool_choice', 'tools']) expect(body).not.toHaveProperty(removed);
		expect(body['output_config']).toMatchObject({format: {type: 'json_schema'}});
	});

	it('a baseline answer on Sonnet 5.5 is not cut by thinking: thinking at its lowest, at the default effort', async () => {
		const events = await collect(claude('claude-sonnet-5-5').stream({model: 'claude-sonnet-5-5', system: 'You are the Trader.', messages: [{role: 'user', content: `Market context:\n\n${CONTEXT}\n\nWrite your proposal.`}], maxTokens: 8192}));
		expect(events.at(-1)).toMatchObject({type: 'done', stopReason: 'end_turn'});
		expect(messagesSent()[0]?.body).toMatchObject({thinking: {type: 'between_tools'}, output_config: {effort: 'high'}, max_tokens: 8192});
	});
});

describe('answers that are not answers', () => {
	it('a refused baseline is a claude-refusal error, never a done event', async () => {
		sim.injectClaudeFault({kind: 'refusal', afterChunks: 4});
		const error = await failure(collect(claude('claude-sonnet-5-5').stream({model: 'claude-sonnet-5-5', messages: [{role: 'user', content: 'Write your proposal.'}], maxTokens: 1024})));
		expect(error).toMatchObject({kind: 'claude-refusal', message: expect.stringMatching(/declined.*refusal/)});
	});

	it('a refused judge call is a claude-refusal error', async () => {
		sim.injectClaudeFault({kind: 'refusal', afterChunks: 0});
		expect(await failure(claude('claude-sonnet-5-5').judge!(judgeRequest('claude-sonnet-5-5')))).toMatchObject({kind: 'claude-refusal'});
	});

	it('model_context_window_exceeded is a claude-context-exceeded error', async () => {
		sim.injectClaudeFault({kind: 'context-exceeded', afterChunks: 10});
		const error = await failure(collect(claude('claude-sonnet-5-5').stream({model: 'claude-sonnet-5-5', messages: [{role: 'user', content: 'Write your proposal.'}], maxTokens: 1024})));
		expect(error).toMatchObject({kind: 'claude-context-exceeded', message: expect.stringMatching(/context window/)});
	});

	it('a stream that ends after its text without message_stop is a cut answer, not a complete one', async () => {
		sim.injectClaudeFault({kind: 'cut', afterChunks: 15});
		const events: ClaudeStreamEvent[] = [];
		const error = await failure(
			(async () => {
				for await (const event of claude('claude-sonnet-5-5').stream({model: 'claude-sonnet-5-5', messages: [{role: 'user', content: 'Write your proposal.'}], maxTokens: 1024})) events.push(event);
			})(),
		);
		expect(events.filter((event) => event.type === 'delta')).toHaveLength(15);
		expect(events.some((event) => event.type === 'done')).toBe(false);
		expect(error).toMatchObject({kind: 'claude-stream-error', message: expect.stringMatching(/no message_stop.*cut/)});
	});
});

describe('time limits that pings cannot defeat', () => {
	it('event: ping frames do not count as progress: the stall timeout still fires', async () => {
		sim.injectClaudeFault({kind: 'pings', afterChunks: 3, everyMs: 20});
		const error = await failure(collect(claude('claude-sonnet-5-5', {timeouts: {loadMs: 5000, stallMs: 400}}).stream({model: 'claude-sonnet-5-5', messages: [{role: 'user', content: 'Write.'}], maxTokens: 1024})));
		expect(error).toMatchObject({kind: 'stall-timeout', message: expect.stringMatching(/no answer text for 0\.4 s.*pings/)});
		await expect.poll(() => messagesSent()[0]?.endedAt).toBeDefined();
	});
});

describe('a total deadline from what the request asked for', () => {
	it('a stream that never ends is stopped once an answer of that size would long be done, even with the stall timer off', async () => {
		sim.injectClaudeFault({kind: 'pings', afterChunks: 1, everyMs: 10});
		// 1 token asked for: the load timeout (1 s) to the first byte plus 0.1 s for the token, at the slowest honest rate.
		const provider = claude('claude-sonnet-4-5-20250929', {timeouts: {loadMs: 1000, stallMs: 0}});
		const error = await failure(collect(provider.stream({model: 'claude-sonnet-4-5-20250929', messages: [{role: 'user', content: 'Write.'}], maxTokens: 1})));
		expect(error).toMatchObject({kind: 'stall-timeout', message: expect.stringMatching(/had not finished after 1\.1 s, longer than an answer of this size takes/)});
	});
});

describe('rate limits', () => {
	it('a 429 is not retried inside the SDK: it reaches the caller with the retry-after the API asked for', async () => {
		sim.injectClaudeFault({kind: 'status', status: 429, retryAfter: 3, times: 3});
		const error = await failure(collect(claude('claude-sonnet-5-5', {maxRetries: 2}).stream({model: 'claude-sonnet-5-5', messages: [{role: 'user', content: 'Write.'}], maxTokens: 256})));
		expect(error).toMatchObject({kind: 'claude-rate-limit', retryAfterMs: 3000});
		expect(messagesSent()).toHaveLength(1);
	});
});

describe('prompt caching', () => {
	it('marks the system prompt and market context cacheable; the second call reads them from the cache and costs less', async () => {
		const provider = claude('claude-sonnet-5-5');
		const prefix = `Market context:\n\n${CONTEXT}`;
		const request = {model: 'claude-sonnet-5-5', system: 'You are the Trader.', sharedPrefix: prefix, messages: [{role: 'user' as const, content: `${prefix}\n\nWrite your proposal.`}], maxTokens: 1024};
		const first = (await collect(provider.stream(request))).at(-1);
		const second = (await collect(provider.stream(request))).at(-1);
		if (first?.type !== 'done' || second?.type !== 'done') throw new Error('no done event');
		expect(first.usage.cacheWriteTokens).toBeGreaterThanOrEqual(512);
		expect(first.usage.cacheReadTokens).toBeUndefined();
		expect(second.usage.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
		expect(second.usage.inputTokens).toBe(first.usage.inputTokens);
		// Sonnet 5.5: input $2, output $10, cache write $2.50, cache read $0.20 per million tokens.
		const {inputTokens, outputTokens, cacheReadTokens = 0} = second.usage;
		expect(second.costUsd).toBeCloseTo((inputTokens * 2 + outputTokens * 10 + cacheReadTokens * 0.2) / 1e6, 12);
		expect(second.costUsd).toBeLessThan(first.costUsd ?? 0);
		const body = messagesSent()[0]?.body as {messages: {content: unknown}[]};
		expect(body.messages[0]?.content).toEqual([
			{type: 'text', text: prefix, cache_control: {type: 'ephemeral'}},
			{type: 'text', text: '\n\nWrite your proposal.'},
		]);
	});

	it('a prefix under the minimum cacheable length is not cached, as on the real API', async () => {
		const provider = claude('claude-sonnet-5-5');
		const request = {model: 'claude-sonnet-5-5', system: 'You are the Trader.', sharedPrefix: 'Short context.', messages: [{role: 'user' as const, content: 'Short context. Write.'}], maxTokens: 64};
		await collect(provider.stream(request));
		const again = (await collect(provider.stream(request))).at(-1);
		expect(again).toMatchObject({type: 'done', usage: {inputTokens: expect.any(Number)}});
		if (again?.type === 'done') expect(again.usage.cacheReadTokens).toBeUndefined();
	});
});

describe('prices', () => {
	it.each([
		['claude-sonnet-5-5', 2, 10, 2.5, 0.2],
		['claude-sonnet-5', 2, 10, 2.5, 0.2],
		['claude-opus-5-5', 4, 20, 5, 0.4],
		['claude-haiku-4-5-20251001', 1, 5, 1.25, 0.1],
	])('%s: $%d / $%d per MTok, cache write $%d, read $%d', (model, input, output, write, read) => {
		expect(costUsd(model, 1e6, 0)).toBeCloseTo(input, 10);
		expect(costUsd(model, 0, 1e6)).toBeCloseTo(output, 10);
		expect(costUsd(model, 0, 0, {cacheWriteTokens: 1e6})).toBeCloseTo(write, 10);
		expect(costUsd(model, 0, 0, {cacheReadTokens: 1e6})).toBeCloseTo(read, 10);
	});

	it('an unknown model has no price rather than a wrong one', () => {
		expect(costUsd('claude-mythos-5-2', 1000, 1000)).toBeNull();
		expect(costUsd('claude-sonnet-55', 1000, 1000)).toBeNull();
	});
});
