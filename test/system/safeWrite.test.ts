import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createFileExclusive, UnsafePathError, writeFileSafe} from '../../source/system/safeWrite.js';

function temp(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-safe-'));
}

describe('writeFileSafe', () => {
	it('writes and replaces a file, leaving no temp file behind', () => {
		const root = temp();
		const file = path.join(root, 'a', 'b.txt');
		writeFileSafe(file, 'one', {root});
		writeFileSafe(file, 'two', {root});
		expect(fs.readFileSync(file, 'utf8')).toBe('two');
		expect(fs.readdirSync(path.dirname(file))).toEqual(['b.txt']);
	});

	it('keeps the mode of a file it replaces', () => {
		const root = temp();
		const file = path.join(root, 'run.py');
		fs.writeFileSync(file, 'x', {mode: 0o755});
		writeFileSafe(file, 'y', {root});
		expect(fs.statSync(file).mode & 0o777).toBe(0o755);
	});

	it('refuses a symlinked folder inside the root, naming the link, and writes nothing outside', () => {
		const root = temp();
		const outside = temp();
		fs.symlinkSync(outside, path.join(root, 'transcripts'));
		expect(() => writeFileSafe(path.join(root, 'transcripts', 'm', 'bull.md'), 'x', {root})).toThrow(UnsafePathError);
		expect(() => writeFileSafe(path.join(root, 'transcripts', 'm', 'bull.md'), 'x', {root})).toThrow(path.join(root, 'transcripts'));
		expect(fs.readdirSync(outside)).toEqual([]);
	});

	it('refuses a target that is a symlink, even a dangling one, and leaves its target alone', () => {
		const root = temp();
		const outside = temp();
		const target = path.join(outside, 'new-file');
		fs.symlinkSync(target, path.join(root, 'report.md'));
		expect(() => writeFileSafe(path.join(root, 'report.md'), 'x', {root})).toThrow(/symbolic link .*report\.md/);
		expect(fs.existsSync(target)).toBe(false);
	});

	it('says a file in the way of a folder is not a folder', () => {
		const root = temp();
		fs.writeFileSync(path.join(root, 'docs'), 'x');
		expect(() => writeFileSafe(path.join(root, 'docs', 'r.md'), 'x', {root})).toThrow(/docs is not a folder/);
	});
});

describe('createFileExclusive', () => {
	it('creates once and keeps the first content', () => {
		const root = temp();
		const file = path.join(root, 'x.bak');
		expect(createFileExclusive(file, 'first', {root})).toBe(true);
		expect(createFileExclusive(file, 'second', {root})).toBe(false);
		expect(fs.readFileSync(file, 'utf8')).toBe('first');
	});

	it('refuses a dangling symlink (existsSync says false, copyFileSync would write through it)', () => {
		const root = temp();
		const outside = temp();
		const target = path.join(outside, 'anywhere');
		fs.symlinkSync(target, path.join(root, 'hybrid_llm.py.trifecta.bak'));
		expect(() => createFileExclusive(path.join(root, 'hybrid_llm.py.trifecta.bak'), 'x', {root})).toThrow(UnsafePathError);
		expect(fs.existsSync(target)).toBe(false);
	});
});
