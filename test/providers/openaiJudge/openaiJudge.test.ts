import {afterEach, describe, expect, it} from 'vitest';
import {JUDGE_SYSTEM, buildJudgeUser, judgeJsonSchema} from '../../../source/analysis/judgePrompt.js';
import {parseVerdict} from '../../../source/analysis/judgeVerdict.js';
import {isProviderError} from '../../../source/providers/errors.js';
import {createOpenAiJudge} from '../../../source/providers/openaiJudge/openaiJudge.js';
import {openAiJudgeFromEnv} from '../../../source/providers/openaiJudge/fromEnv.js';
import {startSimulator, type JudgeMode, type SimulatorHandle} from '../../../source/simulator/index.js';
import {BARE_LIST_AND_FILLER, CONCISE_COMPLETE, CONTEXT} from '../../analysis/fixtures/gamedTexts.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const REQUEST = {
	model: 'ignored-by-this-judge',
	system: JUDGE_SYSTEM,
	user: buildJudgeUser({role: 'trader', task: 'You are the Trader.', context: CONTEXT, first: CONCISE_COMPLETE, second: BARE_LIST_AND_FILLER}, 'a1b2c3d4e5f60718a1b2c3d4'),
	schema: judgeJsonSchema(),
	maxTokens: 1500,
};

async function judgeOn(mode: JudgeMode) {
	sim = await startSimulator({judge: mode});
	return createOpenAiJudge({baseURL: `${sim.url}/v1`, model: 'gpt-judge', maxRetries: 0});
}

describe('the OpenAI-compatible judge', () => {
	it('asks with a json_schema response_format and reads a verdict that parses, with no Claude request at all', async () => {
		const judge = await judgeOn('fair');
		const reply = await judge.judge(REQUEST);
		expect(parseVerdict(reply.text)).toMatchObject({ok: true});
		expect(reply).toMatchObject({stopReason: 'end_turn', model: 'gpt-judge', costUsd: null});
		expect(reply.usage.inputTokens).toBeGreaterThan(0);
		expect(judge.label).toBe('openai:gpt-judge');
		const sent = sim?.requests.find((request) => request.path === '/v1/chat/completions')?.body as Record<string, unknown>;
		expect(sent).toMatchObject({model: 'gpt-judge', response_format: {type: 'json_schema', json_schema: {strict: true, schema: {required: ['thesis', 'risk', 'consistency', 'actionability']}}}});
		expect(sent).not.toHaveProperty('max_tokens');
		expect(sim?.requests.some((request) => request.path === '/v1/messages')).toBe(false);
	});

	it('reports a refusal as stop reason "refusal", never as a verdict', async () => {
		const reply = await (await judgeOn('refusing')).judge(REQUEST);
		expect(reply).toMatchObject({stopReason: 'refusal', text: ''});
		expect(parseVerdict(reply.text).ok).toBe(false);
	});

	it('says which endpoint failed and what to do when it cannot be reached', async () => {
		const judge = createOpenAiJudge({baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-judge', maxRetries: 0});
		const error: unknown = await judge.judge(REQUEST).catch((caught: unknown) => caught);
		expect(isProviderError(error) && error.kind).toBe('unreachable');
		expect(isProviderError(error) && error.userMessage).toMatch(/OpenAI-compatible judge at http:\/\/127\.0\.0\.1:9\/v1.*OPENAI_BASE_URL/);
	});

	it('needs OPENAI_API_KEY for OpenAI itself, and nothing more than OPENAI_BASE_URL for a local server', async () => {
		expect(await openAiJudgeFromEnv({}, 'gpt-5.1')).toMatchObject({provider: null, skipReason: expect.stringMatching(/OPENAI_API_KEY is not set/)});
		const local = await openAiJudgeFromEnv({OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1'}, 'qwen2.5:72b');
		expect(local.provider).toMatchObject({label: 'openai:qwen2.5:72b', baseURL: 'http://127.0.0.1:8000/v1'});
		expect((await openAiJudgeFromEnv({OPENAI_API_KEY: 'sk-test-judge-key-0000'}, 'gpt-5.1')).provider?.baseURL).toBe('https://api.openai.com/v1');
	});
});
