// Global setup of the tests that run dist/ (vitest.config.ts, project "dist"): build it when it is
// older than the sources, so a test never passes against an old build.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildIfStale} from '../../scripts/buildState.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): void {
	const status = buildIfStale(root, (reason) => process.stderr.write(`dist/ is stale (${reason}): building it before the tests that run it…\n`));
	if (status !== 0) throw new Error('npm run build failed, so the tests that run dist/ cannot run: see its output above.');
}
