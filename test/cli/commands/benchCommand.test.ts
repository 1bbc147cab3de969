import {afterEach, describe, expect, it} from 'vitest';
import {benchCommand} from '../../../source/cli/commands/bench.js';
import {profileFor} from '../../../source/simulator/index.js';
import {commandHarness, type CommandHarness} from './commandHarness.js';

let harness: CommandHarness | null = null;
afterEach(async () => {
	await harness?.close();
	harness = null;
});

type Entry = {
	name: string;
	sizeBytes: number;
	practical: boolean;
	speed: {
		evalRate: {mean: number; sd: number; samples: number[]};
		promptEvalRate: {samples: number[]};
		ttftMs: {samples: number[]};
		loadMs: number;
		ceilingRate: number;
		efficiency: number;
		memory: {gpuShare: number};
		warnings: string[];
		options: {temperature: number; seed: number; num_ctx: number};
		reps: {evalCount: number; evalDurationNs: number}[];
	};
};

describe('trifecta bench --json', () => {
	it('prints only {"models":[...]} on stdout with rates equal to the counters', async () => {
		harness = await commandHarness();
		const run = await harness.run(benchCommand, ['qwen2.5:14b', 'mistral-small:22b'], {json: true});
		expect(run.code).toBe(0);
		const doc = JSON.parse(run.stdout) as {models: Entry[]};
		expect(Object.keys(doc)).toEqual(['models']);
		expect(doc.models.map((entry) => entry.name)).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
		const [first] = doc.models;
		expect(first!.sizeBytes).toBe(8_988_124_069);
		expect(first!.speed.evalRate.samples).toHaveLength(3);
		first!.speed.reps.forEach((rep, index) => expect(first!.speed.evalRate.samples[index]).toBeCloseTo((rep.evalCount / rep.evalDurationNs) * 1e9, 9));
		expect(first!.speed.ceilingRate).toBeCloseTo(400e9 / 8_988_124_069, 9);
		expect(first!.speed.efficiency).toBeCloseTo(first!.speed.evalRate.mean / first!.speed.ceilingRate, 9);
		expect(first!.speed.options).toMatchObject({temperature: 0, seed: 42, num_ctx: 8192});
		expect(first!.practical).toBe(true);
		expect(run.stderr).toContain('rep 3/3:');
		expect(run.stderr).toContain('eval rate:');
		// Models run one after another, each unloaded after its run.
		expect(harness.sim.loaded()).toEqual([]);
	});

	it('keeps going after a model that is not installed, and exits 1', async () => {
		harness = await commandHarness();
		const run = await harness.run(benchCommand, ['qwen2.5:72b', 'qwen2.5:14b'], {json: true});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('error: qwen2.5:72b is not installed');
		expect(run.stderr).toContain('`trifecta pull qwen2.5:72b`');
		expect((JSON.parse(run.stdout) as {models: Entry[]}).models.map((entry) => entry.name)).toEqual(['qwen2.5:14b']);
	});

	it('flags a slow model impractical and a partially offloaded one loudly', async () => {
		harness = await commandHarness({profiles: [profileFor('qwen2.5:72b', {evalRate: 5, gpuShare: 0.7})], installed: ['qwen2.5:72b']});
		const run = await harness.run(benchCommand, ['qwen2.5:72b'], {json: true});
		expect(run.code).toBe(0);
		const entry = (JSON.parse(run.stdout) as {models: Entry[]}).models[0]!;
		expect(entry.practical).toBe(false);
		expect(entry.speed.warnings.join('\n')).toContain('PARTIAL CPU OFFLOAD');
		expect(entry.speed.warnings.join('\n')).toContain('impractical for a 12-agent pipeline');
		expect(run.stderr).toContain('warning: PARTIAL CPU OFFLOAD');
	});

	it('exits 130 on cancel and prints the models finished before it', async () => {
		harness = await commandHarness({pace: 0.05});
		const run = await harness.run(benchCommand, ['qwen2.5:14b', 'mistral-small:22b'], {
			json: true,
			onStderr: (text, services) => {
				if (text.includes('benchmarking mistral-small:22b')) services.cancel();
			},
		});
		expect(run.code).toBe(130);
		expect((JSON.parse(run.stdout) as {models: Entry[]}).models.map((entry) => entry.name)).toEqual(['qwen2.5:14b']);
		expect(run.stderr).toContain('Results for qwen2.5:14b are kept');
	});
});
