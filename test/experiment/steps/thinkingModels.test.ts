// a thinking-capable model (qwen3:32b) measured on Ollama v0.29 and the current
// release. Both think when `think` is absent (v0.12.4+), so every measured request must carry
// think:false, and only the answer is scored. The capability comes from /api/show: /api/tags lists
// capabilities only from v0.30, so on v0.29 a lookup by /api/tags would find none.
import {afterEach, describe, expect, it} from 'vitest';
import {runCompare} from '../../../source/experiment/steps/compare/compare.js';
import {runTools} from '../../../source/experiment/steps/tools.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {gptOssProfile, profileFor, startSimulator, thinkingProfile} from '../../../source/simulator/index.js';
import {runBench} from '../../../source/experiment/steps/bench.js';
import {lowestThink} from '../../../source/experiment/steps/thinkOption.js';
import {type StepHarness} from '../../helpers/stepHarness.js';
import {compareHarness} from './compareHarness.js';

const MODEL = 'qwen3:32b';
let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

type Body = {think?: unknown; messages?: unknown};

function generationBodies(h: StepHarness, path: string): Body[] {
	return h.sim.requests.filter((request) => request.path === path && (request.body as Body).messages !== undefined).map((request) => request.body as Body);
}

describe.each(['0.29.0', '0.32.15'])('a thinking model on Ollama %s', (version) => {
	it('compare sends think:false on every request and scores the answer only', async () => {
		harness = await compareHarness({sim: {version, profiles: [thinkingProfile()], installed: [MODEL]}});
		const outcome = await runCompare(harness.ctx, [MODEL]);
		const chats = generationBodies(harness, '/api/chat');
		expect(chats).toHaveLength(3);
		for (const body of chats) expect(body.think).toBe(false);
		for (const role of ['bull', 'bear', 'trader'] as const) {
			const response = outcome.models[MODEL]?.[role];
			expect(response?.status).toBe('ok');
			expect(response?.note).toBeUndefined();
			expect(response?.tail).not.toMatch(/weigh the evidence|<think>/);
		}
	});

	it('tools sends think:false on the native endpoint', async () => {
		harness = await compareHarness({sim: {version, profiles: [thinkingProfile()], installed: [MODEL]}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		const results = await runTools(harness.ctx, [MODEL]);
		const chats = generationBodies(harness, '/api/chat');
		expect(chats.length).toBeGreaterThanOrEqual(5);
		for (const body of chats) expect(body.think).toBe(false);
		expect(results[MODEL]?.native?.passed).toBe(5);
	});
});

describe('capabilities from /api/show', () => {
	it('are asked once per model and reused by later steps, whatever name form they use', async () => {
		harness = await compareHarness({sim: {version: '0.29.0', profiles: [thinkingProfile()], installed: [MODEL]}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		await runCompare(harness.ctx, [MODEL]);
		await runTools(harness.ctx, [MODEL]);
		expect(harness.sim.requests.filter((request) => request.path === '/api/show')).toHaveLength(1);
	});
});

describe('think blocks and cut-off answers', () => {
	it('a server before v0.9 ignores think and leaves <think> in content: only the answer after it is scored', async () => {
		harness = await compareHarness({sim: {version: '0.8.0', profiles: [thinkingProfile()], installed: [MODEL]}});
		const outcome = await runCompare(harness.ctx, [MODEL]);
		for (const role of ['bull', 'bear', 'trader'] as const) {
			const response = outcome.models[MODEL]?.[role];
			expect(response?.status).toBe('ok');
			expect(response?.tail).not.toMatch(/<\/?think>|weigh the evidence/);
		}
		const deltas = harness.events.filter((event) => event.type === 'compare:delta').map((event) => (event.type === 'compare:delta' ? event.text : '')).join('');
		// The reasoning did arrive in content; the score just never saw it.
		expect(deltas).toContain('<think>');
	});

	it('the simulator at v0.11 writes <think> into content when think is absent, and into thinking at v0.12.4+', async () => {
		for (const [version, inline] of [['0.11.0', true], ['0.12.4', false]] as const) {
			const sim = await startSimulator({version, profiles: [thinkingProfile()], installed: [MODEL]});
			try {
				const response = await fetch(`${sim.url}/api/chat`, {method: 'POST', body: JSON.stringify({model: MODEL, stream: false, messages: [{role: 'user', content: 'hi'}]})});
				const body = (await response.json()) as {message: {content: string; thinking?: string}};
				expect(body.message.content.startsWith('<think>'), version).toBe(inline);
				expect(body.message.thinking === undefined, version).toBe(inline);
			} finally {
				await sim.close();
			}
		}
	});

	it('an answer that hits num_predict is reported as "answer cut off at N tokens" beside its score', async () => {
		harness = await compareHarness({sim: {profiles: [profileFor('rambler:8b', {replyTokens: 6000})], installed: ['rambler:8b']}});
		const outcome = await runCompare(harness.ctx, ['rambler:8b']);
		const bull = outcome.models['rambler:8b']?.bull;
		expect(bull?.status).toBe('ok');
		expect(bull?.note).toBe('answer cut off at 4096 tokens');
		const warnings = harness.events.filter((event) => event.type === 'warning').map((event) => (event.type === 'warning' ? event.message : ''));
		expect(warnings).toContain('rambler:8b bull: answer cut off at 4096 tokens');
	});
});

describe('a thinking model on /v1: the same thinking setting as on /api/chat where the server allows it', () => {
	it.each([
		['0.32.15', 'none', 'off'],
		['0.12.4', 'none', 'off'],
		['0.12.3', undefined, 'model default'],
	])('Ollama %s: reasoning_effort %s, recorded as thinking %s', async (version, effort, thinking) => {
		harness = await compareHarness({sim: {version, profiles: [thinkingProfile()], installed: [MODEL]}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		const results = await runTools(harness.ctx, [MODEL]);
		const v1 = harness.sim.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as {reasoning_effort?: unknown});
		expect(v1.length).toBeGreaterThanOrEqual(5);
		for (const body of v1) expect(body.reasoning_effort).toBe(effort);
		expect(results[MODEL]?.openai?.thinking).toBe(thinking);
		expect(results[MODEL]?.native?.thinking).toBe('off');
		const warned = harness.events.some((event) => event.type === 'warning' && /thinks by default on \/v1/.test(event.message));
		expect(warned).toBe(thinking === 'model default');
	});
});

describe('lowestThink: the lowest think a model accepts', () => {
	it.each<[string, string[], false | 'low' | undefined]>([
		['qwen2.5:14b', ['completion', 'tools'], undefined],
		['qwen3:32b', ['completion', 'tools', 'thinking'], false],
		['deepseek-r1:32b', ['completion', 'thinking'], false],
		['gpt-oss:20b', ['completion', 'tools', 'thinking'], 'low'],
		['gpt-oss:120b', ['completion', 'tools', 'thinking'], 'low'],
		['GPT-OSS:20B', ['completion', 'tools', 'thinking'], 'low'],
		['gpt-oss', ['completion', 'thinking'], 'low'],
		['hf.co/unsloth/gpt-oss-20b-GGUF:Q4_K_M', ['completion', 'thinking'], 'low'],
		['library/gpt-oss:20b', ['completion', 'thinking'], 'low'],
		// A gpt-oss without the thinking capability (an old server): nothing is sent.
		['gpt-oss:20b', ['completion'], undefined],
		// Names that merely contain the letters are other models.
		['my-gpt-oss-tune:7b', ['completion', 'thinking'], false],
		['gpt-ossify:1b', ['completion', 'thinking'], false],
	])('%s %j: %j', (model, capabilities, expected) => {
		expect(lowestThink(model, capabilities)).toBe(expected);
	});
});

describe('gpt-oss, which ignores think:false (reasoning levels only)', () => {
	const GPT_OSS = 'gpt-oss:20b';

	it('the simulator reasons at medium on think:false, as the real server does, counted in eval_count', async () => {
		harness = await compareHarness({sim: {profiles: [gptOssProfile()], installed: [GPT_OSS]}});
		const final = async (think: unknown) => {
			const response = await fetch(`${harness!.sim.url}/api/generate`, {method: 'POST', body: JSON.stringify({model: GPT_OSS, prompt: 'Say OK.', think, stream: false})});
			return (await response.json()) as {thinking?: string; response: string; eval_count: number};
		};
		const off = await final(false);
		const low = await final('low');
		expect(off.thinking?.length).toBeGreaterThan(0);
		expect(low.thinking?.length).toBeGreaterThan(0);
		expect(low.eval_count).toBeLessThan(off.eval_count / 2);
	});

	it('bench sends think "low" on every measured request, records it, and says why', async () => {
		harness = await compareHarness({sim: {profiles: [gptOssProfile()], installed: [GPT_OSS]}});
		const {speed} = await runBench(harness.ctx, GPT_OSS);
		const sent = harness.sim.requests.filter((request) => request.path === '/api/generate' && (request.body as {keep_alive?: unknown}).keep_alive !== 0);
		// The warm-up and every rep.
		expect(sent.length).toBe(speed.reps.length + 1);
		for (const request of sent) expect((request.body as Body).think).toBe('low');
		expect(speed.options.think).toBe('low');
		const infos = harness.events.flatMap((event) => (event.type === 'info' ? [event.message] : []));
		expect(infos).toContain(
			`${GPT_OSS} cannot turn its reasoning off (think:false is ignored): measured at its lowest level, think "low"; its reasoning counts in the decode rate and the time to first token.`,
		);
	});

	it('compare and tools send think "low"', async () => {
		harness = await compareHarness({sim: {profiles: [gptOssProfile()], installed: [GPT_OSS]}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		await runCompare(harness.ctx, [GPT_OSS]);
		await runTools(harness.ctx, [GPT_OSS]);
		const chats = generationBodies(harness, '/api/chat');
		expect(chats.length).toBeGreaterThanOrEqual(8);
		for (const body of chats) expect(body.think).toBe('low');
	});

	it('compare records the think each cell was sent with, in the results file as in the outcome', async () => {
		harness = await compareHarness({sim: {profiles: [gptOssProfile(), profileFor('qwen2.5:14b')], installed: [GPT_OSS, 'qwen2.5:14b']}});
		const outcome = await runCompare(harness.ctx, [GPT_OSS, 'qwen2.5:14b']);
		const stored = harness.ctx.results.read().models;
		for (const role of ['bull', 'bear', 'trader'] as const) {
			expect(outcome.models[GPT_OSS]?.[role]?.think).toBe('low');
			expect(stored.find((model) => model.name === GPT_OSS)?.reasoning?.[role]?.think).toBe('low');
			// Not a thinking model: nothing was sent, and the record says so.
			expect(stored.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.[role]?.think).toBeNull();
		}
	});
});
