import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {ResultsFile} from '../../../source/domain/schema.js';
import {type World, escalationWorld, roundOneWorld} from '../../experiment/strategy/fixtures.js';
import {harness} from '../../experiment/runner/fakes.js';
import {openSettingsStore} from '../../../source/experiment/settingsStore.js';
import {KEY, renderWizard, enterThrough} from './helpers.js';
import {createRunner} from '../../../source/experiment/runner/index.js';
import {defaultOutputs} from '../../../source/experiment/runner/outputs.js';
import {tempDir} from '../../output/helpers.js';
import {git, pipelineRepo, refuseCommits} from '../../output/gitRepo.js';
import {focusRow} from '../../helpers/testUtils.js';

const world: World = escalationWorld();

const saved = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as ResultsFile;

afterEach(() => cleanup());

/** The wizard over a fresh fake runner in world `w`: where every test here starts. `prepare` sets the harness up before the runner starts (a step to hold). */
async function openWizard(w: World = world, prepare: (h: ReturnType<typeof harness>) => void = () => undefined) {
	const h = harness(w);
	prepare(h);
	const runner = await h.start();
	return {h, runner, ui: renderWizard(runner)};
}

async function toEscalation(ui: ReturnType<typeof renderWizard>) {
	await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1', 'Escalation after round 1']);
}

describe('wizard', () => {
	it('walks round 1, shows the verdict, accepts the recommended 70B and ends on Done', async () => {
		const {h, runner, ui} = await openWizard();
		await ui.until('Preflight');
		expect(ui.frame()).toContain('Enter plan the experiment');
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		expect(ui.frame()).toMatch(/\[x\] qwen2\.5:32b\s+19\.9 GB\s+no\s+yes\s+≤ 20\.1 t\/s/);
		await ui.press(KEY.enter);
		await ui.until('Verdict — round 1: qwen2.5:32b');
		// The absolute judged trader score, then the relative score the threshold reads, and its outcome.
		expect(ui.frame()).toMatch(/qwen2\.5:32b\s+16\.2\s+8\.2\s+8\.4\s+misses\s+5\/5/);
		expect(ui.frame()).toMatch(/Claude \(baseline\)\s+–\s+9\.8\s+10\.0\s+reference/);
		expect(ui.frame()).toContain('Claude (baseline)');
		expect(ui.flat()).toMatch(/qwen2\.5:32b scored 8\.4 relative to Claude on the trader prompt, below the threshold 9\.0\. Decision: an escalation is offered on the next screen/);
		await ui.press(KEY.enter);
		await ui.until('Escalation after round 1');
		expect(ui.flat()).toMatch(/qwen2\.5:14b→qwen2\.5:32b step raised the relative trader score from 7\.1 to 8\.4/);
		expect(ui.frame()).toMatch(/› Escalate to qwen2\.5:72b \(recommended\)/);
		// The prediction from the 32B measured here (16.2 t/s x 19.9 GB / 47.4 GB), before any 70B pull.
		expect(ui.flat()).toMatch(/qwen2\.5:72b \(47\.4 GB\): predicted 6\.8 t\/s \(5\.4–8\.1, from qwen2\.5:32b at 16\.2 t\/s\), below the minimum, ceiling 8\.4 t\/s; fits in RAM, fits on disk/);
		expect(ui.flat()).toMatch(/this measures the quality ceiling, not a pipeline candidate/);
		expect(h.calls).not.toContain('pull qwen2.5:72b');
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		expect(ui.flat()).toMatch(/Recommendation: qwen2\.5:72b is recommended: its trader answers reach 9\.2 relative to Claude/);
		expect(ui.flat()).toMatch(/Next step: Write the configs into the pipeline/);
		await ui.press(KEY.enter);
		await ui.until('Hybrid configs for qwen2.5:72b');
		for (const name of ['hybrid_qwen72', 'hybrid_aggressive_qwen72', 'hybrid_aggressive_qwen72_localtools']) expect(ui.frame()).toContain(`• ${name}:`);
		expect(h.calls.some((call) => call.startsWith('configs'))).toBe(false);
		await ui.press(KEY.enter);
		await ui.until('Done');
		const done = ui.flat().slice(ui.flat().lastIndexOf('Done'));
		expect(done).toMatch(/^Done Recommendation: qwen2\.5:72b is recommended: its trader answers reach 9\.2 relative to Claude/);
		expect(ui.frame()).toContain(`Files written:\n  ${h.dir}/: hybrid-configs.json`);
		await ui.press(KEY.enter);
		expect(ui.exits).toEqual([0]);
		await runner.close();
		expect(saved(h.dir).rounds.map((record) => `${record.decision}:${record.chosen}`)).toEqual(['escalate:qwen2.5:72b', 'recommend:qwen2.5:72b']);
		expect(h.calls).toContain('pull qwen2.5:72b');
	});

	it('swaps to the other 70B with ↓ and Enter', async () => {
		const {h, runner, ui} = await openWizard();
		await toEscalation(ui);
		await ui.press(KEY.down);
		expect(ui.frame()).toMatch(/› Swap to llama3\.3:70b/);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		await runner.close();
		expect(saved(h.dir).rounds[0]).toMatchObject({decision: 'swap', chosen: 'llama3.3:70b'});
		expect(h.calls).toContain('pull llama3.3:70b');
		expect(h.calls).not.toContain('pull qwen2.5:72b');
	});

	it('skips escalation and records the ceiling', async () => {
		const {h, runner, ui} = await openWizard();
		await toEscalation(ui);
		await ui.press(KEY.down);
		await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		expect(ui.flat()).toMatch(/Recommendation: qwen2\.5:32b is recommended below threshold/);
		expect(ui.flat()).toMatch(/Ceiling: The best local trader score measured here is 8\.4 relative to Claude \(qwen2\.5:32b\), 0\.6 below the threshold 9\.0/);
		expect(ui.flat()).not.toContain('Ceiling: Ceiling');
		await runner.close();
		expect(saved(h.dir).rounds.map((record) => record.decision)).toEqual(['skip', 'ceiling']);
		expect(h.calls.some((call) => call.startsWith('pull qwen2.5:72b') || call.startsWith('pull llama'))).toBe(false);
	});

	it('Esc on the escalation goes back to the verdict without deciding', async () => {
		const {h, runner, ui} = await openWizard();
		await toEscalation(ui);
		await ui.press(KEY.esc);
		await ui.until('Verdict — round 1');
		expect(saved(h.dir).rounds).toEqual([]);
		await runner.close();
	});

	it('asks before deleting the first 70B in the second escalation', async () => {
		const {h, runner, ui} = await openWizard({...world, 'qwen2.5:72b': {trader: 8.6, rate: 8.5}});
		await toEscalation(ui);
		await ui.press(KEY.enter);
		await enterThrough(ui, ['Verdict — round 2: qwen2.5:72b', 'Escalation after round 2', 'Make room for llama3.3:70b']);
		expect(ui.frame()).toContain('› Delete qwen2.5:72b, then pull llama3.3:70b');
		// qwen2.5:72b (8.6 at 8.5 t/s) is the best practical model so far: the screen says what deleting it costs.
		expect(ui.flat()).toContain('qwen2.5:72b is the best practical model measured so far (trader 8.6 relative to Claude at 8.5 t/s): once deleted it cannot be the recommendation, which must be installed.');
		expect(h.deleted).toEqual([]);
		await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		expect(h.deleted).toEqual([]);
		expect(h.calls).not.toContain('pull llama3.3:70b');
		await runner.close();
		expect(saved(h.dir).rounds.map((record) => record.decision)).toContain('keep-first');
	});

	it('unticking qwen2.5:32b on the plan really skips it: the plan says what runs instead, and that runs', async () => {
		const {h, runner, ui} = await openWizard({...world, 'command-r:35b': {trader: 9.3, rate: 15}});
		await ui.until('Preflight');
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		expect(ui.flat()).toContain('Round 1: qwen2.5:32b, next above what is installed; pull 19.9 GB.');
		await focusRow(ui, /\] qwen2\.5:32b/);
		await ui.press(' ');
		await ui.until('Round 1: command-r:35b');
		expect(ui.frame()).toMatch(/\[ \] qwen2\.5:32b/);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		await runner.close();
		expect(h.calls).toContain('pull command-r:35b');
		expect(h.calls.join('\n')).not.toContain('qwen2.5:32b');
		expect(saved(h.dir).recommendation?.model).toBe('command-r:35b');
	});

	it('Space twice on the plan unticks and re-ticks the same row, which never moves', async () => {
		const {runner, ui} = await openWizard(world);
		await enterThrough(ui, ['Preflight', 'Plan — the ladder']);
		const rows = () => ui.frame().split('\n').filter((line) => /\[[x ]\]/.test(line)).map((line) => line.replace(/^[›\s1]*/, '').slice(0, 20));
		const before = rows();
		await ui.press(KEY.down);
		await ui.press(KEY.down);
		await ui.press(' ');
		await ui.until('[ ] qwen2.5:32b');
		expect(rows()).toEqual(before.map((row) => row.replace('[x] qwen2.5:32b', '[ ] qwen2.5:32b')));
		await ui.press(' ');
		await ui.until('Round 1: qwen2.5:32b');
		expect(rows()).toEqual(before);
		expect(runner.state().settings.ladder).toEqual(['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b', 'qwen2.5:72b', 'llama3.3:70b', 'command-r:35b']);
		await runner.close();
	});

	it('after Skip on the configs offer, Done never sends the user to run a config that was not written', async () => {
		const {runner, ui} = await openWizard({...roundOneWorld(), 'qwen2.5:72b': {trader: 8.6, rate: 8.5}, 'llama3.3:70b': {trader: 8.5, rate: 9.0}});
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1', 'Escalation after round 1', 'Verdict — round 2', 'Escalation after round 2']);
		// Stop here: the recommendation is the best practical model, below the threshold.
		while (!/› Skip/.test(ui.frame())) await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		await ui.press(KEY.enter);
		await ui.until('Hybrid configs for');
		while (!/› Skip/.test(ui.frame())) await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Done');
		const config = /--hybrid (hybrid_\w+)/.exec(ui.flat())?.[1];
		expect(config).toBeDefined();
		// The next step itself starts with writing it, in the command the wizard was started with.
		expect(ui.flat()).toMatch(new RegExp(`Next step: \`trifecta configs --write\` first \\(${config} is not in the pipeline yet\\), then run one full analysis with --hybrid ${config}`));
		await runner.close();
	});

	it('r on the plan picks the round-one model', async () => {
		const {h, runner, ui} = await openWizard({...world, 'command-r:35b': {trader: 9.3, rate: 15}});
		await ui.until('Preflight');
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		await focusRow(ui, /\] command-r:35b/);
		await ui.press('r');
		await ui.until('Round 1: command-r:35b, chosen on this plan');
		expect(openSettingsStore({cwd: h.confDir}).read().roundOne).toBe('command-r:35b');
		await runner.close();
	});

	it('after a slow 70B met the threshold, Skip is the default: listed first, Enter takes it, no second 70B', async () => {
		const {h, runner, ui} = await openWizard({...world, ...roundOneWorld({rate32: 14.4}), 'qwen2.5:72b': {trader: 10, rate: 5.9}});
		await toEscalation(ui);
		await ui.press(KEY.enter);
		await ui.until('Verdict — round 2: qwen2.5:72b');
		await ui.press(KEY.enter);
		await ui.until('Escalation after round 2');
		expect(ui.frame()).toMatch(/› Skip: stop here and record the ceiling \(recommended\)/);
		expect(ui.flat()).toMatch(/A swap does not help: llama3\.3:70b would run at about 6\.6 t\/s here, also below 8\./);
		await ui.press(KEY.enter);
		await ui.until('Verdict — final');
		expect(ui.flat()).toMatch(/Recommendation: qwen2\.5:32b is recommended below threshold/);
		expect(ui.flat()).toMatch(/Ceiling: qwen2\.5:72b reaches 10\.0 relative to Claude but runs at 5\.9 t\/s \(minimum 8 t\/s\): quality is reachable, not at a usable speed on this machine\./);
		await runner.close();
		expect(h.calls).not.toContain('pull llama3.3:70b');
		expect(h.deleted).toEqual([]);
		expect(saved(h.dir).recommendation).toMatchObject({model: 'qwen2.5:32b', practical: true, belowThreshold: true});
	});

	it('edits a setting on the plan and keeps it', async () => {
		const {h, runner, ui} = await openWizard();
		await ui.until('Preflight');
		await ui.press(KEY.enter);
		await ui.until('Plan — the ladder');
		await focusRow(ui, 'Threshold');
		expect(ui.frame()).toMatch(/› {2}Threshold\s+‹ 9\.0 relative to Claude \(trader\) ›/);
		await ui.press(KEY.right);
		await ui.until('‹ 9.5 relative to Claude (trader) ›');
		expect(openSettingsStore({cwd: h.confDir}).read().threshold).toBe(9.5);
		await runner.close();
	});

	it('? shows the help and q asks before quitting', async () => {
		const {runner, ui} = await openWizard();
		await ui.until('Preflight');
		await ui.press('?');
		await ui.until('Keys');
		expect(ui.frame()).toContain('Quitting keeps every result');
		await ui.press('?');
		await ui.until('Preflight');
		await ui.press('q');
		await ui.until('Quit trifecta?');
		// The footer offers the dialog's keys, not the page's underneath.
		expect(ui.frame()).toContain('y quit (results kept) · n/Esc stay');
		expect(ui.frame()).not.toContain('Enter plan the experiment');
		await ui.press('n');
		await ui.until('Preflight');
		expect(ui.exits).toEqual([]);
		await ui.press('q');
		await ui.press('y');
		// Quitting before the end is an interruption: 130, as the README says; the last frame is not the question.
		expect(ui.exits).toEqual([130]);
		await ui.until('Quit. Quitting keeps every result in /tmp/results/scaling-results.json');
		expect(ui.frame()).not.toContain('Quit trifecta?');
		await runner.close();
	});

	it('q then y on the Done screen exits 0: nothing was interrupted', async () => {
		const {runner, ui} = await openWizard({...world, ...roundOneWorld({trader32: 9.3})});
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — final', 'Hybrid configs for', 'Done']);
		await ui.press('q');
		await ui.press('y');
		expect(ui.exits).toEqual([0]);
		// Nothing to resume after the end: the last frame is the Done page whole, where the results are
		// included, never cut to the terminal's height (the exit code is reported before it is drawn).
		await ui.until('Results: /tmp/results/scaling-results.json');
		await ui.until('Files written');
		expect(ui.flat()).not.toContain('again to resume');
		expect(ui.flat()).not.toContain('Quit trifecta?');
		expect(ui.flat()).not.toContain('cut to fit');
		await runner.close();
	});

	it('lists each key of the screen once in the help, Esc with this screen’s meaning', async () => {
		const {runner, ui} = await openWizard();
		await toEscalation(ui);
		await ui.press('?');
		await ui.until('Keys');
		const escLines = ui.frame().split('\n').filter((line) => /│\s*Esc\s/.test(line));
		expect(escLines).toHaveLength(1);
		expect(escLines[0]).toContain('back to the verdict');
		await runner.close();
	});

	it('Ctrl+C on a question does not claim a step was canceled', async () => {
		const {runner, ui} = await openWizard();
		await ui.until('Preflight');
		await ui.press(KEY.ctrlC);
		await ui.until('Press Ctrl+C again to exit');
		expect(ui.frame()).not.toContain('Step canceled');
		await ui.press(KEY.ctrlC);
		expect(ui.exits).toEqual([130]);
		await runner.close();
	});

	it('Ctrl+C once cancels the step and keeps results; twice exits with 130', async () => {
		const {h, runner, ui} = await openWizard(world, (harnessed) => {
			harnessed.hold.bench = 'wait-cancel';
		});
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Benchmark']);
		await ui.press(KEY.ctrlC);
		await ui.until('Step canceled');
		expect(ui.frame()).toContain('press Ctrl+C again to exit');
		expect(saved(h.dir).models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('pulled');
		await ui.press(KEY.ctrlC);
		expect(ui.exits).toEqual([130]);
		await runner.close();
	});

	it('Enter after a cancel retries the step', async () => {
		const {runner, ui} = await openWizard(world, (harnessed) => {
			harnessed.hold.bench = 'wait-cancel';
		});
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Benchmark']);
		await ui.press(KEY.esc);
		await ui.until('Step canceled');
		expect(ui.flat()).toContain('The benchmark of qwen2.5:14b');
		expect(ui.flat()).not.toContain('bench:');
		await ui.press(KEY.enter);
		await ui.until('Verdict — round 1');
		await runner.close();
	});
});

describe('wizard: the configs commit question', () => {
	const start = async (refuse = false) => {
		const h = harness({...world, ...roundOneWorld({trader32: 9.3})});
		const pipelineDir = pipelineRepo();
		if (refuse) refuseCommits(pipelineDir);
		const real = defaultOutputs({pipelineDir, docsDir: tempDir()});
		const runner = await createRunner(h.deps(), h.steps, {...h.outputs, offer: real.offer, configs: real.configs, commitPlan: real.commitPlan, commit: real.commit});
		const ui = renderWizard(runner);
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — final', 'Hybrid configs for']);
		// Write (the first option) patches the pipeline.
		await ui.press(KEY.enter);
		await ui.until('Commit the configs in');
		return {h, pipelineDir, runner, ui};
	};

	it('after a Write that patched the pipeline, shows the git commands; No (the default) commits nothing', async () => {
		const {pipelineDir, runner, ui} = await start();
		expect(ui.flat()).toContain("git commit --only -m 'feat: add hybrid configs for qwen2.5:32b'");
		expect(ui.flat()).toContain('No: leave them uncommitted');
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: hybrid_qwen14 config');
		await runner.close();
	});

	it('Yes commits, through the runner, before the report is written', async () => {
		const {h, pipelineDir, runner, ui} = await start();
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: hybrid_qwen14 config');
		expect(h.calls).not.toContain('report');
		await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: add hybrid configs for qwen2.5:32b');
		expect(h.calls).toContain('report');
		await runner.close();
	});

	it('a failed commit is on the Done screen, with the error and the commands to run by hand', async () => {
		const {pipelineDir, runner, ui} = await start(true);
		await ui.press(KEY.down);
		await ui.press(KEY.enter);
		await ui.until('Done');
		expect(ui.flat()).toContain('The configs are written but not committed: Author identity unknown.');
		expect(ui.flat()).toContain(`cd ${pipelineDir}`);
		expect(git(pipelineDir, 'diff', '--cached', '--name-only').trim()).toBe('');
		await runner.close();
	});
});
