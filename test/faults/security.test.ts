// Security: a whole simulated experiment with a recognisable API key leaves the key nowhere (files
// written, config, output, anything sent to Ollama); model names carrying shell or Python
// metacharacters are refused with one line before a single request is made.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {faultLab, SECRET_KEY, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every file under the folders, with whether it holds the key (a list, so a failure names the file). */
function leaks(dirs: string[]): {file: string; leaked: boolean}[] {
	return dirs.flatMap(filesUnder).map((file) => ({file, leaked: fs.readFileSync(file).includes(SECRET_KEY)}));
}

function expectWritten(current: Lab, files: string[]): void {
	for (const file of files) expect({file, exists: fs.existsSync(path.join(current.dir, file))}).toEqual({file, exists: true});
}

const EXPERIMENT_FILES = ['scaling-results.json', 'hybrid-configs.json', 'model_scaling_comparison.txt', 'tool_calling_scaling.txt', 'docs/TASK_005_REPORT.md'];

describe('the API key', () => {
	// A whole experiment with the judge (both orders, a noise-floor sample) asks Claude about four
	// times as often as the baseline alone: more than the default 20 s on a loaded machine.
	it('never appears in anything a whole --demo experiment writes or prints', {timeout: 90_000}, async () => {
		lab = await faultLab();
		const result = await lab.cli(['run', '--yes', '--json', '--demo', '--scenarios', '1'], {env: {ANTHROPIC_API_KEY: SECRET_KEY}});

		expect(result.code).toBe(0);
		expectWritten(lab, EXPERIMENT_FILES);
		expect(filesUnder(path.join(lab.dir, 'transcripts')).length).toBeGreaterThanOrEqual(3);
		expect(result.stdout + result.stderr).not.toContain(SECRET_KEY);
		const scanned = leaks([lab.dir, lab.confHome]);
		expect(scanned.length).toBeGreaterThan(EXPERIMENT_FILES.length);
		expect(scanned.filter((entry) => entry.leaked)).toEqual([]);
	});

	it('never appears anywhere when it is really used against Claude, nor in anything sent to Ollama', {timeout: 90_000}, async () => {
		lab = await faultLab();
		const result = await lab.cli(['run', '--yes', '--json', '--scenarios', '1'], {claude: true});
		expect(result.code).toBe(0);
		// The key was used: the baseline was measured through it.
		const baseline = lab.results().baseline;
		expect(baseline?.status).toBe('ok');
		expect(baseline?.reasoning.trader?.status).toBe('ok');

		const report = await lab.cli(['report'], {claude: true});
		const configs = await lab.cli(['configs', '--json'], {claude: true});
		expect([report.code, configs.code]).toEqual([0, 0]);
		expectWritten(lab, [...EXPERIMENT_FILES, 'transcripts/claude_claude-sonnet-5-5/trader.md']);
		for (const output of [result, report, configs]) expect(output.stdout + output.stderr).not.toContain(SECRET_KEY);
		expect(leaks([lab.dir, lab.confHome]).filter((entry) => entry.leaked)).toEqual([]);
		expect(JSON.stringify(lab.sim.requests)).not.toContain(SECRET_KEY);
	});

	it('is not echoed when Claude rejects it', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'status', status: 401, times: 100});
		const result = await lab.cli(['compare', 'qwen2.5:14b', '--scenarios', '1'], {claude: true});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('The Claude API rejected the API key (401)');
		expect(result.stdout + result.stderr).not.toContain(SECRET_KEY);
		expect(leaks([lab.dir, lab.confHome]).filter((entry) => entry.leaked)).toEqual([]);
	});
});

describe('model names with shell or Python metacharacters', () => {
	const names = ['qwen"; rm -rf /', '$(reboot)', 'a b', "x'); import os #"];
	const commands: {command: string; args: (name: string) => string[]}[] = [
		{command: 'pull', args: (name) => ['pull', name]},
		{command: 'bench', args: (name) => ['bench', 'qwen2.5:14b', name]},
		{command: 'compare', args: (name) => ['compare', name, '--no-claude']},
		{command: 'tools', args: (name) => ['tools', name]},
		{command: 'configs', args: (name) => ['configs', name, '--write', '--yes']},
	];
	it.each(commands)('trifecta $command refuses each of them: exit 2, one line naming it, no request made, nothing written', async ({args}) => {
		lab = await faultLab();
		// configs reads the record first; give it a valid one so the name is what it refuses.
		createResultsStore(lab.dir, {simulated: true}).update(() => undefined);
		const before = fs.readFileSync(lab.resultsPath, 'utf8');
		const current = lab;

		const results = await Promise.all(names.map(async (name) => ({name, result: await current.cli(args(name))})));

		for (const {name, result} of results) {
			expect({name, code: result.code, stdout: result.stdout}).toEqual({name, code: 2, stdout: ''});
			const lines = result.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			// Named as typed, or quoted (JSON-escaped) so the line itself cannot be misread.
			expect([name, JSON.stringify(name)].some((shown) => lines[0]!.includes(shown))).toBe(true);
		}
		expect(lab.sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([]);
		expect(fs.readFileSync(lab.resultsPath, 'utf8')).toBe(before);
		expect(fs.readdirSync(lab.dir).filter((entry) => !entry.startsWith('.'))).toEqual(['scaling-results.json']);
	});
});
