// Every git call trifecta makes: the pipeline's history for the report and the configs commit.
// git runs with an argument array, never through a shell, so no path or model name is parsed.
import {execFileSync} from 'node:child_process';

export type GitResult = {ok: true; stdout: string} | {ok: false; error: string};
/** Runs git with args in cwd; injected so tests can fake a failure. */
export type GitRunner = (args: string[], cwd: string) => GitResult;

export const runGit: GitRunner = (args, cwd) => {
	try {
		return {ok: true, stdout: execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000})};
	} catch (error) {
		const failure = error as {code?: string; stderr?: string | Buffer; message: string};
		if (failure.code === 'ENOENT') return {ok: false, error: 'git is not installed (or not on PATH)'};
		return {ok: false, error: (failure.stderr ? String(failure.stderr) : failure.message).trim()};
	}
};

/** The first line of a git failure, which is the one that says what went wrong. */
export function gitError(result: {error: string}): string {
	return result.error.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? 'unknown error';
}

export type LogResult = {kind: 'log'; lines: string[]} | {kind: 'empty'} | {kind: 'not-a-repository'} | {kind: 'error'; message: string};

export function gitLog(dir: string, count: number, git: GitRunner = runGit): LogResult {
	const result = git(['log', '--oneline', '--no-decorate', '--no-color', '-n', String(count)], dir);
	if (result.ok) {
		const lines = result.stdout.split('\n').filter((candidate) => candidate.trim() !== '');
		return lines.length === 0 ? {kind: 'empty'} : {kind: 'log', lines};
	}
	if (/not a git repository/i.test(result.error)) return {kind: 'not-a-repository'};
	if (/does not have any commits/i.test(result.error)) return {kind: 'empty'};
	return {kind: 'error', message: gitError(result)};
}

export function isGitRepository(dir: string, git: GitRunner = runGit): boolean {
	const result = git(['rev-parse', '--is-inside-work-tree'], dir);
	return result.ok && result.stdout.trim() === 'true';
}

/** The git commands commitFiles runs, as a user would type them (shown before asking). */
export function commitCommands(files: string[], message: string): string[][] {
	return [
		['git', 'add', '--', ...files],
		// --only commits these paths and nothing else the user may have staged.
		['git', 'commit', '--only', '-m', message, '--', ...files],
	];
}

export type CommitResult = {ok: true; hash: string} | {ok: false; error: string};

/** Stages and commits exactly `files` (relative to dir) with `message`; the user's identity is git's. */
export function commitFiles(dir: string, files: string[], message: string, git: GitRunner = runGit): CommitResult {
	for (const [, ...args] of commitCommands(files, message)) {
		const result = git(args, dir);
		if (!result.ok) {
			// The add may have run: leave the user's index as it was (the files stay written).
			git(['reset', '-q', '--', ...files], dir);
			return {ok: false, error: gitError(result)};
		}
	}
	const head = git(['rev-parse', '--short', 'HEAD'], dir);
	return head.ok ? {ok: true, hash: head.stdout.trim()} : {ok: false, error: gitError(head)};
}

/** Which of `files` (relative to dir) differ from the last commit, untracked ones included. */
export function changedFiles(dir: string, files: string[], git: GitRunner = runGit): string[] {
	const result = git(['status', '--porcelain', '--untracked-files=all', '--', ...files], dir);
	if (!result.ok) return [];
	// Porcelain v1: two status letters, a space, the path (quoted only when it holds odd characters; ours do not).
	return result.stdout
		.split('\n')
		.filter((entry) => entry.length > 3)
		.map((entry) => entry.slice(3));
}
