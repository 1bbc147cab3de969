// One trifecta per results directory: two processes merging into the same JSON would each
// overwrite the other's measurements. proper-lockfile's mkdir lock is refreshed while we live,
// so a lock left by a dead process goes stale and is taken over.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {removeOrphanTemps} from '../system/safeWrite.js';
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
		// Ours now: what a killed trifecta was writing here is garbage (its old file is intact).
		removeOrphanTemps(absoluteDir);
		let released = false;
		return async () => {
			if (released) return;
			released = true;
			await release();
		};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(file, staleMs);
		throw error;
	}
}
