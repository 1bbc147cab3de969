// Preloaded into the CLI child (NODE_OPTIONS=--import) by the disk-full faults: a disk that fills.
// Files written under TRIFECTA_TEST_DISK_DIR share TRIFECTA_TEST_DISK_BYTES bytes; once a write would
// go past them it fails with ENOSPC, as the kernel's does (no path: a write through a descriptor
// names none), and so does every later write there: a full disk stays full.
import {Buffer} from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const dir = process.env.TRIFECTA_TEST_DISK_DIR;
const budget = Number(process.env.TRIFECTA_TEST_DISK_BYTES);

if (dir && Number.isFinite(budget)) {
	const root = path.resolve(dir) + path.sep;
	/** Descriptors opened under the folder. */
	const inside = new Set();
	let used = 0;
	let full = false;
	const under = (target) => typeof target === 'string' && path.resolve(target).startsWith(root);
	const counts = (target) => (typeof target === 'number' ? inside.has(target) : under(target));
	const spend = (bytes) => {
		if (!full && used + bytes <= budget) {
			used += bytes;
			return;
		}
		full = true;
		throw Object.assign(new Error('ENOSPC: no space left on device, write'), {errno: -28, code: 'ENOSPC', syscall: 'write'});
	};
	const size = (data) => (typeof data === 'string' ? Buffer.byteLength(data) : (data?.byteLength ?? 0));

	const {openSync, closeSync, writeFileSync, writeSync} = fs;
	fs.openSync = function (target, ...rest) {
		const fd = openSync.call(this, target, ...rest);
		if (under(String(target))) inside.add(fd);
		return fd;
	};
	fs.closeSync = function (fd) {
		inside.delete(fd);
		return closeSync.call(this, fd);
	};
	fs.writeFileSync = function (target, data, ...rest) {
		if (counts(target)) spend(size(data));
		return writeFileSync.call(this, target, data, ...rest);
	};
	fs.writeSync = function (fd, data, ...rest) {
		if (counts(fd)) spend(size(data));
		return writeSync.call(this, fd, data, ...rest);
	};
}
