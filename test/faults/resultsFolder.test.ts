// The results folder after a SIGKILL and beside another trifecta: a temp file the killed writer
// left is cleaned up by the next command that takes the folder (a live writer's never is), and
// `report` refuses a folder another trifecta has locked, naming the lock, writing nothing; a
// --docs-dir that is a file is named as such.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {acquireResultsLock, LOCK_NAME} from '../../source/output/lock.js';
import {faultLab, seedResults, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

/** The id of a process that has ended. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'});
	return Number(child.stdout.trim());
}

describe('the results folder', () => {
	it('a temp file left by a killed writer is removed at the next start; a live writer’s is kept', async () => {
		lab = await faultLab();
		seedResults(lab.dir, ['qwen2.5:14b']);
		const orphan = path.join(lab.dir, `.scaling-results.json.${deadPid()}.0badf00d.tmp`);
		const orphanTranscript = path.join(lab.dir, 'transcripts', `.bull.md.${deadPid()}.00c0ffee.tmp`);
		// This test process is alive: a file in its name is someone's write in progress.
		const live = path.join(lab.dir, `.scaling-results.json.${process.pid}.1234abcd.tmp`);
		fs.mkdirSync(path.dirname(orphanTranscript), {recursive: true});
		for (const file of [orphan, orphanTranscript, live]) fs.writeFileSync(file, '{"half": ');

		const result = await lab.cli(['bench', 'qwen2.5:14b']);
		expect(result.code).toBe(0);
		expect({orphan: fs.existsSync(orphan), orphanTranscript: fs.existsSync(orphanTranscript), live: fs.existsSync(live)}).toEqual({orphan: false, orphanTranscript: false, live: true});
	});

	it('report refuses a folder another trifecta holds, naming the lock; nothing is written', async () => {
		lab = await faultLab();
		seedResults(lab.dir, ['qwen2.5:14b']);
		const release = await acquireResultsLock(lab.dir);
		const before = fs.readdirSync(lab.dir).sort();
		try {
			const result = await lab.cli(['report']);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain(`Another trifecta is running and writing to this results directory (lock: ${path.join(lab.dir, LOCK_NAME)})`);
			expect(fs.readdirSync(lab.dir).sort()).toEqual(before);
			expect(fs.existsSync(path.join(lab.dir, 'docs'))).toBe(false);
		} finally {
			await release();
		}
	});

	it('a --docs-dir that is a file: the message names --docs-dir, not --results-dir', async () => {
		lab = await faultLab();
		seedResults(lab.dir, ['qwen2.5:14b']);
		const docs = path.join(lab.dir, 'docs');
		fs.writeFileSync(docs, 'not a folder');
		const result = await lab.cli(['report']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`${docs} exists and is not a folder — move it aside, or pass another --docs-dir`);
		expect(result.stderr).not.toContain('--results-dir');
		expect(fs.readFileSync(docs, 'utf8')).toBe('not a folder');
	});
});
