// A command that writes into the results folder runs holding its lock (output/lock.ts), as the
// runner does: while another trifecta writes there it says so, with what to do, and exits 1.
import {acquireResultsLock} from '../output/lock.js';
import {userMessage} from '../system/userMessage.js';
import type {CommandIO} from './types.js';

export async function holdingResults(dir: string, io: Pick<CommandIO, 'stderr'>, body: () => Promise<number>): Promise<number> {
	let release: () => Promise<void>;
	try {
		release = await acquireResultsLock(dir);
	} catch (error) {
		io.stderr.write(`${userMessage(error)}\n`);
		return 1;
	}
	try {
		return await body();
	} finally {
		await release();
	}
}
