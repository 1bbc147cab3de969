import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {runBench} from '../../../source/experiment/steps/bench.js';
import {resultsFile} from '../../../source/domain/schema.js';
import {BENCH_PROMPT, PREFILL_NOTE} from '../../../source/prompts/bench.js';
import {formatDuration} from '../../../source/analysis/verboseBlock.js';
import {profileFor} from '../../../source/simulator/index.js';
import {demoClock} from '../../../source/experiment/clock.js';
import {benchViewReducer, initialBenchView} from '../../../source/app/state/benchView.js';
import {eventsOfType, stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

let harness: StepHarness | null = null;
afterEach(async () => {
	await harness?.close();
	harness = null;
});

type GenerateBody = {model: string; prompt: string; system?: string; options?: Record<string, unknown>; think?: boolean; keep_alive?: unknown};

function generateBodies(h: StepHarness): GenerateBody[] {
	return h.sim.requests.filter((request) => request.path === '/api/generate').map((request) => request.body as GenerateBody);
}

function recorded(h: StepHarness, name: string) {
	if (!fs.existsSync(h.resultsFile)) return undefined;
	const file = resultsFile.parse(JSON.parse(fs.readFileSync(h.resultsFile, 'utf8')));
	return file.models.find((model) => model.name === name);
}

describe('runBench against the simulator', () => {
	it('measures rates from the counters, excludes the warm-up, and pins the options', async () => {
		harness = await stepHarness({sim: {profiles: [profileFor('qwen2.5:14b', {evalRate: 16.2, promptEvalRate: 300})], installed: ['qwen2.5:14b']}});
		const {speed, practical} = await runBench(harness.ctx, 'qwen2.5:14b');

		expect(speed.reps).toHaveLength(3);
		expect(speed.evalRate.samples).toHaveLength(3);
		for (const rep of speed.reps) {
			expect(rep.evalRate).toBeCloseTo((rep.evalCount / rep.evalDurationNs) * 1e9, 9);
			// The simulator jitters its counters by ±2 % around the profile.
			expect(Math.abs(rep.evalRate / 16.2 - 1)).toBeLessThan(0.03);
			expect(Math.abs((rep.promptEvalRate ?? 0) / 300 - 1)).toBeLessThan(0.04);
		}
		const samples = speed.evalRate.samples;
		const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
		expect(speed.evalRate.mean).toBeCloseTo(mean, 9);
		expect(speed.evalRate.sd).toBeCloseTo(Math.sqrt(samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (samples.length - 1)), 9);
		expect(practical).toBe(true);
		expect(speed.loadMs).toBeGreaterThan(0);

		const bodies = generateBodies(harness);
		// the untimed one-token warm-up, three timed reps, the unload.
		expect(bodies).toHaveLength(5);
		expect(bodies[0]?.prompt).not.toContain(BENCH_PROMPT);
		expect(bodies[0]?.options?.['num_predict']).toBe(1);
		expect(bodies[0]?.options?.['num_ctx']).toBe(8192);
		// A cold load as the profile reports it (4.1 s, ±2 %), from the warm-up's counters.
		expect(Math.abs(speed.loadMs / 4100 - 1)).toBeLessThan(0.03);
		const timed = bodies.slice(1, 4);
		// The cache-buster leads the first message (the system one, so no default system prompt is
		// shared), and that message carries the ~512-token market context prefill is measured on.
		expect(new Set(timed.map((body) => body.system)).size).toBe(3);
		for (const body of timed) {
			expect(body.prompt).toBe(BENCH_PROMPT);
			expect(body.system).toMatch(/^\[[^\]]+\] /);
			expect(body.system?.split(/\s+/).length).toBeGreaterThan(350);
			expect(body.options).toEqual({temperature: 0, seed: 42, num_ctx: 8192, num_predict: 512});
			expect(body).not.toHaveProperty('think');
		}
		expect(bodies[4]).toMatchObject({prompt: '', keep_alive: 0});
		expect(harness.sim.loaded()).not.toContain('qwen2.5:14b');
		expect(speed.options).toEqual({
			temperature: 0,
			seed: 42,
			num_ctx: 8192,
			num_predict: 512,
			think: null,
			reps: 3,
			prompt: BENCH_PROMPT,
			keepAlive: '30m',
			prefill: PREFILL_NOTE,
		});

		expect(eventsOfType(harness.events, 'bench:rep-done')).toHaveLength(3);
		const deltas = eventsOfType(harness.events, 'bench:delta');
		expect(new Set(deltas.map((delta) => delta.rep))).toEqual(new Set([1, 2, 3]));
		expect(deltas.every((delta) => delta.text.length > 0)).toBe(true);
	});

	it.each(['0.29.0', '0.32.15'])('prefill equals the simulated prefill speed within 5 %% with the prompt cache on (Ollama %s)', async (version) => {
		// The simulator keeps each loaded model's last prompt in its cache: a prefix shared between
		// reps is counted in prompt_eval_count (v0.30+) but not timed, inflating a naive rate.
		harness = await stepHarness({sim: {version, profiles: [profileFor('qwen2.5:32b', {promptEvalRate: 410})], installed: ['qwen2.5:32b']}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:32b');
		expect(Math.abs(speed.promptEvalRate.mean / 410 - 1)).toBeLessThan(0.05);
		// Measured on the market context, not a 28-token question: on Qwen's tokenizer (one token per
		// digit) its 2,600 characters are about 1,000 tokens, recorded as the server counted them.
		for (const rep of speed.reps) expect(rep.promptEvalCount).toBeGreaterThan(850);
		expect(speed.promptEvalCount?.samples).toEqual(speed.reps.map((rep) => rep.promptEvalCount));
		expect(speed.options.prefill).not.toMatch(/512/);
	});

	it.each(['0.20.0', '0.32.15'])('records the load time Ollama %s reported for the one-token warm-up, with no "implausible" warning', async (version) => {
		// The warm-up's single token has degenerate decode counters on every real server (eval_duration
		// 0 on the Go runners, 1000 ns on llama-server): they must not cost the load time.
		harness = await stepHarness({sim: {version, installed: ['qwen2.5:14b']}, settings: {reps: 1}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:14b');
		expect(Math.abs(speed.loadMs / 4100 - 1)).toBeLessThan(0.03);
		expect(eventsOfType(harness.events, 'bench:loaded')[0]?.loadMs).toBe(speed.loadMs);
		expect(eventsOfType(harness.events, 'warning').map((event) => event.message).join('\n')).not.toMatch(/implausible/);
	});

	it('finds the installed model whatever the case or form of its name, as Ollama does', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:14b']}, settings: {reps: 1}});
		const {speed} = await runBench(harness.ctx, 'registry.ollama.ai/library/Qwen2.5:14B');
		expect(speed.evalRate.samples).toHaveLength(1);
		// Loaded for the reps under the server's name, and unloaded afterwards.
		expect(harness.sim.loaded()).toEqual([]);
	});

	it('computes the ceiling from bandwidth and size, and the efficiency from the mean', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:32b']}, settings: {reps: 2}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:32b');
		expect(speed.ceilingRate?.toFixed(2)).toBe('20.15');
		expect(speed.bandwidthGBs).toBe(400);
		expect(speed.efficiency).toBeCloseTo(speed.evalRate.mean / (400e9 / 19_851_349_669), 9);
		expect(speed.evalRate.samples).toHaveLength(2);
		expect(speed.memory?.gpuShare).toBe(1);
		expect(speed.warnings).toEqual([]);
	});

	it('honours --reps, --num-ctx and a --bandwidth override', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:14b']}, settings: {reps: 4, numCtx: 4096, bandwidthGBs: 300}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:14b');
		expect(speed.reps).toHaveLength(4);
		expect(speed.options.num_ctx).toBe(4096);
		expect(speed.ceilingRate).toBeCloseTo(300e9 / 8_988_124_069, 9);
		expect(generateBodies(harness).filter((body) => body.keep_alive !== 0).every((body) => body.options?.['num_ctx'] === 4096)).toBe(true);
	});

	it('warns loudly on partial CPU offload', async () => {
		harness = await stepHarness({sim: {profiles: [profileFor('qwen2.5:72b', {gpuShare: 0.7})], installed: ['qwen2.5:72b']}, settings: {reps: 1}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:72b');
		expect(speed.memory?.gpuShare).toBeCloseTo(0.7, 2);
		expect(speed.warnings.join('\n')).toContain('PARTIAL CPU OFFLOAD: only 70%');
		expect(eventsOfType(harness.events, 'warning').map((event) => event.message).join('\n')).toContain('PARTIAL CPU OFFLOAD');
	});

	it('flags a 5 t/s model impractical with the pipeline estimate, and records it', async () => {
		harness = await stepHarness({sim: {profiles: [profileFor('llama3.3:70b', {evalRate: 5})], installed: ['llama3.3:70b']}, settings: {reps: 2}});
		const {speed, practical} = await runBench(harness.ctx, 'llama3.3:70b');
		expect(practical).toBe(false);
		expect(speed.pipelineEstimateSeconds).toBeCloseTo(20_000 / speed.evalRate.mean, 6);
		const warning = speed.warnings.find((text) => text.includes('impractical for a 12-agent pipeline'));
		expect(warning).toContain(`one run (~20K output tokens) would take about ${formatDuration(20_000 / speed.evalRate.mean)}`);
		expect(warning).toMatch(/about 1 h \d+ min/);
		expect(recorded(harness, 'llama3.3:70b')?.practical).toBe(false);
	});

	it('measures a cold load even when the model was already resident', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:14b']}, settings: {reps: 1}});
		await harness.ctx.ollama.load('qwen2.5:14b', {keepAlive: '5m'});
		expect(harness.sim.loaded()).toContain('qwen2.5:14b');
		const {speed} = await runBench(harness.ctx, 'qwen2.5:14b');
		expect(Math.abs(speed.loadMs / 4100 - 1)).toBeLessThan(0.03);
	});

	it('warns when free RAM is under 10 %', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:14b']}, settings: {reps: 1}});
		const {speed} = await runBench(harness.ctx, 'qwen2.5:14b', {readRam: () => ({freeBytes: 8e9, totalBytes: 128e9})});
		expect(speed.memory?.freeRamBytes).toBe(8e9);
		expect(speed.warnings.join('\n')).toContain('Free RAM is low: 8.0 GB of 128.0 GB (6%)');
	});

	it('sends think:false only to models with the thinking capability', async () => {
		const capabilities = ['completion', 'thinking'];
		harness = await stepHarness({sim: {profiles: [profileFor('qwen3:8b', {capabilities})], installed: ['qwen3:8b']}, settings: {reps: 1}});
		const {speed} = await runBench(harness.ctx, 'qwen3:8b');
		expect(speed.options.think).toBe(false);
		const sent = generateBodies(harness).filter((body) => body.keep_alive !== 0);
		expect(sent.length).toBe(2);
		expect(sent.every((body) => body.think === false)).toBe(true);
	});

	it('names `trifecta pull` when the model is not installed', async () => {
		harness = await stepHarness();
		await expect(runBench(harness.ctx, 'qwen2.5:32b')).rejects.toThrow(/not installed/);
		const error = eventsOfType(harness.events, 'step-error')[0];
		expect(error?.message).toContain('trifecta pull qwen2.5:32b');
		expect(generateBodies(harness)).toHaveLength(0);
	});

	it('unloads the model even when a rep fails, and records nothing half-measured', async () => {
		// Queued once the warm-up is done, so the fault hits the first timed rep.
		harness = await stepHarness({
			sim: {installed: ['qwen2.5:14b']},
			onEvent: (event, h) => {
				if (event.type === 'bench:loaded') h.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 2}, '/api/generate');
			},
		});
		await expect(runBench(harness.ctx, 'qwen2.5:14b')).rejects.toThrow();
		const bodies = generateBodies(harness);
		expect(bodies[bodies.length - 1]).toMatchObject({prompt: '', keep_alive: 0});
		expect(recorded(harness, 'qwen2.5:14b')?.speed).toBeUndefined();
		expect(eventsOfType(harness.events, 'step-error')[0]?.message).toMatch(/Benchmark of qwen2\.5:14b failed/);
	});

	it('merges speed into the model entry without clobbering other fields', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:14b']}, settings: {reps: 1}});
		harness.ctx.results.update((draft) => {
			draft.models.push({
				name: 'qwen2.5:14b',
				sizeBytes: null,
				parameterSize: null,
				quantization: null,
				capabilities: [],
				pull: {status: 'present', bytes: 1, seconds: 0, at: '2026-11-27T00:00:00.000Z'},
			});
		});
		await runBench(harness.ctx, 'qwen2.5:14b');
		const entry = recorded(harness, 'qwen2.5:14b');
		expect(entry?.pull?.status).toBe('present');
		expect(entry?.speed?.reps).toHaveLength(1);
		expect(entry?.sizeBytes).toBe(8_988_124_069);
		expect(entry?.practical).toBe(true);
	});

	it('saves each rep as it ends: a canceled benchmark resumes at the next rep', async () => {
		harness = await stepHarness({
			sim: {profiles: [profileFor('qwen2.5:14b', {evalRate: 16.2, promptEvalRate: 300})], installed: ['qwen2.5:14b']},
			settings: {reps: 3},
			// Cancel as soon as rep 2 has ended: reps 1 and 2 are done, rep 3 is not.
			onEvent: (event, h) => {
				if (event.type === 'bench:rep-done' && event.rep === 2) h.controller.abort();
			},
		});
		await expect(runBench(harness.ctx, 'qwen2.5:14b')).rejects.toThrow();
		const kept = recorded(harness, 'qwen2.5:14b');
		expect(kept?.speed).toBeUndefined();
		expect(kept?.benchProgress?.reps).toHaveLength(2);
		const firstTwo = kept?.benchProgress?.reps.map((rep) => rep.evalRate);

		// Start again with a fresh signal: only rep 3 is generated (after the warm-up).
		const controller = new AbortController();
		const before = generateBodies(harness).length;
		harness.events.length = 0;
		const {speed} = await runBench({...harness.ctx, signal: controller.signal, emit: (event) => harness?.events.push(event)}, 'qwen2.5:14b');
		const timed = generateBodies(harness).slice(before).filter((body) => body.prompt.endsWith(BENCH_PROMPT));
		expect(timed).toHaveLength(1);
		expect(speed.reps).toHaveLength(3);
		expect(speed.reps.slice(0, 2).map((rep) => rep.evalRate)).toEqual(firstTwo);
		expect(eventsOfType(harness.events, 'info').map((event) => event.message)).toContain('Resuming the benchmark of qwen2.5:14b at rep 3: 2 reps kept from before.');
		expect(recorded(harness, 'qwen2.5:14b')?.benchProgress).toBeUndefined();
	});
});

describe('the live gauge on the run\'s clock', () => {
	// The demo flat out (TRIFECTA_DEMO_PACE=0) streams at once: the gauge showed 477 t/s from the
	// arrival times, 1500 % of the ceiling, beside a measured 30 t/s. Its clock is the server's time.
	it('shows no made-up rate when the demo runs flat out, and the measured rate after each rep', async () => {
		harness = await stepHarness({sim: {profiles: [profileFor('qwen2.5:14b', {evalRate: 16.2, promptEvalRate: 300})], installed: ['qwen2.5:14b']}});
		harness.ctx.clock = demoClock(0);
		let view = initialBenchView;
		const rates: number[] = [];
		const {speed} = await runBench({...harness.ctx, emit: (event) => {
			if (event.type.startsWith('bench:')) view = benchViewReducer(view, event as Parameters<typeof benchViewReducer>[1]);
			if (view.current?.rate != null) rates.push(view.current.rate);
		}}, 'qwen2.5:14b');
		expect(speed.evalRate.samples).toHaveLength(3);
		expect(rates.length).toBeGreaterThan(0);
		for (const rate of rates) expect(rate).toBeLessThan(16.2 * 1.1);
	});
});
