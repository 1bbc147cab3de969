// Runs a command module in-process against the simulator, non-interactive, capturing stdout
// and stderr: what a script piping `trifecta compare --json` would see.
import stripAnsi from 'strip-ansi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {startSimulator, type SimulatorHandle, type SimulatorOptions} from '../../../source/simulator/index.js';
import {createResultsStore} from '../../../source/output/resultsStore.js';
import type {CommandModule, GlobalFlags, Services} from '../../../source/cli/types.js';
import {testServices} from '../../helpers/testServices.js';

export type CommandRun = {code: number; stdout: string; stderr: string; servicesCreated: boolean};

export type RunOptions = {
	json?: boolean;
	claude?: boolean;
	onStderr?: (text: string, services: Services) => void;
	/** Interactive: stdout and stdin are fake TTYs (80 columns); called with the screen text so far (ANSI stripped). */
	onScreen?: (screen: string, press: (keys: string) => void) => void;
};

export type CommandHarness = {
	sim: SimulatorHandle;
	dir: string;
	run(command: CommandModule, args: string[], options?: RunOptions): Promise<CommandRun>;
	/** The results file as the runs left it. */
	results(): unknown;
	close(): Promise<void>;
};

export async function commandHarness(sim: SimulatorOptions = {}): Promise<CommandHarness> {
	const handle = await startSimulator(sim);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-cmd-'));
	return {
		sim: handle,
		dir,
		async run(command, args, options = {}) {
			const interactive = options.onScreen !== undefined;
			const stdout = Object.assign(new PassThrough(), interactive ? {isTTY: true, columns: 80, rows: 40} : {});
			const stdin = Object.assign(new PassThrough(), interactive ? {isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin} : {});
			const stderr = new PassThrough();
			let out = '';
			let err = '';
			stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				options.onScreen?.(stripAnsi(out), (keys) => stdin.write(keys));
			});
			const claude = options.claude ?? false;
			const services = testServices(handle, dir, {claude});
			stderr.on('data', (chunk: Buffer) => {
				err += chunk.toString();
				options.onStderr?.(chunk.toString(), services);
			});
			let servicesCreated = false;
			const flags: GlobalFlags = {
				host: handle.url,
				json: options.json ?? false,
				demo: false,
				yes: false,
				claude,
				resultsDir: dir,
				docsDir: path.join(dir, 'docs'),
				promptsDir: '',
				pipelineDir: dir,
				write: false,
			};
			const code = await command.run({
				args,
				flags,
				io: {stdout, stderr, stdin, interactive},
				services: async () => {
					servicesCreated = true;
					return services;
				},
			});
			return {code, stdout: interactive ? stripAnsi(out) : out, stderr: err, servicesCreated};
		},
		results: () => createResultsStore(dir, {simulated: true}).read(),
		async close() {
			await handle.close();
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}
