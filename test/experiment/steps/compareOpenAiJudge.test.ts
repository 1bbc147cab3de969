import {afterEach, describe, expect, it} from 'vitest';
import {runCompare} from '../../../source/experiment/steps/compare/compare.js';
import {createOpenAiJudge} from '../../../source/providers/openaiJudge/openaiJudge.js';
import {eventsOfType, type StepHarness} from '../../helpers/stepHarness.js';
import {compareHarness} from './compareHarness.js';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

function isClaudeJudgeRequest(body: unknown): boolean {
	return typeof body === 'object' && body !== null && 'output_config' in body;
}

describe('compare with --judge openai:<model>', () => {
	it('judges every pair and the noise floor through the OpenAI-compatible endpoint and never asks Claude to judge', async () => {
		harness = await compareHarness({claude: true, scenarios: 2, judge: 'claude'});
		harness.ctx.settings = {...harness.ctx.settings, judge: 'openai', judgeModel: 'gpt-judge'};
		harness.ctx.judgeProvider = createOpenAiJudge({baseURL: `${harness.sim.url}/v1`, model: 'gpt-judge', maxRetries: 0});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		const trader = outcome.models['qwen2.5:14b']?.trader;
		expect(trader).toMatchObject({status: 'ok', scoreSource: 'judge', scorer: {kind: 'judge', judgeModel: 'openai:gpt-judge'}, quality: {n: 2}});
		expect(outcome.baseline.reasoning.trader?.scenarios?.every((s) => s.noise?.status === 'ok' && s.noise.model === 'openai:gpt-judge')).toBe(true);
		expect(outcome.baseline.judge).toMatchObject({model: 'openai:gpt-judge', costUsd: null, kind: 'openai', favoursBaseline: false});
		const claude = harness.sim.requests.filter((request) => request.path === '/v1/messages');
		// Claude wrote the baseline answers and their second samples, and judged nothing.
		expect(claude.length).toBeGreaterThan(0);
		expect(claude.filter((request) => isClaudeJudgeRequest(request.body))).toEqual([]);
		const judged = harness.sim.requests.filter((request) => request.path === '/v1/chat/completions' && JSON.stringify(request.body).includes('json_schema'));
		expect(judged.length).toBe(outcome.baseline.judge?.calls);
	});

	it('records, for the report and --json, that a Claude judge which is the baseline model favours Claude', async () => {
		harness = await compareHarness({claude: true, scenarios: 1, judge: 'claude'});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(outcome.baseline.judge).toMatchObject({kind: 'claude', favoursBaseline: true, note: expect.stringMatching(/the baseline model itself: a judge favours its own answers/)});
		expect(outcome.models['qwen2.5:14b']?.trader?.scorer).toMatchObject({kind: 'judge', label: outcome.baseline.model});
	});

	it('falls back to the offline rubric, saying why, when the OpenAI-compatible judge cannot run', async () => {
		harness = await compareHarness({claude: true, scenarios: 1, judge: 'claude'});
		harness.ctx.settings = {...harness.ctx.settings, judge: 'openai', judgeModel: 'gpt-judge'};
		harness.ctx.judgeProvider = null;
		harness.ctx.judgeSkipReason = 'OPENAI_API_KEY is not set';
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(outcome.models['qwen2.5:14b']?.trader).toMatchObject({scoreSource: 'rubric', scorer: {kind: 'rubric', label: 'format-and-grounding check'}});
		expect(eventsOfType(harness.events, 'warning').map((event) => event.message)).toContain(
			'The OpenAI-compatible judge cannot run (OPENAI_API_KEY is not set): quality comes from the offline rubric, a format-and-grounding check.',
		);
		expect(harness.sim.requests.filter((request) => request.path === '/v1/messages' && isClaudeJudgeRequest(request.body))).toEqual([]);
	});
});

describe('a run resumed with another scorer', () => {
	it('judges the stored rubric scores again when a judge is asked for, so rubric and judged scores never meet', async () => {
		harness = await compareHarness({claude: true, scenarios: 1, judge: 'rubric'});
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(harness.ctx.results.read().models.find((m) => m.name === 'qwen2.5:14b')?.reasoning?.trader).toMatchObject({scoreSource: 'rubric'});
		harness.ctx.settings = {...harness.ctx.settings, judge: 'claude'};
		await runCompare(harness.ctx, ['mistral-small:22b'], {reuseBaseline: true});
		const stored = harness.ctx.results.read();
		for (const name of ['qwen2.5:14b', 'mistral-small:22b']) {
			expect(stored.models.find((m) => m.name === name)?.reasoning?.trader).toMatchObject({scoreSource: 'judge', scorer: {kind: 'judge', judgeModel: stored.baseline?.model}});
		}
		expect(stored.baseline?.reasoning.trader).toMatchObject({scoreSource: 'judge'});
		expect(eventsOfType(harness.events, 'info').map((event) => event.message).join('\n')).toMatch(/re-judged \d+ stored answer\(s\) by claude-/);
	});
});
