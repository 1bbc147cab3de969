import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {changedFiles, commitFiles, gitLog, isGitRepository} from '../../source/system/git.js';
import {emptyRepo, git, pipelineRepo} from '../output/gitRepo.js';
import {tempDir} from '../output/helpers.js';

describe('git, run with argument arrays in a real repository', () => {
	it('reads the one-line log, newest first', () => {
		const dir = pipelineRepo();
		const log = gitLog(dir, 20);
		expect(log.kind).toBe('log');
		expect(log.kind === 'log' && log.lines[0]).toMatch(/^[0-9a-f]{7,} feat: hybrid_qwen14 config$/);
	});

	it('tells a folder that is no repository and a repository without commits apart', () => {
		expect(gitLog(tempDir(), 5)).toEqual({kind: 'not-a-repository'});
		expect(isGitRepository(tempDir())).toBe(false);
		expect(gitLog(emptyRepo(), 5)).toEqual({kind: 'empty'});
	});

	it('commits exactly the named files with the message, leaving what the user staged alone', () => {
		const dir = pipelineRepo();
		fs.appendFileSync(path.join(dir, 'src/hybrid_llm.py'), '# changed\n');
		fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
		git(dir, 'add', 'notes.txt');
		const message = 'feat: add hybrid configs for a "quoted" $(model)';
		const result = commitFiles(dir, ['src/hybrid_llm.py'], message);
		expect(result.ok).toBe(true);
		expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe(message);
		expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('src/hybrid_llm.py');
		expect(git(dir, 'status', '--porcelain').trim()).toBe('A  notes.txt');
	});

	it('lists which of the given files changed since the last commit', () => {
		const dir = pipelineRepo();
		expect(changedFiles(dir, ['src/hybrid_llm.py', 'src/run_analysis.py'])).toEqual([]);
		fs.appendFileSync(path.join(dir, 'src/run_analysis.py'), '# x\n');
		expect(changedFiles(dir, ['src/hybrid_llm.py', 'src/run_analysis.py'])).toEqual(['src/run_analysis.py']);
	});

	it('reports a failed commit as a message, not a throw', () => {
		const result = commitFiles(tempDir(), ['nothing.txt'], 'feat: x');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toMatch(/not a git repository/i);
	});
});
