// Every file trifecta writes goes through here (docs/reference/terminal.md §7). A file is written to a
// random temp file created exclusively ('wx') in the same folder, flushed, then renamed over the
// target: a crash leaves the old file or the new one, never half of one, and rename replaces a
// link rather than writing through it. Before that, every path component from the root folder
// (results, docs or pipeline folder) down to the file is lstat-ed: a symbolic link anywhere is
// refused with a message naming it, so nothing is written outside that folder.
import fs from 'node:fs';
import path from 'node:path';
import {randomBytes} from 'node:crypto';

/** A symbolic link (or something that is not a folder) inside a folder trifecta writes to. */
export class UnsafePathError extends Error {
	override readonly name = 'UnsafePathError';
	readonly link: string;

	constructor(link: string, reason: 'symlink' | 'not-a-folder' | 'not-a-file' | 'outside') {
		super(
			reason === 'outside'
				? `Refusing to write ${link}: it is outside the folder trifecta writes to.`
				: reason === 'symlink'
				? `Refusing to write through the symbolic link ${link}: it could point outside the folder trifecta writes to. Remove the link (or replace it with a real file or folder) and run the same command again.`
				: reason === 'not-a-folder'
					? `${link} is not a folder (a file or device is in the way): move it aside and run the same command again.`
					: `${link} is not a regular file: move it aside and run the same command again.`,
		);
		this.link = link;
	}
}

export type SafeWriteOptions = {
	/** Mode of a new file; a replaced file keeps its own (a patched Python file may be executable). */
	mode?: number;
	/**
	 * The folder the file must stay inside (results, docs or pipeline folder): components below it
	 * are checked, the folder itself is the user's choice. Defaults to the file's own folder.
	 */
	root?: string;
};

/** Creates the folders from `root` down to `dir`, refusing any component that is a link or not a folder. */
export function ensureFolderInside(root: string, dir: string): void {
	const absoluteRoot = path.resolve(root);
	const absoluteDir = path.resolve(dir);
	const relative = path.relative(absoluteRoot, absoluteDir);
	if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UnsafePathError(absoluteDir, 'outside');
	fs.mkdirSync(absoluteRoot, {recursive: true});
	let current = absoluteRoot;
	for (const part of relative === '' ? [] : relative.split(path.sep)) {
		current = path.join(current, part);
		const stat = lstatOrNull(current);
		if (stat === null) {
			try {
				fs.mkdirSync(current);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			// Whatever is there now (ours, or planted in between) is checked like any other component.
			checkFolder(current, fs.lstatSync(current));
		} else {
			checkFolder(current, stat);
		}
	}
}

function checkFolder(component: string, stat: fs.Stats): void {
	if (stat.isSymbolicLink()) throw new UnsafePathError(component, 'symlink');
	if (!stat.isDirectory()) throw new UnsafePathError(component, 'not-a-folder');
}

function lstatOrNull(file: string): fs.Stats | null {
	try {
		return fs.lstatSync(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** Refuses a target that is a link or not a regular file; returns its mode when it exists. */
function checkTarget(file: string): number | undefined {
	const stat = lstatOrNull(file);
	if (stat === null) return undefined;
	if (stat.isSymbolicLink()) throw new UnsafePathError(file, 'symlink');
	if (!stat.isFile()) throw new UnsafePathError(file, 'not-a-file');
	return stat.mode & 0o777;
}

/** Refuses `file` (and every folder between `root` and it) when any is a symbolic link or of the wrong kind, before anything is written. */
export function assertSafeTarget(file: string, root?: string): void {
	const dir = path.dirname(path.resolve(file));
	ensureFolderInside(root ?? dir, dir);
	checkTarget(file);
}

/** Writes (or replaces) `file` with `content` inside `options.root`: temp file in the same folder, then rename. */
export function writeFileSafe(file: string, content: string | Uint8Array, options: SafeWriteOptions = {}): void {
	const dir = path.dirname(path.resolve(file));
	ensureFolderInside(options.root ?? dir, dir);
	const mode = options.mode ?? checkTarget(file) ?? 0o644;
	if (options.mode !== undefined) checkTarget(file);
	const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	let fd: number | null = null;
	try {
		fd = fs.openSync(temp, 'wx', mode);
		fs.writeFileSync(fd, content);
		fs.fsyncSync(fd);
		fs.closeSync(fd);
		fd = null;
		fs.renameSync(temp, file);
	} catch (error) {
		if (fd !== null) fs.closeSync(fd);
		fs.rmSync(temp, {force: true});
		throw namingTarget(error, file);
	}
}

/** A write through a file descriptor fails without a path ("ENOSPC: no space left on device, write"): name the file the user knows. */
function namingTarget(error: unknown, file: string): unknown {
	if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as NodeJS.ErrnoException).path !== 'string') {
		(error as NodeJS.ErrnoException).path = path.resolve(file);
	}
	return error;
}

/** The temp file writeFileSafe makes beside `.<name>`: the writer's process id is its third part. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, it is someone else's.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the temp files a killed writer left under `dir` (SIGKILL runs no cleanup): only ours by
 * their name, and only those whose process is gone, so a live writer's file is never pulled from
 * under it. Returns what it removed.
 */
export function removeOrphanTemps(dir: string): string[] {
	let entries: fs.Dirent[];
	try {
		entries = fs.readdirSync(dir, {recursive: true, withFileTypes: true});
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const entry of entries) {
		const pid = entry.isFile() ? TEMP_NAME.exec(entry.name)?.[1] : undefined;
		if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
		const file = path.join(entry.parentPath, entry.name);
		fs.rmSync(file, {force: true});
		removed.push(file);
	}
	return removed;
}

/**
 * Creates `file` only if nothing is there (not even a dangling link: 'wx' refuses one), e.g. a
 * backup. Returns false when it exists already as a regular file; refuses a link.
 */
export function createFileExclusive(file: string, content: string | Uint8Array, options: SafeWriteOptions = {}): boolean {
	const dir = path.dirname(path.resolve(file));
	ensureFolderInside(options.root ?? dir, dir);
	if (checkTarget(file) !== undefined) return false;
	try {
		fs.writeFileSync(file, content, {flag: 'wx', mode: options.mode ?? 0o644});
	} catch (error) {
		// Something appeared between the check and the create: a link planted meanwhile is refused by 'wx'.
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			checkTarget(file);
			return false;
		}
		throw error;
	}
	return true;
}
