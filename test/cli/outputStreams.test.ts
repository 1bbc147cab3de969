// Every command's result on stdout, its progress and warnings on stderr; with --json, stdout is
// one JSON document and nothing else. The built CLI against the simulator, as a script would
// run it (`trifecta bench qwen2.5:14b > rates.txt` keeps the rates, not the progress).
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/types.js';
import {runCli, type CliResult} from '../helpers/runCli.js';

let sim: SimulatorHandle;
let dir = '';

beforeAll(async () => {
	sim = await startSimulator({installed: ['qwen2.5:14b', 'mistral-small:22b']});
	dir = mkdtempSync(path.join(os.tmpdir(), 'trifecta-streams-'));
});
afterAll(async () => {
	await sim.close();
	rmSync(dir, {recursive: true, force: true});
});

function trifecta(args: string[]): Promise<CliResult> {
	const argv = args.map((arg) => (arg === '<dir>' ? dir : arg));
	return runCli([...argv, '--host', sim.url, '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], {
		env: {XDG_CONFIG_HOME: path.join(dir, 'xdg'), ANTHROPIC_BASE_URL: sim.anthropicUrl, ANTHROPIC_API_KEY: 'sk-ant-test'},
		timeoutMs: 90_000,
	});
}

/** jsonProgress: what stderr says on the --json run, when not `progress` (the run resumes finished). */
type Case = {args: string[]; result: RegExp; progress: RegExp | null; jsonProgress?: RegExp};

// In order: the run needs nothing before it, report and configs read what it saved. '<dir>': the test's folder.
const cases: Case[] = [
	{args: ['pull', 'qwen2.5:14b'], result: /qwen2\.5:14b is already installed/, progress: null},
	{args: ['bench', 'qwen2.5:14b', '--reps', '1'], result: /decode\s+\d+\.\d\d/, progress: /warm-up: loading qwen2\.5:14b/},
	{args: ['compare', 'qwen2.5:14b', '--no-claude'], result: /qwen2\.5:14b trader: quality/, progress: /qwen2\.5:14b trader \(market-context\): running/},
	{args: ['tools', 'qwen2.5:14b'], result: /qwen2\.5:14b native: \d+\/\d+ passed/, progress: /testing tool calling for qwen2\.5:14b/},
	{args: ['run', '--yes', '--reps', '1', '--pipeline-dir', '<dir>'], result: /^recommendation: /m, progress: /decision \(round 1\)/, jsonProgress: /recommendation: /},
	{args: ['report'], result: /Report.*: .*TASK_005_REPORT\.md/, progress: null},
	{args: ['configs'], result: /Saved to .*hybrid-configs\.json/, progress: null},
	{args: ['doctor'], result: /Preflight/, progress: null},
];

describe('output streams', () => {
	for (const {args, result, progress, jsonProgress} of cases) {
		it(`trifecta ${args[0]}: the result on stdout, progress on stderr; --json keeps stdout to the document`, async () => {
			const plain = await trifecta(args);
			expect(plain.code, plain.stderr).toBe(0);
			expect(plain.stdout).toMatch(result);
			expect(plain.stderr).not.toMatch(result);
			if (progress) {
				expect(plain.stderr).toMatch(progress);
				expect(plain.stdout).not.toMatch(progress);
			}

			const json = await trifecta([...args, '--json']);
			expect(json.code, json.stderr).toBe(0);
			expect(() => JSON.parse(json.stdout), json.stdout).not.toThrow();
			// The lines a person reads go to stderr instead, result lines included.
			if (progress) expect(json.stderr).toMatch(jsonProgress ?? progress);
		}, 180_000);
	}
});
