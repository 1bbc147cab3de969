import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import {afterEach, describe, expect, it} from 'vitest';
import {JUDGE_SYSTEM, buildJudgeUser, judgeJsonSchema, judgeVerdictSchema, type JudgeVerdict} from '../../source/analysis/judgePrompt.js';
import {combineOrders} from '../../source/analysis/judgeVerdict.js';
import {startSimulator, type JudgeMode, type SimulatorHandle} from '../../source/simulator/index.js';
import {BARE_LIST_AND_FILLER, CONCISE_COMPLETE, CONTEXT} from '../analysis/fixtures/gamedTexts.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const user = (first: string, second: string): string => buildJudgeUser({role: 'trader', task: 'You are the Trader.', context: CONTEXT, first, second}, 'a1b2c3d4e5f60718');

async function askClaude(s: SimulatorHandle, first: string, second: string): Promise<{stop: string | null; text: string}> {
	const client = new Anthropic({apiKey: 'test', baseURL: s.anthropicUrl, maxRetries: 0});
	const message = await client.messages.create({
		model: 'claude-sonnet-4-6',
		max_tokens: 3000,
		system: JUDGE_SYSTEM,
		messages: [{role: 'user', content: user(first, second)}],
		output_config: {format: {type: 'json_schema', schema: judgeJsonSchema()}},
	});
	return {stop: message.stop_reason, text: message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')};
}

async function askOpenAi(s: SimulatorHandle, first: string, second: string): Promise<OpenAI.Chat.Completions.ChatCompletion> {
	const client = new OpenAI({apiKey: 'test', baseURL: `${s.url}/v1`, maxRetries: 0});
	return client.chat.completions.create({
		model: 'gpt-judge',
		messages: [
			{role: 'system', content: JUDGE_SYSTEM},
			{role: 'user', content: user(first, second)},
		],
		response_format: {type: 'json_schema', json_schema: {name: 'verdict', strict: true, schema: judgeJsonSchema()}},
	});
}

/** Both orders through the simulated Claude judge: the weak answer judged against the strong one. */
async function bothOrders(s: SimulatorHandle, answer: string, baseline: string): Promise<ReturnType<typeof combineOrders>> {
	const parse = (text: string): JudgeVerdict => judgeVerdictSchema.parse(JSON.parse(text));
	const first = await askClaude(s, answer, baseline);
	const second = await askClaude(s, baseline, answer);
	return combineOrders(parse(first.text), parse(second.text));
}

describe("simulated Claude's samples", () => {
	it('words a second sample of the same trader request differently, at the same quality', async () => {
		sim = await startSimulator();
		const client = new Anthropic({apiKey: 'test', baseURL: sim.anthropicUrl, maxRetries: 0});
		const request = {model: 'claude-sonnet-4-6', max_tokens: 4000, system: 'You are the Trader.', messages: [{role: 'user' as const, content: 'Give your trade proposal for AAPL.'}]};
		const text = async () => (await client.messages.create(request)).content.map((block) => (block.type === 'text' ? block.text : '')).join('');
		const first = await text();
		const second = await text();
		expect(second).not.toBe(first);
		expect(second).toContain('FINAL TRANSACTION PROPOSAL: **BUY**');
		expect(second.length).toBeGreaterThan(0.8 * first.length);
	});
});

describe('simulated misbehaving judges', () => {
	it('a lenient judge scores a bare list of numbers 9-10 like the complete answer', async () => {
		sim = await startSimulator({judge: 'lenient'});
		const result = await bothOrders(sim, BARE_LIST_AND_FILLER, CONCISE_COMPLETE);
		expect(result.quality).toBeGreaterThanOrEqual(9);
		expect(result.baselineQuality).toBeGreaterThanOrEqual(9);
		for (const c of result.criteria) expect([9, 9.5, 10]).toContain(c.answerScore);
	});

	it('a position-biased judge scores Response 1 10 and Response 2 8, so every criterion flips with the order', async () => {
		sim = await startSimulator({judge: 'position-biased'});
		const raw = judgeVerdictSchema.parse(JSON.parse((await askClaude(sim, BARE_LIST_AND_FILLER, CONCISE_COMPLETE)).text));
		expect(raw.thesis).toMatchObject({response_1: 10, response_2: 8});
		const result = await bothOrders(sim, BARE_LIST_AND_FILLER, CONCISE_COMPLETE);
		expect(result).toMatchObject({quality: 9, baselineQuality: 9, verdict: 'tie', inconsistent: 4});
	});

	it('a refusing judge ends with stop_reason refusal and no verdict', async () => {
		sim = await startSimulator({judge: 'refusing'});
		expect(await askClaude(sim, CONCISE_COMPLETE, BARE_LIST_AND_FILLER)).toEqual({stop: 'refusal', text: ''});
	});

	it('a judge fault hits only the next judge requests, then the judge grades fairly again', async () => {
		sim = await startSimulator();
		sim.injectClaudeFault({kind: 'judge', mode: 'refusing', times: 2});
		// A baseline request is not a judge request: it neither refuses nor uses the fault up.
		const client = new Anthropic({apiKey: 'test', baseURL: sim.anthropicUrl, maxRetries: 0});
		const plain = await client.messages.create({model: 'claude-sonnet-4-6', max_tokens: 50, messages: [{role: 'user', content: 'hello'}]});
		expect(plain.stop_reason).not.toBe('refusal');
		expect((await askClaude(sim, CONCISE_COMPLETE, BARE_LIST_AND_FILLER)).stop).toBe('refusal');
		expect((await askOpenAi(sim, CONCISE_COMPLETE, BARE_LIST_AND_FILLER)).choices[0]?.message.refusal).toMatch(/can't help/);
		const fair = await askClaude(sim, CONCISE_COMPLETE, BARE_LIST_AND_FILLER);
		expect(fair.stop).toBe('end_turn');
		const verdict = judgeVerdictSchema.parse(JSON.parse(fair.text));
		expect(verdict.thesis.response_1).toBeGreaterThan(verdict.thesis.response_2);
	});

	it.each<[JudgeMode, number, number]>([
		['position-biased', 10, 8],
		['lenient', 10, 9],
	])('the OpenAI-compatible route judges in the same modes (%s) with schema-shaped JSON', async (mode, first, second) => {
		sim = await startSimulator({judge: mode});
		const completion = await askOpenAi(sim, BARE_LIST_AND_FILLER, CONCISE_COMPLETE);
		expect(completion.choices[0]?.finish_reason).toBe('stop');
		const verdict = judgeVerdictSchema.parse(JSON.parse(completion.choices[0]?.message.content ?? 'null'));
		expect(verdict.thesis).toMatchObject({response_1: first, response_2: second});
	});

	it('the OpenAI-compatible route refuses with message.refusal and content null', async () => {
		sim = await startSimulator({judge: 'refusing'});
		const message = (await askOpenAi(sim, CONCISE_COMPLETE, BARE_LIST_AND_FILLER)).choices[0]?.message;
		expect(message).toMatchObject({content: null, refusal: expect.stringMatching(/can't help/)});
	});
});
