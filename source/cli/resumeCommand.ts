// What to type to pick up where a run stops (the wizard's quit note and banner, the Done page's
// next step, `run`'s canceled message): the folders that were named, so the resumed run reads the
// same results and patches the same pipeline.
import path from 'node:path';
import {demoResultsDir} from './demoDir.js';
import type {GlobalFlags} from './types.js';

/** `command`: the subcommand to resume with (`run`), none for the wizard. The demo's own results folder, or ./results, needs no --results-dir. */
export function resumeCommand(flags: GlobalFlags, env: NodeJS.ProcessEnv, cwd = process.cwd(), command?: string): string {
	const npm = env['npm_lifecycle_event'] === 'start';
	const words = [npm ? 'npm start' : 'trifecta'];
	if (command) words.push(command);
	if (flags.demo) words.push('--demo');
	if (flags.resultsDir !== (flags.demo ? demoResultsDir() : path.resolve(cwd, 'results'))) words.push('--results-dir', flags.resultsDir);
	// Without it, the configs would go into the working directory's pipeline (or the demo's sample).
	if (flags.pipelineDirNamed) words.push('--pipeline-dir', flags.pipelineDir);
	if (npm && words.length > 1) words.splice(1, 0, '--');
	return words.join(' ');
}
