// One trifecta per results directory: two processes merging into the same JSON would each
// overwrite the other's measurements. proper-lockfile's mkdir lock is refreshed while we live,
// so a lock left by a dead process goes stale and is taken over.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {ResultsLockedError} from './errors.js';

export const LOCK_NAME = '.trifecta.lock';
const DEFAULT_STALE_MS = 15_000;

export type LockOptions = {
	/** A lock not refreshed for this long belongs to a dead process (min 2000, proper-lockfile's floor). */
	staleMs?: number;
	/** Called when the lock was taken from us (e.g. the machine slept past staleMs). */
	onCompromised?: (error: Error) => void;
};

export function lockPath(dir: string): string {
	return path.join(path.resolve(dir), LOCK_NAME);
}

/** Results directories this process holds, so a session's own writes never trip over its runner's lock. */
const heldHere = new Set<string>();

/** Whether this process already holds the lock of dir (taken by either function below). */
export function isResultsLockHeldHere(dir: string): boolean {
	return heldHere.has(path.resolve(dir));
}

function lockedError(file: string, staleMs: number): ResultsLockedError {
	return new ResultsLockedError(file, Math.round(staleMs / 1000));
}

/** Take the results directory. Resolves to release(); throws ResultsLockedError when held. */
export async function acquireResultsLock(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
	const absoluteDir = path.resolve(dir);
	fs.mkdirSync(absoluteDir, {recursive: true});
	const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, 2000);
	const file = lockPath(absoluteDir);
	try {
		const release = await lockfile.lock(absoluteDir, {
			lockfilePath: file,
			stale: staleMs,
			retries: 0,
			// The default throws from a timer and would crash the UI; a compromised lock is only worth a warning.
			onCompromised: options.onCompromised ?? (() => undefined),
		});
		heldHere.add(absoluteDir);
		let released = false;
		return async () => {
			if (released) return;
			released = true;
			heldHere.delete(absoluteDir);
			await release();
		};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(file, staleMs);
		throw error;
	}
}

/**
 * The synchronous form, for a first write that finds the directory not yet taken (commands that
 * write without a runner: pull, bench, compare, tools). Throws ResultsLockedError when another
 * process holds it; resolves to release(). Use isResultsLockHeldHere() first: this process's own
 * lock counts as held, like any other.
 */
export function acquireResultsLockSync(dir: string, options: LockOptions = {}): () => void {
	const absoluteDir = path.resolve(dir);
	fs.mkdirSync(absoluteDir, {recursive: true});
	const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, 2000);
	const file = lockPath(absoluteDir);
	try {
		const release = lockfile.lockSync(absoluteDir, {
			lockfilePath: file,
			stale: staleMs,
			onCompromised: options.onCompromised ?? (() => undefined),
		});
		heldHere.add(absoluteDir);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			heldHere.delete(absoluteDir);
			release();
		};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(file, staleMs);
		throw error;
	}
}
