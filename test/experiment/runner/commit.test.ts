import {describe, expect, it} from 'vitest';
import {createRunner, type Outputs, type RunnerEvent} from '../../../source/experiment/runner/index.js';
import {defaultOutputs} from '../../../source/experiment/runner/outputs.js';
import {roundOneWorld, type World} from '../strategy/fixtures.js';
import {git, pipelineRepo} from '../../output/gitRepo.js';
import {tempDir} from '../../output/helpers.js';
import {harness} from './fakes.js';

const accepting: World = {
	...roundOneWorld({trader32: 9.3}),
	'qwen2.5:72b': {trader: 9.2, rate: 8.5},
};

/** The fakes' steps and report, the real configs writer, patcher and commit over a git repository. */
async function start(h: ReturnType<typeof harness>, pipelineDir: string) {
	const real = defaultOutputs({pipelineDir, docsDir: tempDir()});
	const outputs: Outputs = {...h.outputs, offer: real.offer, configs: real.configs, commitPlan: real.commitPlan, commit: real.commit};
	const runner = await createRunner(h.deps(), h.steps, outputs);
	const events: RunnerEvent[] = [];
	runner.subscribe((event) => events.push(event));
	await runner.advance();
	runner.dispatch({type: 'plan:confirmed'});
	expect((await runner.advance()).kind).toBe('ask-configs');
	return {runner, events};
}

describe('runner: the configs commit after the pipeline patch', () => {
	it('asks after a Write that patched the pipeline, commits on yes, and writes the report after the commit', async () => {
		const h = harness(accepting);
		const pipelineDir = pipelineRepo();
		const {runner, events} = await start(h, pipelineDir);
		runner.dispatch({type: 'configs:answered', answer: {write: true, patch: true}});
		const asked = await runner.advance();
		expect(asked).toMatchObject({kind: 'ask-commit', plan: {pipelineDir, message: 'feat: add hybrid configs for qwen2.5:32b'}});
		// Nothing committed, and no report yet: section 7 is to end with the commit.
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: hybrid_qwen14 config');
		expect(h.calls).not.toContain('report');

		runner.dispatch({type: 'commit:answered', commit: true});
		expect((await runner.advance()).kind).toBe('done');
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: add hybrid configs for qwen2.5:32b');
		expect(git(pipelineDir, 'status', '--porcelain', 'src/hybrid_llm.py').trim()).toBe('');
		const kinds = events.flatMap((event) => (event.type === 'strategy:written' ? [event.kind] : []));
		expect(kinds.indexOf('commit')).toBeGreaterThan(-1);
		expect(kinds.indexOf('report')).toBeGreaterThan(kinds.indexOf('commit'));
		await runner.close();
	});

	it('commits nothing on no', async () => {
		const h = harness(accepting);
		const pipelineDir = pipelineRepo();
		const {runner} = await start(h, pipelineDir);
		runner.dispatch({type: 'configs:answered', answer: {write: true, patch: true}});
		expect((await runner.advance()).kind).toBe('ask-commit');
		runner.dispatch({type: 'commit:answered', commit: false});
		expect((await runner.advance()).kind).toBe('done');
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: hybrid_qwen14 config');
		expect(h.calls).toContain('report');
		await runner.close();
	});

	it('does not ask when only the configs file was written', async () => {
		const h = harness(accepting);
		const pipelineDir = pipelineRepo();
		const {runner} = await start(h, pipelineDir);
		runner.dispatch({type: 'configs:answered', answer: {write: true, patch: false}});
		expect((await runner.advance()).kind).toBe('done');
		expect(git(pipelineDir, 'status', '--porcelain').trim()).toBe('');
		await runner.close();
	});
});
