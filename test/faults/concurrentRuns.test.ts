// Two trifecta processes on one results directory: while one holds the lock (here the test, with
// the same acquireResultsLock the runner uses), every writing command refuses, naming the lock,
// and the record the holder is writing stays exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {acquireResultsLock, lockPath} from '../../source/output/lock.js';
import {faultLab, modelOf, seedResults, type Lab} from './harness.js';

let lab: Lab | null = null;
let release: (() => Promise<void>) | null = null;
afterEach(async () => {
	await release?.();
	release = null;
	await lab?.close();
	lab = null;
});

const writing = [['pull', 'qwen2.5:32b'], ['bench', 'qwen2.5:14b'], ['compare', 'qwen2.5:14b', '--no-claude'], ['tools', 'qwen2.5:14b'], ['run', '--yes'], ['configs', 'mistral-small:22b'], ['report']];

describe('a second trifecta on the same results directory', () => {
	it.each(writing)('trifecta %s refuses naming the lock, exit 1, the holder’s record unchanged', async (...args) => {
		lab = await faultLab();
		const before = seedResults(lab.dir, ['mistral-small:22b']);
		release = await acquireResultsLock(lab.dir);

		const result = await lab.cli(args);

		expect(result.code).toBe(1);
		const refusal = result.stderr.split('\n').filter((line) => line.includes('Another trifecta is running'));
		expect(refusal).toHaveLength(1);
		expect(refusal[0]).toContain(`(lock: ${lockPath(lab.dir)})`);
		expect(refusal[0]).toContain('Wait for it to finish, or pass another --results-dir.');
		expect(fs.readFileSync(lab.resultsPath, 'utf8')).toBe(before);
		expect(fs.existsSync(path.join(lab.dir, 'hybrid-configs.json'))).toBe(false);
		// The holder's lock is still there and still ours.
		expect(fs.existsSync(lockPath(lab.dir))).toBe(true);
	});

	it('once the first one is done, the second goes through, merges into the record and leaves no lock behind', async () => {
		lab = await faultLab();
		seedResults(lab.dir, ['mistral-small:22b']);
		release = await acquireResultsLock(lab.dir);
		expect((await lab.cli(['bench', 'qwen2.5:14b'])).code).toBe(1);
		await release();
		release = null;

		const after = await lab.cli(['bench', 'qwen2.5:14b']);

		expect(after.code).toBe(0);
		expect(fs.existsSync(lockPath(lab.dir))).toBe(false);
		expect(lab.results().models.map((model) => model.name)).toEqual(['mistral-small:22b', 'qwen2.5:14b']);
	});

	it.each([
		['pull', 'qwen2.5:32b', '/api/pull'],
		['bench', 'qwen2.5:14b', '/api/generate'],
	])('trifecta %s refuses before downloading or measuring anything', async (command, model, route) => {
		lab = await faultLab();
		release = await acquireResultsLock(lab.dir);

		const result = await lab.cli([command, model]);

		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`(lock: ${lockPath(lab.dir)})`);
		// A refusal that comes after a 40 GB download or a 70B benchmark wastes the user's hour.
		const sent = lab.sim.requests.filter((request) => request.path === route && modelOf(request.body) === model);
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([]);
	});

	it('a read-only command (doctor) still works while a run holds the directory', async () => {
		lab = await faultLab();
		release = await acquireResultsLock(lab.dir);
		const result = await lab.cli(['doctor', '--json']);
		expect(result.code).toBe(0);
		expect((JSON.parse(result.stdout) as {models: unknown[]}).models.length).toBeGreaterThan(0);
	});
});
