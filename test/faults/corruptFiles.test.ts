// Broken files on disk: a corrupt settings file is set aside with a warning and the tool goes on;
// a corrupt results file is never overwritten, and every command says which file and what to do.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {faultLab, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const CORRUPT_CONF = '{"settings": {"threshold": 8.5, "reps": 2';

function confFile(current: Lab): string {
	return path.join(current.confHome, 'trifecta-nodejs', 'config.json');
}

function writeCorruptConf(current: Lab): void {
	fs.mkdirSync(path.dirname(confFile(current)), {recursive: true});
	fs.writeFileSync(confFile(current), CORRUPT_CONF);
}

/** The corrupt file, renamed beside the new one, with its bytes intact. */
function keptAside(current: Lab): string[] {
	const dir = path.dirname(confFile(current));
	return fs
		.readdirSync(dir)
		.filter((name) => name.startsWith('config.json.corrupt-'))
		.map((name) => path.join(dir, name));
}

function expectSettingsWarning(stderr: string, current: Lab): void {
	const [aside] = keptAside(current);
	expect(aside).toBeDefined();
	const lines = stderr.split('\n').filter((line) => line.startsWith('warning: The settings file'));
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(`warning: The settings file ${confFile(current)} could not be read (`);
	expect(lines[0]).toContain(`; it was kept as ${aside!} and the defaults are used.`);
}

describe('a corrupt settings (conf) file', () => {
	it('trifecta run: recovered with one warning naming where the bad file went; the run completes', async () => {
		lab = await faultLab();
		writeCorruptConf(lab);

		const result = await lab.cli(['run', '--yes', '--json']);

		expect(result.code).toBe(0);
		expectSettingsWarning(result.stderr, lab);
		const aside = keptAside(lab);
		expect(aside).toHaveLength(1);
		expect(fs.readFileSync(aside[0]!, 'utf8')).toBe(CORRUPT_CONF);
		// The new settings file is valid JSON again.
		expect(() => JSON.parse(fs.readFileSync(confFile(lab!), 'utf8')) as unknown).not.toThrow();
		expect((JSON.parse(result.stdout) as {status: string}).status).toBe('done');
		expect(lab.results().recommendation?.model).toEqual(expect.any(String));
	});

	it('trifecta compare: the same warning is shown (the file is moved aside either way)', async () => {
		lab = await faultLab();
		writeCorruptConf(lab);

		const result = await lab.cli(['compare', 'qwen2.5:14b', '--no-claude']);

		expect(result.code).toBe(0);
		expect(keptAside(lab)).toHaveLength(1);
		expectSettingsWarning(result.stderr, lab);
	});
});

describe('a corrupt results file', () => {
	const variants = [
		{name: 'not JSON', bytes: '{"schemaVersion": 1, "models": [tru', detail: /it is not valid JSON \(.+\)/},
		{name: 'JSON of another shape', bytes: '{"schemaVersion": 99, "models": []}\n', detail: /it does not match the results schema \(schemaVersion: .+\)/},
	];
	const commands = [['bench', 'qwen2.5:14b'], ['compare', 'qwen2.5:14b', '--no-claude'], ['tools', 'qwen2.5:14b'], ['pull', 'qwen2.5:32b'], ['run', '--yes'], ['report'], ['configs']];

	for (const variant of variants) {
		// Every command on broken JSON; the schema check is the same read, so two commands suffice for it.
		const run = variant.name === 'not JSON' ? commands : commands.filter(([command]) => command === 'bench' || command === 'report');
		it.each(run)(`${variant.name}: trifecta %s refuses with one line naming the file, exit 1, the bytes untouched, nothing measured`, async (...args) => {
			lab = await faultLab();
			fs.writeFileSync(lab.resultsPath, variant.bytes);

			const result = await lab.cli(args);

			expect(result.code).toBe(1);
			const lines = result.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain(`The results file ${lab.resultsPath} cannot be read: `);
			expect(lines[0]).toMatch(variant.detail);
			expect(lines[0]).toContain('It was left untouched. Move it aside (for example: mv ');
			expect(fs.readFileSync(lab.resultsPath, 'utf8')).toBe(variant.bytes);
			expect(fs.readdirSync(lab.dir).filter((name) => !name.startsWith('.'))).toEqual(['scaling-results.json']);
			// Refused before any measurement: no generation or download reached Ollama.
			expect(lab.sim.requests.filter((request) => request.method === 'POST')).toEqual([]);
		});
	}
});
