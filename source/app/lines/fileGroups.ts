// The files a run wrote, as few lines as a screen can hold whole: grouped under the outermost
// folder that holds them (a real run writes into the pipeline's folder, the demo into its results
// folder), the patch's backups counted rather than listed. A list cut at the terminal's bottom
// would hide the report and charts without saying so.
import path from 'node:path';
import {BACKUP_SUFFIX} from '../../output/configs/patchPipeline.js';

export function fileGroups(files: readonly string[]): string[] {
	const backups = files.filter((file) => file.endsWith(BACKUP_SUFFIX));
	const listed = [...new Set(files.filter((file) => !file.endsWith(BACKUP_SUFFIX)))];
	const folders = [...new Set(listed.map((file) => path.dirname(file)))].sort((a, b) => a.length - b.length);
	const rootOf = (folder: string): string => folders.find((candidate) => folder === candidate || folder.startsWith(`${candidate}${path.sep}`)) ?? folder;
	const groups = new Map<string, string[]>();
	for (const file of listed) {
		const root = rootOf(path.dirname(file));
		groups.set(root, [...(groups.get(root) ?? []), path.relative(root, file)]);
	}
	const lines = [...groups].map(([root, names]) => `${root}${path.sep}: ${names.join(', ')}`);
	if (backups.length > 0) {
		lines.push(`and ${backups.length} backup${backups.length === 1 ? '' : 's'} of the patched files beside them (*${BACKUP_SUFFIX})`);
	}
	return lines;
}
