// the baseline defaults to the newest Sonnet the key can use, never a deprecated
// one; a thinking Sonnet's reasoning is not part of its answer and its tokens are counted apart.
import {afterEach, describe, expect, it} from 'vitest';
import {listClaudeModels, newestSonnet, offeredClaudeModels} from '../../../source/providers/claude/baselineModel.js';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import type {ClaudeStreamEvent} from '../../../source/providers/types.js';
import {startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

describe('newestSonnet', () => {
	const deprecated = new Set(['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5']);
	const isDeprecated = (id: string) => deprecated.has(id);
	it.each([
		['the newest by creation date', [{id: 'claude-sonnet-4-20250514', createdAt: '2025-05-14T00:00:00Z'}, {id: 'claude-sonnet-5-5', createdAt: '2026-10-14T00:00:00Z'}], 'claude-sonnet-5-5'],
		['skips a deprecated one even when newest', [{id: 'claude-sonnet-4-5-20250929', createdAt: '2027-01-01T00:00:00Z'}, {id: 'claude-sonnet-4-6', createdAt: '2025-05-14T00:00:00Z'}], 'claude-sonnet-4-6'],
		// Retired ids fail every call (the old test picked claude-sonnet-4-20250514 here).
		['never a retired one', [{id: 'claude-sonnet-4-20250514', createdAt: '2027-01-01T00:00:00Z'}], null],
		['never one the API marks retired or deprecated', [{id: 'claude-sonnet-4-7', createdAt: '2027-01-01T00:00:00Z', lifecycle: 'retired'}, {id: 'claude-sonnet-4-8', createdAt: '2027-01-01T00:00:00Z', lifecycle: 'deprecated'}, {id: 'claude-sonnet-5-5', createdAt: '2026-10-14T00:00:00Z', lifecycle: 'active'}], 'claude-sonnet-5-5'],
		['never an id that is not a Claude id', [{id: 'claude-sonnet-4-5@20250929', createdAt: '2028-01-01T00:00:00Z'}, {id: 'claude-sonnet-\u001b]0;x\u0007', createdAt: '2028-01-01T00:00:00Z'}, {id: `claude-sonnet-${'9'.repeat(5000)}`, createdAt: '2028-01-01T00:00:00Z'}, {id: 'claude-sonnet-5-5', createdAt: '2026-10-14T00:00:00Z'}], 'claude-sonnet-5-5'],
		['ignores Opus and Haiku', [{id: 'claude-opus-5', createdAt: '2027-01-01T00:00:00Z'}, {id: 'claude-haiku-4-5', createdAt: '2026-01-01T00:00:00Z'}], null],
		['an empty list', [], null],
		['a bad date sorts last', [{id: 'claude-sonnet-x', createdAt: 'not a date'}, {id: 'claude-sonnet-5-5', createdAt: '2026-10-14T00:00:00Z'}], 'claude-sonnet-5-5'],
	])('%s', (_case, models, expected) => {
		expect(newestSonnet(models, isDeprecated)).toBe(expected);
	});
});

describe('offeredClaudeModels', () => {
	it('offers valid, active ids only: Sonnets first, newest first, then Opus and Haiku', () => {
		const listed = [
			{id: 'claude-haiku-4-5-20251001', createdAt: '2025-10-01T00:00:00Z', lifecycle: 'active'},
			{id: 'claude-opus-5-5', createdAt: '2026-10-14T00:00:00Z', lifecycle: 'active'},
			{id: 'claude-sonnet-4-20250514', createdAt: '2025-05-14T00:00:00Z', lifecycle: 'retired'},
			{id: 'claude-opus-4-1-20250805', createdAt: '2025-08-05T00:00:00Z'},
			{id: 'claude-sonnet-4-5@20250929', createdAt: '2025-09-29T00:00:00Z'},
			{id: 'claude-sonnet-5-5', createdAt: '2026-10-14T00:00:00Z', lifecycle: 'active'},
			{id: 'claude-sonnet-5', createdAt: '2026-05-01T00:00:00Z', lifecycle: 'active'},
		];
		expect(offeredClaudeModels(listed, () => false)).toEqual(['claude-sonnet-5-5', 'claude-sonnet-5', 'claude-opus-5-5', 'claude-haiku-4-5-20251001']);
	});
});

describe('the Models API and thinking blocks against the simulator', () => {
	it('reads a bounded number of pages from a proxy that says has_more forever', async () => {
		let served = 0;
		const endless: typeof fetch = async () => {
			served += 1;
			return new Response(JSON.stringify({data: [{type: 'model', id: `claude-sonnet-9-${served}`, display_name: 'x', created_at: '2027-01-01T00:00:00Z'}], has_more: true, first_id: 'a', last_id: `claude-sonnet-9-${served}`}), {status: 200, headers: {'content-type': 'application/json'}});
		};
		const models = await listClaudeModels({apiKey: 'test-key', baseURL: 'http://127.0.0.1:9', fetch: endless});
		expect(models).toHaveLength(10);
		expect(served).toBe(10);
	});

	it('lists every page and picks claude-sonnet-5-5 over the deprecated Sonnet 4.5 (the SDK table)', async () => {
		sim = await startSimulator({installed: []});
		const models = await listClaudeModels({apiKey: 'test-key', baseURL: sim.anthropicUrl});
		expect(models?.map((model) => model.id)).toContain('claude-sonnet-4-5-20250929');
		expect(newestSonnet(models ?? [])).toBe('claude-sonnet-5-5');
	});

	it('gives null (so the built-in default stands) when the API cannot be reached', async () => {
		sim = await startSimulator({installed: []});
		const url = sim.anthropicUrl;
		await sim.close();
		sim = undefined;
		expect(await listClaudeModels({apiKey: 'test-key', baseURL: url})).toBeNull();
	});

	it('a model that cannot stop thinking (Opus 5.5): the thinking block is not in the answer text; its tokens are counted apart and billed', async () => {
		sim = await startSimulator({installed: []});
		const claude = createClaudeProvider({apiKey: 'test-key', baseURL: sim.anthropicUrl, model: 'claude-opus-5-5', maxRetries: 0, warn: () => {}});
		const events: ClaudeStreamEvent[] = [];
		for await (const event of claude.stream({model: 'claude-opus-5-5', messages: [{role: 'user', content: 'Write the trader proposal for AAPL.'}], maxTokens: 1024})) events.push(event);
		const text = events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
		expect(text).not.toMatch(/I weigh the growth figures/);
		const done = events.at(-1);
		if (done?.type !== 'done') throw new Error('no done event');
		expect(done.stopReason).toBe('end_turn');
		expect(done.usage.thinkingTokens).toBeGreaterThan(10);
		expect(done.usage.outputTokens).toBeGreaterThan(done.usage.thinkingTokens ?? 0);
		// Opus 5.5 list price: $4 / $20 per million tokens.
		expect(done.costUsd).toBeCloseTo((done.usage.inputTokens * 4 + done.usage.outputTokens * 20) / 1e6, 12);
		// Its thinking cannot be turned off: the request left room for it beyond the answer's 1024 tokens.
		const sent = sim.requests.find((entry) => entry.path === '/v1/messages')?.body as {max_tokens: number; thinking: unknown};
		expect(sent.thinking).toEqual({type: 'adaptive'});
		expect(sent.max_tokens).toBeGreaterThan(1024);
	});

	it('the simulator answers thinking {type: "disabled"} on Sonnet 5.5 with a 400, as the API does', async () => {
		sim = await startSimulator({installed: []});
		const response = await fetch(`${sim.anthropicUrl}/v1/messages`, {
			method: 'POST',
			headers: {'x-api-key': 'k', 'content-type': 'application/json'},
			body: JSON.stringify({model: 'claude-sonnet-5-5', max_tokens: 64, thinking: {type: 'disabled'}, messages: [{role: 'user', content: 'hi'}]}),
		});
		expect(response.status).toBe(400);
	});
});
