import {describe, expect, it} from 'vitest';
import {createRunner, type RunnerEvent} from '../../../source/experiment/runner/index.js';
import {buildHybridConfigs} from '../../../source/output/configs/build.js';
import {planPipelinePatch} from '../../../source/output/configs/patchPipeline.js';
import type {World} from '../strategy/fixtures.js';
import {git, pipelineRepo} from '../../output/gitRepo.js';
import {harness} from './fakes.js';

const accepting: World = {
	'qwen2.5:14b': {trader: 7.1, rate: 30},
	'mistral-small:22b': {trader: 7.4, rate: 22},
	'qwen2.5:32b': {trader: 9.3, rate: 16.2},
	'qwen2.5:72b': {trader: 9.2, rate: 8.5},
};

describe('runner: the configs commit after the pipeline patch', () => {
	it('offers the commit only after the patch is applied, commits on request and rewrites the report', async () => {
		const h = harness(accepting);
		const pipelineDir = pipelineRepo();
		const runner = await createRunner(h.deps(), h.steps, {
			...h.outputs,
			async configs(results) {
				return {files: [], patch: planPipelinePatch(pipelineDir, buildHybridConfigs(results))};
			},
		});
		const events: RunnerEvent[] = [];
		runner.subscribe((event) => events.push(event));
		await runner.advance();
		runner.dispatch({type: 'plan:confirmed'});
		expect((await runner.advance()).kind).toBe('done');
		expect(runner.pendingCommit()).toBeNull();
		runner.applyPatch();
		const plan = runner.pendingCommit();
		expect(plan).toMatchObject({pipelineDir, message: 'feat: add hybrid configs for qwen2.5:32b'});
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: hybrid_qwen14 config');
		const reportsBefore = h.calls.filter((call) => call === 'report').length;

		const result = await runner.commitConfigs();
		expect(result.ok).toBe(true);
		expect(git(pipelineDir, 'log', '-1', '--format=%s').trim()).toBe('feat: add hybrid configs for qwen2.5:32b');
		expect(h.calls.filter((call) => call === 'report').length).toBe(reportsBefore + 1);
		expect(events.some((event) => event.type === 'strategy:written' && event.kind === 'commit')).toBe(true);
		expect(runner.pendingCommit()).toBeNull();
		expect(await runner.commitConfigs()).toEqual({ok: false, error: 'there is no configs commit waiting'});
		await runner.close();
	});
});
