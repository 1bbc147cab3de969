// The interactive path: the command renders its Ink screen on a (fake) TTY, and Esc cancels.
import stripAnsi from 'strip-ansi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {pullCommand} from '../../../source/cli/commands/pull.js';
import {benchCommand} from '../../../source/cli/commands/bench.js';
import type {CommandModule} from '../../../source/cli/types.js';
import {startSimulator, type SimulatorHandle, type SimulatorOptions} from '../../../source/simulator/index.js';
import {testServices} from '../../helpers/testServices.js';
import {waitFor} from '../../helpers/testUtils.js';

let sim: SimulatorHandle | null = null;
let dir: string | null = null;
afterEach(async () => {
	await sim?.close();
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
	sim = null;
	dir = null;
});

function fakeTty() {
	const stdout = Object.assign(new PassThrough(), {isTTY: true, columns: 80, rows: 40});
	const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin});
	let written = '';
	stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
	return {stdout, stdin, text: () => stripAnsi(written)};
}


async function start(command: CommandModule, args: string[], options: SimulatorOptions) {
	sim = await startSimulator(options);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-tty-'));
	const services = testServices(sim, dir, {settings: {reps: 2}});
	const tty = fakeTty();
	const stderr = new PassThrough();
	const code = command.run({
		args,
		flags: {host: sim.url, json: false, demo: false, yes: false, claude: false, resultsDir: dir, docsDir: dir, promptsDir: '', pipelineDir: dir, write: false},
		io: {stdout: tty.stdout, stderr, stdin: tty.stdin, interactive: true},
		services: async () => services,
	});
	return {tty, code};
}

describe('interactive pull and bench', () => {
	it('pull draws the per-layer screen, and Esc cancels with the resume note (exit 130)', async () => {
		const {tty, code} = await start(pullCommand, ['qwen2.5:32b'], {pace: 1, pullBytesPerSecond: 2e8, installed: []});
		await waitFor(() => /whole model .* [1-9]\d*%/.test(tty.text()), 'the whole-model progress above 0 %', 5000);
		expect(tty.text()).toContain('[SIMULATED]');
		tty.stdin.write('\u001B');
		expect(await code).toBe(130);
		expect(tty.text()).toMatch(/again to resume\s+the download/);
		// The server notices the closed socket a moment later.
		await waitFor(() => sim!.requests.find((request) => request.path === '/api/pull')?.aborted === true, 'the pull request aborted', 5000);
	});

	it('bench draws the verbose block and mean ± sd at the end (exit 0)', async () => {
		const {tty, code} = await start(benchCommand, ['qwen2.5:14b'], {});
		expect(await code).toBe(0);
		const text = tty.text();
		expect(text).toContain('eval rate:');
		expect(text).toMatch(/decode\s+\d+\.\d\d ± \d+\.\d\d t\/s/);
		expect(text).toContain('ceiling  44.50 t/s');
	});
});
