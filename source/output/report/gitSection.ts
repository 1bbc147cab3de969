// Section 7: the working directory's recent history, when it is a git repository.
import {execFileSync} from 'node:child_process';
import {fence} from './markdown.js';

export type GitResult = {ok: true; stdout: string} | {ok: false; error: string};
/** Runs git with args in cwd; injected so tests need no repository. */
export type GitRunner = (args: string[], cwd: string) => GitResult;

export const runGit: GitRunner = (args, cwd) => {
	try {
		return {ok: true, stdout: execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000})};
	} catch (error) {
		const stderr = (error as {stderr?: string | Buffer}).stderr;
		return {ok: false, error: (stderr ? String(stderr) : (error as Error).message).trim()};
	}
};

export function formatGitSection(cwd: string, git: GitRunner): string {
	const result = git(['log', '--oneline', '-n', '20'], cwd);
	if (result.ok) {
		const log = result.stdout.trim();
		return log === '' ? `\`git log --oneline\` in ${cwd}: no commits yet.` : `\`git log --oneline -n 20\` in ${cwd}:\n\n${fence(log)}`;
	}
	if (/not a git repository/i.test(result.error)) return `${cwd} is not a git repository, so there is no history to show.`;
	if (/does not have any commits/i.test(result.error)) return `\`git log --oneline\` in ${cwd}: no commits yet.`;
	return `git log could not be read in ${cwd}: ${result.error.split('\n')[0] ?? 'unknown error'}.`;
}
