// A real git repository in a temp folder, with an identity of its own so commits work anywhere (CI has none).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {pipelineCopy, tempDir} from './helpers.js';

export function git(dir: string, ...args: string[]): string {
	return execFileSync('git', args, {cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function init(dir: string): string {
	git(dir, 'init', '-q', '-b', 'main');
	git(dir, 'config', 'user.name', 'Test Trader');
	git(dir, 'config', 'user.email', 'trader@example.com');
	git(dir, 'config', 'commit.gpgsign', 'false');
	return dir;
}

/** The pipeline fixture as a repository with one commit. */
export function pipelineRepo(): string {
	const dir = init(pipelineCopy());
	git(dir, 'add', '-A');
	git(dir, 'commit', '-q', '-m', 'feat: hybrid_qwen14 config');
	return dir;
}

export function emptyRepo(): string {
	const dir = init(tempDir('trifecta-git-'));
	fs.writeFileSync(path.join(dir, 'README.md'), 'x\n');
	return dir;
}

/** Makes every commit in `dir` fail the way git does without an identity or with a refusing hook. */
export function refuseCommits(dir: string, message = 'Author identity unknown'): void {
	const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
	fs.writeFileSync(hook, `#!/bin/sh\necho '${message}' >&2\nexit 1\n`, {mode: 0o755});
}
