// `npm start` rebuilds only when dist/ is older than what goes into it: a fresh build starts
// at once, an edited, added or deleted source file triggers one build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {STAMP, staleReason} from '../../scripts/buildState.mjs';

let root = '';
const BUILT_AT = new Date('2026-01-01T12:00:00Z');
const before = new Date(BUILT_AT.getTime() - 60_000);
const after = new Date(BUILT_AT.getTime() + 60_000);

function write(relative: string, at: Date): void {
	const file = path.join(root, relative);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, relative);
	fs.utimesSync(file, at, at);
}

/** Folders get the time of their last change too (the OS sets it when files are added). */
function settleFolders(at: Date): void {
	for (const dir of ['source', 'source/cli', 'source/prompts', 'dist']) fs.utimesSync(path.join(root, dir), at, at);
}

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-build-'));
	for (const file of ['source/cli.tsx', 'source/cli/help.ts', 'source/prompts/bull.md', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/copy-assets.mjs']) write(file, before);
	write('dist/cli.js', BUILT_AT);
	write(STAMP, BUILT_AT);
	settleFolders(before);
});
afterEach(() => fs.rmSync(root, {recursive: true, force: true}));

describe('staleReason', () => {
	it('is null when every input is older than the last build', () => {
		expect(staleReason(root)).toBeNull();
	});

	it('asks for a build when there is none, or the last one did not finish (no stamp)', () => {
		fs.rmSync(path.join(root, STAMP));
		expect(staleReason(root)).toBe('no build yet');
		write(STAMP, BUILT_AT);
		fs.rmSync(path.join(root, 'dist/cli.js'));
		expect(staleReason(root)).toBe('no build yet');
	});

	it.each([['source/cli/help.ts'], ['source/prompts/bull.md'], ['source/cli.tsx']])('notices an edit to %s', (file) => {
		write(file, after);
		expect(staleReason(root)).toBe('source/ changed since the last build');
	});

	it('notices a deleted source file through its folder', () => {
		fs.rmSync(path.join(root, 'source/cli/help.ts'));
		fs.utimesSync(path.join(root, 'source/cli'), after, after);
		expect(staleReason(root)).toBe('source/ changed since the last build');
	});

	it.each([['tsconfig.build.json'], ['scripts/copy-assets.mjs']])('notices a change to the build itself (%s)', (file) => {
		write(file, after);
		expect(staleReason(root)).toBe(`${file} changed since the last build`);
	});

	it('ignores files that do not go into the build', () => {
		write('test/cli/flags.test.ts', after);
		write('README.md', after);
		expect(staleReason(root)).toBeNull();
	});
});
