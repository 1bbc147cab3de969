// A disk that fills during `trifecta run`: the run ends within seconds with "the disk is full",
// exit 1, the results file still valid and holding what was saved before. Twice: with writes
// that fail after a byte budget (diskBudget.mjs, always), and on a real tmpfs too small for the
// run (when this machine lets the test mount one: it needs root).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {faultLab, type Lab} from './harness.js';

const DISK_BUDGET_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'diskBudget.mjs');
const FIRST = 'qwen2.5:14b';

let lab: Lab | null = null;
let mounted: string | null = null;
afterEach(async () => {
	// Lazily: a child killed by a timeout may still hold the folder for a moment.
	if (mounted !== null) execFileSync('umount', ['-l', mounted]);
	mounted = null;
	await lab?.close();
	lab = null;
});

/** Mounts a tmpfs of `size` over `dir`; the reason it cannot when it cannot. */
function mountTmpfs(dir: string, size: string): string | null {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], {stdio: 'pipe'});
		mounted = dir;
		return null;
	} catch (error) {
		return `cannot mount a tmpfs here (${String((error as {stderr?: unknown}).stderr ?? error).trim() || 'mount failed'}); the injected ENOSPC case covers the same path`;
	}
}

type Summary = {status: string; models: {name: string; speed?: unknown}[]; error?: {message: string; code: number}};

function expectDiskFullEnding(current: Lab, result: {code: number | null; stdout: string; stderr: string}): void {
	expect(result.code).toBe(1);
	expect(result.stderr).toMatch(new RegExp(`The disk is full: could not write ${current.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+`));
	expect(result.stderr).toContain('Results measured so far are kept in');
	// What was saved before the disk filled is still there, in a file the next run can read.
	const saved = current.results();
	expect(saved.models.find((model) => model.name === FIRST)?.speed?.evalRate.samples.length).toBeGreaterThan(0);
	expect(fs.readdirSync(current.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

describe('a disk that fills during run', () => {
	it('writes failing with ENOSPC after the first model is measured: exit 1 in seconds, "the disk is full", the record kept', {timeout: 30_000}, async () => {
		lab = await faultLab();
		const result = await lab.cli(['run', '--yes', '--no-claude', '--json'], {
			timeoutMs: 15_000,
			env: {NODE_OPTIONS: `--import=${DISK_BUDGET_PRELOAD}`, TRIFECTA_TEST_DISK_DIR: lab.dir, TRIFECTA_TEST_DISK_BYTES: '300000'},
		});
		expectDiskFullEnding(lab, result);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary.status).toBe('failed');
		expect(summary.models.map((model) => model.name)).toContain(FIRST);
	});

	it('on a tmpfs that fills: exit 1 in seconds, "the disk is full", the record kept', {timeout: 30_000}, async (ctx) => {
		lab = await faultLab();
		const cannot = mountTmpfs(lab.dir, '200k');
		if (cannot !== null) ctx.skip(cannot);
		const result = await lab.cli(['run', '--yes', '--no-claude'], {timeoutMs: 15_000, env: {XDG_CONFIG_HOME: path.join(lab.dir, 'conf')}});
		expectDiskFullEnding(lab, result);
	});
});
