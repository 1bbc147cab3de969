// Every file trifecta writes goes through here; the work is done by system/safeWrite.ts: a temp
// file in the same directory then rename (a crash or Ctrl+C leaves the old file or the new one),
// and no symbolic link followed on the way inside `root`.
import {writeFileSafe, type SafeWriteOptions} from '../system/safeWrite.js';

export function writeFileAtomic(file: string, content: string, options: SafeWriteOptions = {}): void {
	writeFileSafe(file, content, options);
}
