// Runs a command module in-process against the simulator, non-interactive, capturing stdout
// and stderr: what a script piping `trifecta compare --json` would see.
import stripAnsi from 'strip-ansi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {startSimulator, type SimulatorHandle, type SimulatorOptions} from '../../../source/simulator/index.js';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {createResultsStore} from '../../../source/output/resultsStore.js';
import {defaultSettings, DEFAULT_CLAUDE_MODEL} from '../../../source/experiment/settings.js';
import type {CommandModule, GlobalFlags, Services} from '../../../source/cli/types.js';
import {testSystem} from '../../helpers/stepHarness.js';

export type CommandRun = {code: number; stdout: string; stderr: string; servicesCreated: boolean};

export type RunOptions = {
	json?: boolean;
	claude?: boolean;
	onStderr?: (text: string, services: Services) => void;
	/** Interactive: stdout and stdin are fake TTYs (80 columns); called with the screen text so far (ANSI stripped). */
	onScreen?: (screen: string, press: (keys: string) => void) => void;
};

// Built from a string: a control character in a regex literal trips no-control-regex.

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
			const controller = new AbortController();
			const claude = options.claude ?? false;
			const services: Services = {
				ollama: createOllamaProvider({host: handle.url}),
				openai: createOpenAICompatProvider({host: handle.url, maxRetries: 0}),
				claude: claude ? createClaudeProvider({apiKey: 'test-key', baseURL: handle.anthropicUrl, model: DEFAULT_CLAUDE_MODEL, maxRetries: 0, warn: () => {}}) : null,
				claudeSkipReason: claude ? null : '--no-claude',
				results: createResultsStore(dir, {simulated: true}),
				settings: {...defaultSettings},
				system: testSystem(),
				simulated: true,
				timeScale: 1,
				signal: controller.signal,
				cancel: () => controller.abort(),
				warnings: [],
				onWarning: () => () => undefined,
			};
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
