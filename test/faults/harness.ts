// The fault matrix's bench: a simulator with fault injection in this process, the built CLI
// (dist/cli.js, run `npm run build` first) as a child pointed at it, fresh results and config
// folders, and the results file read back through the zod schema a user's next run would use.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createResultsStore, upsertModel} from '../../source/output/resultsStore.js';
import {resultsFile, type ResultsFile} from '../../source/domain/schema.js';
import {startSimulator, type SimulatorHandle, type SimulatorOptions} from '../../source/simulator/index.js';
import {CLI, cliEnv, type CliResult} from '../helpers/runCli.js';
import {waitFor} from '../helpers/testUtils.js';

export const SECRET_KEY = 'sk-ant-test-SECRET-4f2b9c';

export type Lab = {
	sim: SimulatorHandle;
	/** --results-dir of every run. */
	dir: string;
	/** XDG_CONFIG_HOME of every run: conf keeps config.json in <confHome>/trifecta-nodejs. */
	confHome: string;
	resultsPath: string;
	/** Runs `trifecta <args> --host <sim> --results-dir <dir> --reps 1` to the end. */
	cli(args: string[], options?: CliOptions): Promise<CliResult>;
	/** Starts the same, for tests that interrupt it. */
	start(args: string[], options?: CliOptions): RunningCli;
	/** scaling-results.json parsed and validated with the schema; throws if missing or invalid. */
	results(): ResultsFile;
	/** Requests the simulator received for one model (by the `model`/`name` in the body). */
	requestsFor(model: string): {method: string; path: string}[];
	close(): Promise<void>;
};

export type CliOptions = {env?: NodeJS.ProcessEnv; claude?: boolean; timeoutMs?: number};

export type RunningCli = {
	child: ChildProcess;
	stderr(): string;
	/** Resolves when stderr contains text (or rejects when the child ends first). */
	waitForStderr(text: string | RegExp): Promise<void>;
	done: Promise<CliResult>;
};

export function tempDir(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function bodyModel(body: unknown): unknown {
	if (typeof body !== 'object' || body === null) return undefined;
	const record = body as Record<string, unknown>;
	return record['model'] ?? record['name'];
}

export async function faultLab(options: SimulatorOptions = {}): Promise<Lab> {
	const sim = await startSimulator({installed: ['qwen2.5:14b', 'mistral-small:22b'], ...options});
	const dir = tempDir('trifecta-faults-');
	const confHome = tempDir('trifecta-faults-conf-');
	const children = new Set<ChildProcess>();

	const argv = (args: string[]) => [...args, '--host', sim.url, '--results-dir', dir, '--docs-dir', path.join(dir, 'docs'), '--reps', '1'];
	const env = (options: CliOptions): NodeJS.ProcessEnv =>
		cliEnv({XDG_CONFIG_HOME: confHome, ...(options.claude ? {ANTHROPIC_API_KEY: SECRET_KEY, ANTHROPIC_BASE_URL: sim.anthropicUrl} : {}), ...options.env});

	const start = (args: string[], options: CliOptions = {}): RunningCli => {
		const child = spawn(process.execPath, [CLI, ...argv(args)], {cwd: dir, env: env(options), stdio: ['ignore', 'pipe', 'pipe']});
		children.add(child);
		let stdout = '';
		let stderr = '';
		const waiters: {test: (text: string) => boolean; resolve: () => void; reject: (error: Error) => void}[] = [];
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			for (const waiter of [...waiters]) {
				if (!waiter.test(stderr)) continue;
				waiters.splice(waiters.indexOf(waiter), 1);
				waiter.resolve();
			}
		});
		const done = new Promise<CliResult>((resolve, reject) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`trifecta ${args.join(' ')} did not finish in time.\nstdout: ${stdout}\nstderr: ${stderr}`));
			}, options.timeoutMs ?? 30_000);
			child.on('close', (code) => {
				clearTimeout(timer);
				children.delete(child);
				for (const waiter of waiters.splice(0)) waiter.reject(new Error(`trifecta ended (${String(code)}) before the expected output.\nstderr: ${stderr}`));
				resolve({code, stdout, stderr});
			});
		});
		return {
			child,
			stderr: () => stderr,
			waitForStderr(text) {
				const test = (all: string) => (typeof text === 'string' ? all.includes(text) : text.test(all));
				if (test(stderr)) return Promise.resolve();
				return new Promise((resolve, reject) => waiters.push({test, resolve, reject}));
			},
			done,
		};
	};

	return {
		sim,
		dir,
		confHome,
		resultsPath: path.join(dir, 'scaling-results.json'),
		cli: (args, options) => start(args, options).done,
		start,
		results() {
			return resultsFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')));
		},
		requestsFor(model) {
			return sim.requests.filter((request) => bodyModel(request.body) === model).map(({method, path: route}) => ({method, path: route}));
		},
		async close() {
			for (const child of children) child.kill('SIGKILL');
			await sim.close();
			fs.rmSync(dir, {recursive: true, force: true});
			fs.rmSync(confHome, {recursive: true, force: true});
		},
	};
}

/** Writes a valid record holding the named models (no measurements), as an earlier run would leave it; returns its bytes. */
export function seedResults(dir: string, models: string[]): string {
	const store = createResultsStore(dir, {simulated: true});
	store.update((draft) => {
		for (const model of models) upsertModel(draft, model, {sizeBytes: 8_988_124_069, parameterSize: '14.8B', quantization: 'Q4_K_M'});
	});
	return fs.readFileSync(store.path, 'utf8');
}

/** Resolves once the simulator has received a request matching the predicate. */
export async function requestSeen(sim: SimulatorHandle, match: (request: {method: string; path: string; body: unknown}) => boolean, timeoutMs = 15_000): Promise<void> {
	await waitFor(() => sim.requests.some(match), () => `a matching request; saw:\n${sim.requests.map((request) => `${request.method} ${request.path}`).join('\n')}`, timeoutMs);
}

/** Every line of stderr that is not progress detail (indented lines are). */
export function headLines(stderr: string): string[] {
	return stderr.split('\n').filter((line) => line !== '' && !line.startsWith(' '));
}

/** The request body's `model`, for matching request log entries. */
export function modelOf(body: unknown): unknown {
	return bodyModel(body);
}
