// --backend openai: the benchmark against a vLLM-like and a llama.cpp-like server. Rates come from the
// server's own figures and say which: llama.cpp's `timings`, vLLM's /metrics read around each rep.
import {afterEach, describe, expect, it} from 'vitest';
import {runBench} from '../../../source/experiment/steps/bench.js';
import {connectionOf} from '../../../source/providers/openaiCompat/openaiCompatProvider.js';
import {parsePrometheus, seriesTotal} from '../../../source/providers/served/prometheus.js';
import {createServedProvider} from '../../../source/providers/served/servedProvider.js';
import {stepHarness, type StepHarness} from '../../helpers/stepHarness.js';
import {failureOf} from '../../helpers/failureOf.js';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

async function servedHarness(flavour: 'vllm' | 'llama.cpp'): Promise<StepHarness> {
	const made = await stepHarness({sim: {server: {flavour}, installed: ['qwen2.5:14b', 'qwen2.5:32b']}, settings: {reps: 3}, system: {bandwidthGBs: null, ollamaIsLocal: false}});
	made.ctx.ollama = createServedProvider(connectionOf({host: made.sim.url}));
	made.ctx.servedBy = `${flavour} at ${made.sim.url}`;
	return made;
}

async function metrics(url: string): Promise<ReturnType<typeof parsePrometheus>> {
	return parsePrometheus(await (await fetch(`${url}/metrics`)).text());
}

describe('bench --backend openai', () => {
	it('llama.cpp: every rep is the server\'s own timings, labelled server-timings', async () => {
		harness = await servedHarness('llama.cpp');
		const {speed} = await runBench(harness.ctx, 'qwen2.5:32b');
		expect(speed.rateSource).toBe('server-timings');
		expect(speed.reps).toHaveLength(3);
		for (const rep of speed.reps) {
			expect(rep.rateSource).toBe('server-timings');
			// predicted_n / predicted_ms, as llama-server computes predicted_per_second.
			expect(rep.evalRate).toBeCloseTo((rep.evalCount / (rep.evalDurationNs / 1e6)) * 1000, 9);
		}
		// The simulated 32B decodes at 14.5 t/s (profiles.ts), within its jitter.
		expect(speed.evalRate.mean).toBeGreaterThan(14);
		expect(speed.evalRate.mean).toBeLessThan(15);
		expect(speed.server).toMatch(/^llama\.cpp at /);
		// No bandwidth given and no bytes it would apply to: no ceiling is invented.
		expect(speed.ceilingRate).toBeNull();
	});

	it('vLLM: rates from /metrics agree with the server\'s own totals within 10 %, labelled server-metrics', async () => {
		harness = await servedHarness('vllm');
		const before = await metrics(harness.sim.url);
		const {speed} = await runBench(harness.ctx, 'qwen2.5:32b');
		const after = await metrics(harness.sim.url);
		const delta = (name: string) => (seriesTotal(after, name, 'qwen2.5:32b') ?? 0) - (seriesTotal(before, name, 'qwen2.5:32b') ?? 0);
		// The whole benchmark (warm-up and reps) as the server counted it: tokens after each request's first, over decode time.
		const serverRate = (delta('vllm:generation_tokens_total') - delta('vllm:request_decode_time_seconds_count')) / delta('vllm:request_decode_time_seconds_sum');
		expect(speed.rateSource).toBe('server-metrics');
		expect(Math.abs(speed.evalRate.mean - serverRate) / serverRate).toBeLessThan(0.1);
		expect(speed.promptEvalRate.mean).toBeGreaterThan(0);
	});

	it('nothing is ever sent to Ollama\'s API: no pull, no delete, no /api/* request', async () => {
		harness = await servedHarness('vllm');
		await runBench(harness.ctx, 'qwen2.5:14b');
		const pull = await failureOf(async () => {
			for await (const update of harness!.ctx.ollama.pull('qwen2.5:72b')) void update;
		});
		expect(pull.message).toMatch(/serves its models itself: trifecta does not download models on it/);
		expect(pull.hint).toMatch(/serving another model is done on vLLM itself/);
		expect(harness.sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
	});

	it('a model the server does not serve is said so, naming the server, before anything is measured', async () => {
		harness = await servedHarness('vllm');
		const error = await failureOf(() => runBench(harness!.ctx, 'qwen2.5:72b'));
		expect(error.message).toBe(`qwen2.5:72b is not served by vllm at ${harness.sim.url}`);
		expect(error.hint).toMatch(/serving another model is done on the server itself/);
	});
});

describe('a served server started without tool calling', () => {
	it.each([
		['vllm', /vllm serve \.\.\. --enable-auto-tool-choice --tool-call-parser hermes/, '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set'],
		['llama.cpp', /llama-server \.\.\. --jinja/, 'tools param requires --jinja flag'],
	] as const)('%s: every tool scenario says the server needs tool calling on, naming the flag', async (flavour, hint, text) => {
		const {runTools} = await import('../../../source/experiment/steps/tools.js');
		const {createOpenAICompatProvider} = await import('../../../source/providers/openaiCompat/openaiCompatProvider.js');
		harness = await stepHarness({sim: {server: {flavour, tools: false}, installed: ['qwen2.5:14b']}});
		harness.ctx.ollama = createServedProvider(connectionOf({host: harness.sim.url}));
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url, serverName: flavour});
		harness.ctx.servedBy = `${flavour} at ${harness.sim.url}`;
		const results = await runTools(harness.ctx, ['qwen2.5:14b']);
		const scenarios = results['qwen2.5:14b']?.openai?.scenarios ?? [];
		expect(scenarios).toHaveLength(5);
		for (const scenario of scenarios) {
			expect(scenario.outcome).toBe('error');
			expect(scenario.reason).toContain(`was started without tool calling, so no tool call of qwen2.5:14b can be tested (${text})`);
			expect(scenario.reason).toMatch(hint);
		}
		expect(results['qwen2.5:14b']?.native).toBeUndefined();
	});
});

describe('a thinking model on a served backend', () => {
	it('the benchmark turns its thinking off through the chat template, so decode counts the answer only', async () => {
		const {thinkingProfile} = await import('../../../source/simulator/index.js');
		harness = await stepHarness({sim: {server: {flavour: 'llama.cpp'}, profiles: [thinkingProfile()], installed: ['qwen3:32b']}, settings: {reps: 1}, system: {bandwidthGBs: null, ollamaIsLocal: false}});
		harness.ctx.ollama = createServedProvider(connectionOf({host: harness.sim.url}));
		harness.ctx.servedBy = `llama.cpp at ${harness.sim.url}`;
		const {speed} = await runBench(harness.ctx, 'qwen3:32b');
		const bodies = harness.sim.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as {chat_template_kwargs?: unknown});
		expect(bodies.length).toBeGreaterThan(1);
		for (const body of bodies) expect(body.chat_template_kwargs).toEqual({enable_thinking: false});
		// No reasoning tokens in the count: the 200-word answer is a few hundred tokens, not 600 more.
		expect(speed.reps[0]?.evalCount).toBeLessThan(500);
	});
});
