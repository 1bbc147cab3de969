// Every file trifecta writes goes through here: a temp file in the same directory, then rename,
// so a crash or Ctrl+C leaves either the old file or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import {randomBytes} from 'node:crypto';

export function writeFileAtomic(file: string, content: string, options: {mode?: number} = {}): void {
	const dir = path.dirname(file);
	fs.mkdirSync(dir, {recursive: true});
	const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	// Keep the mode of a file we replace (a patched Python file may be executable).
	const mode = options.mode ?? existingMode(file);
	try {
		fs.writeFileSync(temp, content, mode === undefined ? {encoding: 'utf8'} : {encoding: 'utf8', mode});
		fs.renameSync(temp, file);
	} catch (error) {
		fs.rmSync(temp, {force: true});
		throw error;
	}
}

function existingMode(file: string): number | undefined {
	try {
		return fs.statSync(file).mode & 0o777;
	} catch {
		return undefined;
	}
}
