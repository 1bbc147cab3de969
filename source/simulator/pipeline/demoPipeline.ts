// `--demo` has no real pipeline to write configs into, so it makes a sample one beside its results:
// a git repository holding the three files trifecta patches, with one commit. The configs step,
// the commit offer and the report's section 7 then work on it as on the team's repository.
import fs from 'node:fs';
import path from 'node:path';
import {runGit, type GitRunner} from '../../system/git.js';
import {writeFileAtomic} from '../../output/atomicWrite.js';
import {DEMO_PIPELINE_FILES} from './files.js';

export const DEMO_PIPELINE_FOLDER = 'demo-pipeline';

const README = `# SIMULATED sample pipeline

Created by \`trifecta --demo\` so the configs step, the commit offer and the report's git history have a
repository to work on. It is not the trading-research pipeline: point trifecta at the real one with
\`--pipeline-dir DIR\`.
`;

export function demoPipelineDir(resultsDir: string): string {
	return path.join(path.resolve(resultsDir), DEMO_PIPELINE_FOLDER);
}

/** The sample pipeline for this results directory, created with its first commit when missing. */
export function ensureDemoPipeline(resultsDir: string, git: GitRunner = runGit): string {
	const dir = demoPipelineDir(resultsDir);
	if (fs.existsSync(path.join(dir, 'src', 'hybrid_llm.py'))) return dir;
	for (const [relative, content] of Object.entries({'README.md': README, ...DEMO_PIPELINE_FILES})) writeFileAtomic(path.join(dir, relative), content, {root: path.resolve(resultsDir)});
	// The demo's own identity, set in this repository only, so its commits work on any machine.
	const steps = [
		['init', '-q'],
		['config', 'user.name', 'trifecta demo'],
		['config', 'user.email', 'demo@trifecta.invalid'],
		['config', 'commit.gpgsign', 'false'],
		['add', '-A'],
		['commit', '-q', '-m', 'feat: add hybrid configs for qwen2.5:14b (SIMULATED sample pipeline)'],
	];
	for (const args of steps) if (!git(args, dir).ok) break;
	return dir;
}
