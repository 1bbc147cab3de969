import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {safeSubjectName, writeTranscript} from '../../source/output/transcripts.js';
import {UnsafeNameError} from '../../source/output/errors.js';
import {tempDir} from './helpers.js';

describe('transcripts', () => {
	it('writes transcripts/<safe model>/<role>.md with a header and returns the relative path', () => {
		const dir = tempDir();
		const relative = writeTranscript(dir, 'qwen2.5:32b', 'trader', 'Buy it.\nFINAL TRANSACTION PROPOSAL: **BUY**', {
			simulated: false,
			date: new Date('2026-03-04T05:06:07.000Z'),
		});
		expect(relative).toBe('transcripts/qwen2.5_32b/trader.md');
		const text = fs.readFileSync(path.join(dir, relative), 'utf8');
		expect(text).toContain('- model: qwen2.5:32b');
		expect(text).toContain('- role: trader');
		expect(text).toContain('- date: 2026-03-04T05:06:07.000Z');
		expect(text).not.toContain('SIMULATED');
		expect(text.endsWith('FINAL TRANSACTION PROPOSAL: **BUY**\n')).toBe(true);
	});

	it('marks simulated transcripts and names the baseline claude_<model>', () => {
		const dir = tempDir();
		const relative = writeTranscript(dir, 'claude:claude-sonnet-4-5-20250929', 'bull', 'text', {simulated: true});
		expect(relative).toBe('transcripts/claude_claude-sonnet-4-5-20250929/bull.md');
		expect(fs.readFileSync(path.join(dir, relative), 'utf8')).toContain('SIMULATED');
	});

	it('flattens namespaces and refuses names that could escape the folder', () => {
		expect(safeSubjectName('library/qwen2.5:32b')).toBe('library~qwen2.5_32b');
		const dir = tempDir();
		expect(() => writeTranscript(dir, '../../etc/passwd', 'bull', 'x', {simulated: false})).toThrow(UnsafeNameError);
		expect(() => writeTranscript(dir, 'qwen"; rm -rf /', 'bull', 'x', {simulated: false})).toThrow(/Refusing/);
		expect(fs.readdirSync(dir)).toEqual([]);
	});

	it('gives two names two folders (the encoding is injective)', () => {
		const names = ['qwen2.5:32b', 'qwen2.5_32b', 'a_:b', 'a__b', 'a:xb', 'ns/m:t', 'ns_m:t', 'ns-m:t', 'hf.co/u/r:Q4_K_M'];
		const folders = names.map(safeSubjectName);
		expect(new Set(folders).size).toBe(names.length);
	});

	it('writes the model text with escapes removed and controls made visible', () => {
		const dir = tempDir();
		const relative = writeTranscript(dir, 'qwen2.5:32b', 'bull', 'ok\u001b]0;PWNED\u0007 \u001b[2J\u0000end\r\nnext', {simulated: false});
		const bytes = fs.readFileSync(path.join(dir, relative));
		expect(bytes.includes(0x1b)).toBe(false);
		expect(bytes.includes(0x00)).toBe(false);
		expect(bytes.toString('utf8')).toContain('ok \uFFFDend\nnext');
	});

	it('refuses a symlinked transcripts folder, naming the link, and writes nothing through it', () => {
		const dir = tempDir();
		const outside = tempDir();
		fs.symlinkSync(outside, path.join(dir, 'transcripts'));
		expect(() => writeTranscript(dir, 'qwen2.5:32b', 'bull', 'x', {simulated: false})).toThrow(path.join(dir, 'transcripts'));
		expect(fs.readdirSync(outside)).toEqual([]);
	});
});
