import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {configsCommand, createConfigsCommand} from '../../source/cli/commands/configs.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {completeResults} from './fixtureResults.js';
import {git, pipelineRepo, refuseCommits} from './gitRepo.js';
import {commandInput, fakeIO, tempDir} from './helpers.js';

const MESSAGE = 'feat: add hybrid configs for llama3.3:70b';

function resultsDir(): string {
	const dir = path.join(tempDir(), 'results');
	createResultsStore(dir, {simulated: false}).update((draft) => Object.assign(draft, completeResults()));
	return dir;
}

const subject = (dir: string) => git(dir, 'log', '-1', '--format=%s').trim();

describe('trifecta configs --write: the commit offer in the pipeline repository', () => {
	it('--commit --yes writes, shows the git commands, and commits only the pipeline files with the seed-style message', async () => {
		const pipelineDir = pipelineRepo();
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: resultsDir(), pipelineDir, write: true, commit: true, yes: true}, io))).toBe(0);
		expect(io.out()).toContain(`Commit the configs in ${pipelineDir}:`);
		expect(io.out()).toContain(`git commit --only -m '${MESSAGE}' -- src/hybrid_llm.py src/run_analysis.py`);
		expect(subject(pipelineDir)).toBe(MESSAGE);
		expect(git(pipelineDir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['src/hybrid_llm.py', 'src/run_analysis.py', 'tests/test_hybrid_llm.py']);
		expect(io.out()).toMatch(/Committed [0-9a-f]+: feat: add hybrid configs for llama3\.3:70b/);
	});

	it('never commits on --yes alone: the commands are shown with how to commit', async () => {
		const pipelineDir = pipelineRepo();
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: resultsDir(), pipelineDir, write: true, yes: true}, io))).toBe(0);
		expect(io.out()).toContain('git commit --only');
		expect(io.out()).toContain('Not committed. To commit: trifecta configs --write --commit --yes');
		expect(subject(pipelineDir)).toBe('feat: hybrid_qwen14 config');
	});

	it('on a terminal, asks after writing and commits only on yes', async () => {
		for (const answer of [true, false]) {
			const pipelineDir = pipelineRepo();
			const questions: string[] = [];
			const command = createConfigsCommand({ask: async (question) => (questions.push(question), question.startsWith('Apply') ? true : answer)});
			expect(await command.run(commandInput({resultsDir: resultsDir(), pipelineDir, write: true}, fakeIO(true)))).toBe(0);
			expect(questions).toEqual([expect.stringContaining('Apply these changes'), 'Commit them? [y/N] ']);
			expect(subject(pipelineDir)).toBe(answer ? MESSAGE : 'feat: hybrid_qwen14 config');
		}
	});

	it('commits configs written earlier but left uncommitted when rerun with --commit', async () => {
		const pipelineDir = pipelineRepo();
		const results = resultsDir();
		await configsCommand.run(commandInput({resultsDir: results, pipelineDir, write: true, yes: true}, fakeIO()));
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: results, pipelineDir, write: true, commit: true, yes: true}, io))).toBe(0);
		expect(io.out()).toContain('Nothing to write');
		expect(subject(pipelineDir)).toBe(MESSAGE);
	});

	it('a failed commit says so, leaves nothing staged and exits 1 (the configs stay written)', async () => {
		const pipelineDir = pipelineRepo();
		refuseCommits(pipelineDir);
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: resultsDir(), pipelineDir, write: true, commit: true, yes: true}, io))).toBe(1);
		expect(io.err()).toContain('The commit failed: Author identity unknown');
		expect(subject(pipelineDir)).toBe('feat: hybrid_qwen14 config');
		// Written but not staged: the user's index is as it was.
		expect(git(pipelineDir, 'diff', '--cached', '--name-only').trim()).toBe('');
		expect(git(pipelineDir, 'status', '--porcelain', 'src/hybrid_llm.py').trim()).toBe('M src/hybrid_llm.py');
	});

	it('--commit needs --write (usage error)', async () => {
		const io = fakeIO();
		expect(await configsCommand.run(commandInput({resultsDir: resultsDir(), commit: true}, io))).toBe(2);
		expect(io.err()).toContain('--commit commits the configs --write puts into the pipeline');
	});
});
