// Hostile pipeline files under `trifecta configs --write --yes`: a Latin-1 hybrid_llm.py keeps
// every byte outside the patch (it used to turn them into U+FFFD, and the diff hid it); a file in
// an encoding trifecta does not write, a read-only one and a 100 MB one are refused with a message
// and left exactly as they were (the read-only one used to be replaced by the rename).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {completeResults} from '../output/fixtureResults.js';
import {pipelineCopy} from '../output/helpers.js';
import {faultLab, type Lab} from './harness.js';

const CONFIGS = 'src/hybrid_llm.py';

let lab: Lab | null = null;
const pipelines: string[] = [];
afterEach(async () => {
	await lab?.close();
	lab = null;
	for (const dir of pipelines.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

async function labWithResults(): Promise<Lab> {
	const current = await faultLab();
	const results = completeResults();
	createResultsStore(current.dir, {simulated: results.simulated}).update((draft) => Object.assign(draft, results));
	return current;
}

/** The fixture pipeline with src/hybrid_llm.py replaced by `bytes`. */
function pipelineWith(bytes: Buffer): string {
	const dir = pipelineCopy();
	pipelines.push(dir);
	fs.writeFileSync(path.join(dir, CONFIGS), bytes);
	return dir;
}

function fixtureConfigs(): Buffer {
	return fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/pipeline', CONFIGS));
}

const writeArgs = (dir: string) => ['configs', 'qwen2.5:32b', '--write', '--yes', '--pipeline-dir', dir];

describe('pipeline files configs --write meets', () => {
	it('a Latin-1 hybrid_llm.py: patched in Latin-1, every byte outside the patch kept, the diff shows the text as Python reads it', {timeout: 60_000}, async () => {
		lab = await labWithResults();
		const header = Buffer.from('# -*- coding: latin-1 -*-\n# Auteur: Société Générale, façade ½\n', 'latin1');
		const original = Buffer.concat([header, fixtureConfigs()]);
		const dir = pipelineWith(original);

		const result = await lab.cli(writeArgs(dir));
		expect(result.code).toBe(0);
		// The diff's context is the text Python reads, not replacement characters.
		expect(result.stdout).toContain('+    "hybrid_qwen32": HybridLLMConfig(');
		expect(result.stdout + result.stderr).not.toContain('\uFFFD');

		const after = fs.readFileSync(path.join(dir, CONFIGS));
		expect(after.subarray(0, header.length).equals(header)).toBe(true);
		expect(after.includes(Buffer.from('Société', 'utf8'))).toBe(false);
		// Only lines were added: the original bytes are all there, in order, around the inserted block.
		const added = after.length - original.length;
		expect(added).toBeGreaterThan(0);
		let prefix = 0;
		while (prefix < original.length && original[prefix] === after[prefix]) prefix++;
		expect(after.subarray(prefix + added).equals(original.subarray(prefix))).toBe(true);
		// And Python reads the result in its declared encoding.
		expect(execFileSync('python3', ['-c', 'import sys; sys.path.insert(0, "src"); import hybrid_llm; print(len(hybrid_llm.CONFIGS))'], {cwd: dir, encoding: 'utf8'}).trim()).toBe('4');
	});

	it.each([
		['an encoding trifecta does not write (Shift-JIS)', Buffer.concat([Buffer.from('# coding: shift_jis\n'), fixtureConfigs()]), /declares the encoding "shift_jis", which trifecta does not write/],
		['bytes that are not UTF-8 and no declaration', Buffer.concat([Buffer.from('# Soci\xe9t\xe9\n', 'latin1'), fixtureConfigs()]), /not valid UTF-8 and declares no encoding/],
	])('%s: refused with the reason, the file untouched', async (_name, bytes, reason) => {
		lab = await labWithResults();
		const dir = pipelineWith(bytes);
		const result = await lab.cli(writeArgs(dir));
		expect(result.stdout).toMatch(reason);
		expect(fs.readFileSync(path.join(dir, CONFIGS)).equals(bytes)).toBe(true);
	});

	it('a read-only (0444) hybrid_llm.py: refused naming the mode, not replaced', async () => {
		lab = await labWithResults();
		const dir = pipelineWith(fixtureConfigs());
		const file = path.join(dir, CONFIGS);
		fs.chmodSync(file, 0o444);
		const inode = fs.statSync(file).ino;
		const result = await lab.cli(writeArgs(dir));
		expect(result.stdout).toContain(`${CONFIGS}: not changed (it is read-only (mode 0444); not touched: make it writable (chmod u+w)`);
		expect(fs.statSync(file).ino).toBe(inode);
		expect(fs.statSync(file).mode & 0o777).toBe(0o444);
		expect(fs.readFileSync(file).equals(fixtureConfigs())).toBe(true);
	});

	it('a 100 MB hybrid_llm.py: refused by its size without reading it, memory stays small', async () => {
		lab = await labWithResults();
		const dir = pipelineWith(fixtureConfigs());
		const file = path.join(dir, CONFIGS);
		fs.truncateSync(file, 100 * 1024 * 1024);
		const result = await lab.cli([...writeArgs(dir), '--json'], {env: {NODE_OPTIONS: `--max-old-space-size=96`}});
		expect(result.stderr).toMatch(/src\/hybrid_llm\.py: not changed \(it is 100\.0 MB, more than the 4 MB trifecta reads from a pipeline file; not touched\)/);
		expect(fs.statSync(file).size).toBe(100 * 1024 * 1024);
	});
});
