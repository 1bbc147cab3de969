import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {acquireResultsLock, lockPath, LOCK_NAME} from '../../source/output/lock.js';
import {ResultsLockedError} from '../../source/output/errors.js';
import {tempDir} from './helpers.js';

describe('results lock', () => {
	it('lets one holder in; a second acquire fails naming the lock; release lets it in again', async () => {
		const dir = tempDir();
		const release = await acquireResultsLock(dir);
		expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(true);
		const second = acquireResultsLock(dir);
		await expect(second).rejects.toBeInstanceOf(ResultsLockedError);
		await expect(acquireResultsLock(dir)).rejects.toThrow(lockPath(dir));
		await expect(acquireResultsLock(dir)).rejects.toThrow(/[Aa]nother trifecta is running/);
		await release();
		expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(false);
		const again = await acquireResultsLock(dir);
		await again();
	});

	it('creates the results directory when it does not exist yet', async () => {
		const dir = path.join(tempDir(), 'nested', 'results');
		const release = await acquireResultsLock(dir);
		expect(fs.existsSync(dir)).toBe(true);
		await release();
	});

	it('recovers a stale lock left by a dead process', async () => {
		const dir = tempDir();
		// A dead process leaves the lock directory behind and stops refreshing its mtime.
		fs.mkdirSync(lockPath(dir));
		const old = new Date(Date.now() - 60_000);
		fs.utimesSync(lockPath(dir), old, old);
		const release = await acquireResultsLock(dir, {staleMs: 5000});
		await release();
	});

	it('a fresh lock from another holder is not taken over', async () => {
		const dir = tempDir();
		fs.mkdirSync(lockPath(dir));
		await expect(acquireResultsLock(dir, {staleMs: 5000})).rejects.toThrow(/rm -r/);
	});
});
