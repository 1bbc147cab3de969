// `trifecta run` end to end against the simulator: the strategy unattended, decisions in the
// results file and the JSON summary, never two 70B-class models installed at once.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/cli/commands/run.js';
import {isOneAtATime, catalogEntry} from '../../source/models/catalog.js';
import {defaultProfiles, profileFor, startSimulator, type SimulatorHandle} from '../../source/simulator/index.js';
import {runCli} from '../helpers/runCli.js';
import {runHeadless, tempDir} from './headless.js';

let sim: SimulatorHandle | null = null;

beforeAll(() => {
	process.env['XDG_CONFIG_HOME'] = tempDir('trifecta-xdg-');
});

afterEach(async () => {
	await sim?.close();
	sim = null;
});

/** Polls the simulator's installed list while the run goes, to catch two 70B-class models at once. */
function watchLarge(handle: SimulatorHandle): {max: () => number; stop: () => void} {
	let max = 0;
	const timer = setInterval(() => {
		const large = handle.installed().filter((name) => isOneAtATime(name, catalogEntry(name)?.sizeBytes ?? 0)).length;
		max = Math.max(max, large);
	}, 2);
	return {max: () => max, stop: () => clearInterval(timer)};
}

/**
 * The default 32B writes a complete, grounded proposal that the judge scores on Claude's level; a
 * 32B of the partial tier (no levels, shallow) is what makes the strategy escalate.
 */
function weak32b(): ReturnType<typeof defaultProfiles> {
	return defaultProfiles().map((profile) => (profile.name === 'qwen2.5:32b' ? profileFor('qwen2.5:32b', {quality: 'partial'}) : profile));
}

type Candidate = {
	model: string;
	sizeBytes: number;
	predictedRate: number | null;
	predictedRange: [number, number] | null;
	ceilingRate: number | null;
	fitsRam: boolean;
	fitsDisk: boolean | null;
	predictedPractical: boolean | null;
};

type Summary = {
	status: string;
	simulated: boolean;
	rounds: {round: number; model: string | null; decision: string; chosen: string | null; reason: string}[];
	offers: {afterRound: number; recommended: string; defaultChoice: string; choice: string | null; reason: string; candidates: Candidate[]}[];
	models: {
		name: string;
		sizeBytes: number | null;
		pull?: {status: string};
		speed?: {evalRate: {mean: number}};
		reasoning?: {trader?: {score: number | null; relative?: {mean: number; low: number; high: number; n: number} | null}};
		thresholdCheck?: {basis: string; value: number | null; low: number | null; high: number | null; threshold: number; outcome: string; reasons: string[]; flipRate?: number | null; judgeUsable?: boolean};
	}[];
	baseline: {status: string} | null;
	recommendation: {model: string | null; practical: boolean | null; reason: string; belowThreshold?: boolean; ceiling?: string; nextStep?: string; configs: string[]} | null;
	ceiling: string | null;
	nextStep: string | null;
	files: string[];
};

describe('trifecta run --yes --json', () => {
	it('accepts the 32B when it reaches the threshold, and pulls nothing larger', async () => {
		const profiles = defaultProfiles().map((profile) => (profile.name === 'qwen2.5:32b' ? profileFor('qwen2.5:32b', {quality: 'excellent'}) : profile));
		sim = await startSimulator({profiles});
		const dir = tempDir('trifecta-run-');
		// Quality by the (simulated) blind judge on its absolute 0-10 scale: a 32B as good as Claude
		// reaches the 9.0 threshold.
		const result = await runHeadless(runCommand, ['run', '--yes', '--json', '--reps', '1', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], sim, dir);
		expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary.status).toBe('done');
		expect(summary.rounds[0]).toMatchObject({round: 1, decision: 'accept', chosen: 'qwen2.5:32b'});
		// Every config the JSON holds: the 32B passed every tool scenario, so the local-tools one too.
		expect(summary.recommendation).toMatchObject({model: 'qwen2.5:32b', configs: ['hybrid_qwen32', 'hybrid_aggressive_qwen32', 'hybrid_aggressive_qwen32_localtools']});
		expect(sim.installed()).not.toContain('qwen2.5:72b');
		expect(sim.installed()).not.toContain('llama3.3:70b');
		expect(result.stderr).toMatch(/decision \(round 1\): accept → qwen2\.5:32b/);
		const written = JSON.parse(readFileSync(path.join(dir, 'hybrid-configs.json'), 'utf8')) as {configs: {name: string}[]};
		expect(written.configs.map((config) => config.name)).toEqual(summary.recommendation?.configs);
		expect(existsSync(path.join(dir, 'docs', 'TASK_005_REPORT.md'))).toBe(true);
		const saved = JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as Summary;
		expect(saved.rounds.map((record) => record.decision)).toEqual(['accept', 'recommend']);
		// Judged, not the rubric: the 32B and Claude both score on the same absolute scale.
		const scored = JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as {
			models: {name: string; reasoning?: {trader?: {scoreSource?: string; score: number | null}}}[];
			baseline: {reasoning: {trader?: {scoreSource?: string; score: number | null}}} | null;
		};
		const trader = scored.models.find((model) => model.name === 'qwen2.5:32b')?.reasoning?.trader;
		expect(trader).toMatchObject({scoreSource: 'judge'});
		expect(trader?.score).toBeGreaterThanOrEqual(9);
		expect(scored.baseline?.reasoning.trader).toMatchObject({scoreSource: 'judge'});
		expect(scored.baseline?.reasoning.trader?.score).toBeGreaterThanOrEqual(9);
		// The verdict the threshold read, in --json: relative to Claude, with its interval, and why.
		const check = summary.models.find((model) => model.name === 'qwen2.5:32b')?.thresholdCheck;
		expect(check).toMatchObject({basis: 'relative', threshold: 9, outcome: 'meets'});
		expect(check?.low).toBeGreaterThanOrEqual(9);
		expect(check?.reasons.join(' ')).toMatch(/relative \d+\.\d.*n=\d+ over 3 of 3 markets/);
		expect(result.stderr).toMatch(/^quality qwen2\.5:32b: meets — relative /m);
	});

	it('escalates when the 32B falls short, holding at most one 70B-class model', async () => {
		sim = await startSimulator({profiles: weak32b()});
		const watch = watchLarge(sim);
		const dir = tempDir('trifecta-run-');
		const result = await runHeadless(runCommand, ['run', '--yes', '--json', '--reps', '1', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], sim, dir);
		watch.stop();
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary.rounds[0]?.decision).toBe('escalate');
		const escalated = summary.rounds[0]?.chosen;
		expect(['qwen2.5:72b', 'llama3.3:70b']).toContain(escalated);
		// The partial-tier 32B writes no levels: it misses on the pipeline's compliance checks.
		expect(summary.rounds[0]?.reason).toMatch(/qwen2\.5:32b misses the threshold: compliance fails: .*; recommending/);
		expect(summary.models.map((model) => model.name)).toContain(escalated);
		expect(summary.recommendation?.model).not.toBeNull();
		expect(watch.max()).toBeLessThanOrEqual(1);
		const large = sim.installed().filter((name) => isOneAtATime(name, catalogEntry(name)?.sizeBytes ?? 0));
		expect(large.length).toBeLessThanOrEqual(1);
		expect(result.stderr).toMatch(/--yes: escalating to/);
	});

	it('a --ladder without qwen2.5:32b never pulls it: round one is the next ladder entry above what is installed', async () => {
		sim = await startSimulator();
		const dir = tempDir('trifecta-run-');
		const ladder = 'qwen2.5:14b,mistral-small:22b,command-r:35b,qwen2.5:72b,llama3.3:70b';
		const result = await runHeadless(runCommand, ['run', '--yes', '--json', '--reps', '1', '--ladder', ladder, '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], sim, dir);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(sim.installed()).not.toContain('qwen2.5:32b');
		expect(sim.installed()).toContain('command-r:35b');
		expect(summary.models.map((model) => model.name)).not.toContain('qwen2.5:32b');
		expect(summary.rounds[0]?.model).toBe('command-r:35b');
		expect(summary.recommendation?.practical ?? true).toBe(true);
	});

	it('without --yes stops at the decision with exit 3 naming --yes, and resumes there', async () => {
		sim = await startSimulator({profiles: weak32b()});
		const dir = tempDir('trifecta-run-');
		const args = ['run', '--reps', '1', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')];
		const first = await runHeadless(runCommand, args, sim, dir);
		expect(first.code).toBe(3);
		expect(first.stderr).toMatch(/A decision is needed: rerun with --yes/);
		expect(first.stdout).toBe('');
		const chats = sim.requests.filter((request) => request.path === '/api/chat' || request.path === '/api/generate').length;
		const second = await runHeadless(runCommand, args, sim, dir);
		expect(second.code).toBe(3);
		// Nothing measured again: the second run went straight to the question.
		expect(sim.requests.filter((request) => request.path === '/api/chat' || request.path === '/api/generate').length).toBe(chats);
	});
});

describe('trifecta run --yes with a judge that misbehaves', () => {
	it.each([
		{quirk: 'position-biased' as const, reason: /position-inconsistent: its verdict reversed with the order on 100 % of the criteria/},
		{quirk: 'refusing' as const, reason: /3 of 3 markets have no judged score.*the judge failed \(refusal: /},
	])('a $quirk judge leaves every outcome inconclusive with the reason named, and no 70B is pulled', async ({quirk, reason}) => {
		// The default 32B writes a complete proposal: with a working judge it is accepted (above).
		sim = await startSimulator({judgeQuirk: quirk});
		const dir = tempDir('trifecta-run-');
		const result = await runHeadless(runCommand, ['run', '--yes', '--json', '--reps', '1', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], sim, dir);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		const judged = summary.models.filter((model) => model.reasoning?.trader);
		expect(judged.length).toBeGreaterThan(0);
		// Inconclusive, the reason named; an answer without the pipeline's fields misses on compliance
		// alone (the judge is not needed for that), and the judge's failure is named beside it.
		for (const model of judged) {
			const check = model.thresholdCheck;
			const compliance = check?.reasons[0]?.startsWith('compliance fails') ?? false;
			expect(check?.outcome).toBe(compliance ? 'misses' : 'inconclusive');
			expect(check?.judgeUsable).toBe(false);
			expect(check?.reasons.join(' ')).toMatch(reason);
		}
		expect(judged.find((model) => model.name === 'qwen2.5:32b')?.thresholdCheck?.outcome).toBe('inconclusive');
		expect(summary.rounds.map((record) => record.decision)).not.toContain('accept');
		// The offer says so, and --yes takes its default: skip.
		expect(summary.offers[0]?.defaultChoice).toBe('skip');
		expect(summary.offers[0]?.reason).toMatch(/Skip is the default: settle it before any 70B pull/);
		expect(sim.installed().filter((name) => isOneAtATime(name, catalogEntry(name)?.sizeBytes ?? 0))).toEqual([]);
		expect(summary.rounds.map((record) => record.decision)).not.toContain('escalate');
		// Never speed blamed for what the judge could not decide.
		expect(`${summary.recommendation?.reason} ${summary.nextStep}`).not.toMatch(/decodes at 8 t\/s/);
		// Per model, the outcome the decisions read, as --json has it.
		expect(result.stderr).toContain(`quality qwen2.5:32b: inconclusive — ${judged.find((model) => model.name === 'qwen2.5:32b')?.thresholdCheck?.reasons.join('; ')}`);
	}, 120_000);
});

describe('trifecta run --demo --yes --json (the built CLI)', () => {
	it('recommends a practical, measured, installed model, writes configs for it, and predicts every 70B before pulling it', async () => {
		const dir = tempDir('trifecta-demo-');
		const result = await runCli(['run', '--demo', '--yes', '--json', '--reps', '1', '--threshold', '9.9', '--results-dir', dir], {
			env: {XDG_CONFIG_HOME: tempDir('trifecta-xdg-')},
			timeoutMs: 120_000,
		});
		expect(result.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout) as Summary;
		const rec = summary.recommendation;
		expect(summary.status).toBe('done');
		expect(rec?.model).toBeTruthy();
		const model = rec?.model ?? '';
		const entry = summary.models.find((candidate) => candidate.name === model);
		// Measured on speed and quality, and practical at the default minimum rate of 8 t/s.
		expect(entry?.speed?.evalRate.mean).toBeGreaterThanOrEqual(8);
		expect(entry?.reasoning?.trader?.score).toEqual(expect.any(Number));
		expect(rec?.practical).toBe(true);
		// Installed: never deleted to make room.
		expect(result.stderr).not.toContain(`deleted ${model}`);
		expect(summary.rounds.filter((record) => record.decision === 'delete-first').map((record) => record.reason).join(' ')).not.toContain(`${model} (`);
		// The configs name it, in the JSON summary and in the file written.
		const configs = JSON.parse(readFileSync(path.join(dir, 'hybrid-configs.json'), 'utf8')) as {model: string; configs: {name: string}[]};
		expect(configs.model).toBe(model);
		expect(rec?.configs).toEqual(configs.configs.map((config) => config.name));
		// The same three sentences in --json, on stderr and in the report.
		expect(summary.ceiling).toBe(rec?.ceiling);
		expect(summary.nextStep).toBe(rec?.nextStep);
		expect(result.stderr).toContain(`recommendation: ${rec?.reason}`);
		expect(result.stderr).toContain(`ceiling: ${rec?.ceiling}`);
		expect(result.stderr).toContain(`next step: ${rec?.nextStep}`);
		const report = readFileSync(path.join(dir, 'docs', 'TASK_005_REPORT.md'), 'utf8');
		for (const sentence of [rec?.reason, rec?.ceiling, rec?.nextStep]) expect(report).toContain(sentence);
		// Every 70B-class pull was preceded by an offer showing its predicted rate, and a second one
		// is pulled only when it was predicted practical.
		const large = summary.models.filter((candidate) => candidate.pull?.status === 'pulled' && isOneAtATime(candidate.name, candidate.sizeBytes ?? 0));
		expect(large.length).toBeGreaterThan(0);
		for (const [index, pulled] of large.entries()) {
			const offer = summary.offers.find((candidateOffer) => candidateOffer.choice === 'accept' && candidateOffer.recommended === pulled.name);
			const shown = offer?.candidates.find((candidate) => candidate.model === pulled.name);
			expect(shown?.predictedRate).toEqual(expect.any(Number));
			expect(shown?.predictedRange).toHaveLength(2);
			expect(shown?.ceilingRate).toEqual(expect.any(Number));
			if (index > 0) expect(shown?.predictedPractical).toBe(true);
		}
		expect(summary.offers.every((offer) => offer.choice === offer.defaultChoice)).toBe(true);
	}, 150_000);
});
