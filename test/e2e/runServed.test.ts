// `trifecta run --yes --backend openai`: the strategy on what an inference server serves. Round 1 is
// the largest served model below the 70B class, escalation offers the served 70B-class ones, and
// nothing is ever pulled or deleted (no request reaches /api/*).
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/cli/commands/run.js';
import {defaultProfiles, profileFor, startSimulator, type SimulatorHandle} from '../../source/simulator/index.js';
import {runHeadless, tempDir} from './headless.js';

let sim: SimulatorHandle | null = null;
beforeAll(() => {
	process.env['XDG_CONFIG_HOME'] = tempDir('trifecta-xdg-');
});
afterEach(async () => {
	await sim?.close();
	sim = null;
});

const SERVED = ['qwen2.5:14b', 'qwen2.5:32b', 'qwen2.5:72b', 'llama3.3:70b'];

type Summary = {
	status: string;
	rounds: {round: number; model: string | null; decision: string; chosen: string | null; reason: string}[];
	offers: {recommended: string; reason: string; candidates: {model: string; fitsRam: boolean; mustDeleteFirst: string | null}[]}[];
	recommendation: {model: string | null} | null;
	models: {name: string; speed?: {rateSource?: string}}[];
};

describe.each(['vllm', 'llama.cpp'] as const)('run --yes --backend openai against %s', (flavour) => {
	it('round 1 is the served 32B; when it falls short, a served 70B-class model is measured with no pull and no delete', {timeout: 90_000}, async () => {
		const profiles = defaultProfiles().map((profile) => (profile.name === 'qwen2.5:32b' ? profileFor('qwen2.5:32b', {quality: 'partial'}) : profile));
		sim = await startSimulator({server: {flavour}, profiles, installed: SERVED});
		const dir = tempDir('trifecta-run-served-');
		const result = await runHeadless(runCommand, ['run', '--yes', '--json', '--reps', '1', '--backend', 'openai', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], sim, dir);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary.rounds[0]).toMatchObject({round: 1, model: 'qwen2.5:32b', decision: 'escalate'});
		expect(['qwen2.5:72b', 'llama3.3:70b']).toContain(summary.rounds[0]?.chosen);
		const offer = summary.offers[0];
		expect(offer?.reason).toMatch(/nothing is pulled; serving another model is done on the server/);
		for (const candidate of offer?.candidates ?? []) expect(candidate).toMatchObject({fitsRam: true, mustDeleteFirst: null});
		// Round 1 measured the models below the 70B class only; the escalation measured the one it chose.
		const measured = summary.models.filter((model) => model.speed).map((model) => model.name);
		expect(measured).toContain('qwen2.5:32b');
		expect(measured).toContain(summary.rounds[0]?.chosen);
		expect(measured.filter((name) => name === 'qwen2.5:72b' || name === 'llama3.3:70b')).toHaveLength(1);
		for (const model of summary.models.filter((entry) => entry.speed)) expect(model.speed?.rateSource).toBe(flavour === 'vllm' ? 'server-metrics' : 'server-timings');
		expect(summary.rounds.map((record) => record.decision)).not.toContain('delete-first');
		expect(sim.requests.filter((request) => request.path.startsWith('/api/'))).toEqual([]);
		expect(summary.recommendation?.model).not.toBeNull();
	});
});
