import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {safeSubjectName, writeTranscript} from '../../source/output/transcripts.js';
import {UnsafeNameError} from '../../source/output/errors.js';
import {checkModelName} from '../../source/domain/modelName.js';
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

	it('writes the transcript of a long valid name, in a shortened folder that stays readable and unique', () => {
		const dir = tempDir();
		// Valid names that encode past the file system's 255 bytes: a long plain one, and one with '_' (percent-encoded whole).
		const long = `${'a'.repeat(100)}.com/${'n'.repeat(70)}/${'m'.repeat(80)}:${'t'.repeat(80)}`;
		const underscored = `${'n_'.repeat(35)}/${'m_'.repeat(40)}:${'t_'.repeat(40)}`;
		for (const name of [long, underscored]) expect(checkModelName(name)).toEqual({ok: true});
		const sibling = `${long.slice(0, -1)}u`;
		const folders = [long, underscored, sibling].map((name) => {
			const relative = writeTranscript(dir, name, 'trader', 'FINAL TRANSACTION PROPOSAL: **HOLD**', {simulated: false});
			expect(fs.readFileSync(path.join(dir, relative), 'utf8')).toContain(`- model: ${name}`);
			return relative.split('/')[1]!;
		});
		expect(new Set(folders).size).toBe(3);
		for (const folder of folders) expect(Buffer.byteLength(folder)).toBeLessThanOrEqual(120);
		expect(folders[0]).toMatch(/^a{100}=[0-9a-f]{16}$/);
		// Never half an escape before the hash.
		expect(folders[1]).toMatch(/^(?:n%5F){2}[^=]*[^%=]=[0-9a-f]{16}$/);
		expect(folders[1]).not.toMatch(/%[0-9A-F]?=/);
		// A name short enough keeps its familiar folder.
		expect(safeSubjectName(`${'a'.repeat(60)}:${'c'.repeat(59)}`)).toBe(`${'a'.repeat(60)}_${'c'.repeat(59)}`);
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
