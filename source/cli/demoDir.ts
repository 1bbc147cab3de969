// Where --demo keeps its results when no --results-dir is given: its own file, so a command can
// ask without loading the argument parser (which loads the command registry).
import path from 'node:path';
import envPaths from 'env-paths';

/**
 * The demo's one folder, in the user's cache directory (~/.cache/trifecta-nodejs/demo on Linux,
 * ~/Library/Caches/trifecta-nodejs/demo on macOS): the same every run, so the demo resumes.
 */
export function demoResultsDir(): string {
	return path.join(envPaths('trifecta').cache, 'demo');
}
