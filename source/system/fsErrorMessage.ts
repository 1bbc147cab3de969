// File-system failures in words a user can act on, naming the path, instead of raw errno text
// ("EACCES: permission denied, mkdir …"). Pure: the CLI's one failure describer calls it.

type ErrnoLike = {code?: unknown; path?: unknown; dest?: unknown; syscall?: unknown; folderFlag?: unknown};

/**
 * Names the flag that chose the folder an error happened in (e.g. --docs-dir), so its message
 * tells the user which one to change; without it, messages name --results-dir. Returns the error.
 */
export function withFolderFlag(error: unknown, flag: string): unknown {
	if (typeof error === 'object' && error !== null && 'code' in error) (error as ErrnoLike).folderFlag = flag;
	return error;
}

/** Codes after which no further write can succeed: the disk (or quota) is full, or the file system is read-only. */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/**
 * Whether `error` means nothing more can be written: retrying, or saving the failure itself,
 * would fail the same way, so whoever meets it stops rather than trying again.
 */
export function isOutOfRoom(error: unknown): boolean {
	return typeof error === 'object' && error !== null && NO_ROOM.has(String((error as ErrnoLike).code));
}

/** The user message for a Node file-system error, or null when `error` is not one we recognise. */
export function fsErrorMessage(error: unknown, fallbackPath?: string): string | null {
	if (typeof error !== 'object' || error === null) return null;
	const {code, path, syscall} = error as ErrnoLike;
	if (typeof code !== 'string') return null;
	const where = typeof path === 'string' ? path : (fallbackPath ?? 'a file');
	const flag = typeof (error as ErrnoLike).folderFlag === 'string' ? String((error as ErrnoLike).folderFlag) : '--results-dir';
	const writing = typeof syscall === 'string' && /open|write|mkdir|rename|copyfile|symlink|unlink|rm/.test(syscall);
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return `Permission denied ${writing ? 'writing' : 'reading'} ${where} — check the permissions of that folder, or pass another --results-dir / --docs-dir`;
		case 'ENOTDIR':
			return `${where} is not a folder (a file is in the way) — move that file aside, or pass another folder`;
		case 'EEXIST':
			return syscall === 'mkdir' ? `${where} exists and is not a folder — move it aside, or pass another ${flag}` : `${where} already exists — move it aside and retry`;
		case 'EISDIR':
			return `${where} is a folder where a file was expected — move it aside, or pass another path`;
		case 'ENOSPC':
			return `The disk is full: could not write ${where} — free some space and run the same command again (results already saved are kept)`;
		case 'EDQUOT':
			return `The disk quota is exhausted: could not write ${where} — free some space and run the same command again`;
		case 'EROFS':
			return `${where} is on a read-only file system — pass a writable --results-dir / --docs-dir`;
		case 'ELOOP':
			return `${where} is a symbolic link, which trifecta does not write through — replace it with a real file or folder`;
		case 'ENAMETOOLONG':
			return `The path ${where} is too long for the file system — use a shorter ${flag}`;
		case 'EMFILE':
		case 'ENFILE':
			return `Too many open files while working on ${where} — close other programs or raise the limit (ulimit -n), then retry`;
		case 'ENOENT':
			return `${where} does not exist — check the path`;
		default:
			return null;
	}
}
