// The configs commit in the pipeline repository: its message in the seed's style, the files it
// takes, and what will run, shown before the user says yes.
import path from 'node:path';
import {commitCommands, commitFiles, isGitRepository, runGit, type CommitResult, type GitRunner} from '../../system/git.js';

export function configsCommitMessage(model: string): string {
	return `feat: add hybrid configs for ${model}`;
}

export type CommitPlan = {pipelineDir: string; message: string; files: string[]; commands: string[]};

/** null when the pipeline folder is not a git repository (nothing to offer). */
export function planConfigsCommit(pipelineDir: string, written: string[], model: string, git: GitRunner = runGit): CommitPlan | null {
	if (written.length === 0 || !isGitRepository(pipelineDir, git)) return null;
	const files = written.map((file) => path.relative(pipelineDir, file));
	const message = configsCommitMessage(model);
	return {pipelineDir, message, files, commands: commitCommands(files, message).map((argv) => argv.map(shellQuote).join(' '))};
}

/** Only for showing the command: it is run with an argument array, not through a shell. */
function shellQuote(arg: string): string {
	return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function formatCommitPlan(plan: CommitPlan): string {
	return [`Commit the configs in ${plan.pipelineDir}:`, ...plan.commands.map((command) => `  ${command}`)].join('\n');
}

export function applyConfigsCommit(plan: CommitPlan, git: GitRunner = runGit): CommitResult {
	return commitFiles(plan.pipelineDir, plan.files, plan.message, git);
}
