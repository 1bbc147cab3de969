// Whether dist/ was built from the sources as they are now. The build writes dist/.built last;
// anything that goes into it (source/**, prompts included, the tsconfigs, the asset copier) or a
// folder under source/ (its mtime moves when a file is added, renamed or deleted) newer than that
// stamp means the build is stale. Kept to fs.stat calls so `npm start` pays a few ms, not a tsc run.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';

export const STAMP = path.join('dist', '.built');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/bundle.mjs', 'scripts/bundleOptions.mjs', 'scripts/copy-assets.mjs', 'package.json'];

function mtimeMs(file) {
	try {
		return statSync(file).mtimeMs;
	} catch {
		return null;
	}
}

/** The newest modification time under `dir`, folders included. */
function newestUnder(dir) {
	let newest = mtimeMs(dir) ?? 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : (mtimeMs(full) ?? 0));
	}
	return newest;
}

/** @returns {string | null} why dist/ must be rebuilt (relative to `root`), or null when it is current. */
export function staleReason(root) {
	const built = mtimeMs(path.join(root, STAMP));
	if (built === null || mtimeMs(path.join(root, 'dist', 'cli.js')) === null) return 'no build yet';
	if (newestUnder(path.join(root, 'source')) > built) return 'source/ changed since the last build';
	const input = INPUTS.find((file) => (mtimeMs(path.join(root, file)) ?? 0) > built);
	return input ? `${input} changed since the last build` : null;
}

/**
 * Builds when stale (`npm run build`, output shown) and returns its exit status; 0 when current.
 * @param {string} root
 * @param {(reason: string) => void} [announce]
 */
export function buildIfStale(root, announce = () => undefined) {
	const reason = staleReason(root);
	if (reason === null) return 0;
	announce(reason);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	return spawnSync(npm, ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'}).status ?? 1;
}
