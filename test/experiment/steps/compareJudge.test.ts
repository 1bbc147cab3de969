import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {JUDGE_SYSTEM} from '../../../source/analysis/judgePrompt.js';
import {emptyTally, judgePair, type JudgeSetup} from '../../../source/experiment/steps/compareJudge.js';
import type {ClaudeProvider, JudgeReply, JudgeRequest} from '../../../source/providers/types.js';

const CRITERIA = ['thesis', 'risk', 'consistency', 'actionability'] as const;

function verdict(better: 'response_1' | 'response_2' | 'tie'): string {
	return JSON.stringify(Object.fromEntries(CRITERIA.map((id) => [id, {reason: `${id} reason`, better}])));
}

/** A judge that answers from a script and records what it was asked. */
function fakeJudge(answers: string[]): {claude: ClaudeProvider; asked: JudgeRequest[]} {
	const asked: JudgeRequest[] = [];
	const claude: ClaudeProvider = {
		model: 'claude-sonnet-4-5',
		deprecation: () => null,
		stream: () => {
			throw new Error('not used');
		},
		async judge(request): Promise<JudgeReply> {
			asked.push(request);
			const text = answers[Math.min(asked.length - 1, answers.length - 1)] ?? '';
			return {text, stopReason: 'end_turn', model: request.model, usage: {inputTokens: 1000, outputTokens: 100}, costUsd: 0.004};
		},
	};
	return {claude, asked};
}

let dir: string | null = null;
afterEach(() => {
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
	dir = null;
});

function setup(claude: ClaudeProvider): JudgeSetup {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-judge-'));
	return {claude, model: 'claude-sonnet-4-5', resultsDir: dir, signal: new AbortController().signal, names: ['qwen2.5:32b', 'claude:claude-sonnet-4-5']};
}

const PAIR = {
	role: 'trader' as const,
	task: 'You are the Trader.',
	context: 'Last price: $100.00',
	answer: 'As qwen2.5:32b I think <think>secret plan</think>we should BUY. Claude would agree.',
	baseline: 'I am Claude, made by Anthropic. BUY at $99.',
};

describe('judgePair', () => {
	it('asks each pair in both orders, blind: no model or vendor name and no thinking reaches the judge', async () => {
		const {claude, asked} = fakeJudge([verdict('response_1'), verdict('response_2')]);
		const record = await judgePair(setup(claude), PAIR, emptyTally());
		expect(asked).toHaveLength(2);
		const [first, second] = asked.map((request) => request.user);
		// The answer judged is Response 1 in the first order and Response 2 in the second.
		expect(first?.indexOf('we should BUY')).toBeLessThan(first?.indexOf('BUY at $99') ?? 0);
		expect(second?.indexOf('BUY at $99')).toBeLessThan(second?.indexOf('we should BUY') ?? 0);
		for (const request of asked) {
			const seen = `${request.system}\n${request.user}`;
			expect(seen).not.toMatch(/qwen|claude|anthropic|secret plan|<think>/i);
			expect(request.system).toBe(JUDGE_SYSTEM);
			expect(request.schema).toMatchObject({type: 'object', required: [...CRITERIA]});
		}
		expect(JUDGE_SYSTEM).toMatch(/Length is not quality/);
		// Response 1 then Response 2 preferred: the answer won in both orders.
		expect(record).toMatchObject({status: 'ok', verdict: 'win', quality: 10, calls: 2});
		expect(record.criteria.every((c) => c.reasons.length === 2)).toBe(true);
	});

	it('counts a verdict that flips with the order as a tie', async () => {
		// Response 1 preferred both times: the position won, not the answer.
		const {claude} = fakeJudge([verdict('response_1'), verdict('response_1')]);
		const record = await judgePair(setup(claude), PAIR, emptyTally());
		expect(record).toMatchObject({status: 'ok', verdict: 'tie', quality: 5});
		expect(record.criteria.every((c) => c.inconsistent && c.outcome === 'tie')).toBe(true);
	});

	it('retries an invalid answer once, then records "judge failed" with no quality (never 0)', async () => {
		const {claude, asked} = fakeJudge(['not json at all', '{"thesis": {"better": "maybe"}}']);
		const tally = emptyTally();
		const record = await judgePair(setup(claude), PAIR, tally);
		expect(asked).toHaveLength(2);
		expect(asked[1]?.maxTokens).toBeGreaterThan(asked[0]?.maxTokens ?? 0);
		expect(record.status).toBe('failed');
		expect(record.quality).toBeNull();
		expect(record.error).toMatch(/^judge failed: .*asked twice/);
		expect(tally).toMatchObject({calls: 2, failed: 1});
	});

	it('recovers when the retry is valid', async () => {
		const {claude, asked} = fakeJudge(['{', verdict('tie'), verdict('tie')]);
		const record = await judgePair(setup(claude), PAIR, emptyTally());
		expect(asked).toHaveLength(3);
		expect(record).toMatchObject({status: 'ok', quality: 5});
	});

	it('reproduces a verdict from the cache without calling the judge again', async () => {
		const {claude, asked} = fakeJudge([verdict('response_1'), verdict('response_2')]);
		const judge = setup(claude);
		const tally = emptyTally();
		const first = await judgePair(judge, PAIR, tally);
		const again = await judgePair(judge, PAIR, tally);
		expect(asked).toHaveLength(2);
		expect(again).toMatchObject({quality: first.quality, verdict: first.verdict, cached: true, calls: 0});
		expect(tally).toMatchObject({calls: 2, cached: 2, costUsd: 0.008});
	});
});
