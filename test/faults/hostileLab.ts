// The hostile matrix's bench: the simulator behind a hostile proxy (hostileServer.ts), the built
// CLI (dist/cli.js; run `npm run build` first) as a child pointed at the proxy, fresh folders, a
// folder outside them that must stay empty, and the child's peak memory read back.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startSimulator, type SimulatorHandle} from '../../source/simulator/index.js';
import {CLI, cliEnv} from '../helpers/runCli.js';
import {hostileOllama, type HostileServer} from './hostileServer.js';

const MAX_RSS_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'maxRss.mjs');

export type HostileResult = {code: number | null; stdout: Buffer; stderr: Buffer; out: string; err: string; elapsedMs: number; maxRssKb: number | null};

export type HostileRun = {child: ChildProcess; done: Promise<HostileResult>};

export type RunOptions = {env?: NodeJS.ProcessEnv; host?: string; resultsDir?: string; timeoutMs?: number};

export type HostileLab = {
	sim: SimulatorHandle;
	proxy: HostileServer;
	dir: string;
	confHome: string;
	/** A folder nothing may ever be written to (the target of planted links). */
	outside: string;
	start(args: string[], options?: RunOptions): HostileRun;
	run(args: string[], options?: RunOptions): Promise<HostileResult>;
	/** Every file trifecta wrote (results, docs, config), for byte checks. */
	writtenFiles(): string[];
	close(): Promise<void>;
};

function temp(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, {recursive: true, withFileTypes: true})
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}

export async function hostileLab(): Promise<HostileLab> {
	const sim = await startSimulator({installed: ['qwen2.5:14b', 'mistral-small:22b']});
	const proxy = await hostileOllama(sim.url);
	const dir = temp('trifecta-hostile-');
	const confHome = temp('trifecta-hostile-conf-');
	const outside = temp('trifecta-hostile-outside-');
	const children = new Set<ChildProcess>();

	const start = (args: string[], options: RunOptions = {}): HostileRun => {
		const rssFile = path.join(confHome, `rss-${children.size}-${Date.now()}`);
		const argv = [CLI, ...args, '--host', options.host ?? proxy.url, '--results-dir', options.resultsDir ?? dir, '--docs-dir', path.join(dir, 'docs'), '--reps', '1'];
		const child = spawn(process.execPath, argv, {
			cwd: dir,
			env: cliEnv({XDG_CONFIG_HOME: confHome, NODE_OPTIONS: `--import=${MAX_RSS_PRELOAD}`, TRIFECTA_TEST_RSS_FILE: rssFile, ...options.env}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		children.add(child);
		const started = performance.now();
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
		const done = new Promise<HostileResult>((resolve, reject) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`trifecta ${args.join(' ')} did not finish in time.\nstderr: ${Buffer.concat(err).toString()}`));
			}, options.timeoutMs ?? 45_000);
			child.on('close', (code) => {
				clearTimeout(timer);
				children.delete(child);
				const stdout = Buffer.concat(out);
				const stderr = Buffer.concat(err);
				const maxRssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : null;
				fs.rmSync(rssFile, {force: true});
				resolve({code, stdout, stderr, out: stdout.toString('utf8'), err: stderr.toString('utf8'), elapsedMs: performance.now() - started, maxRssKb});
			});
		});
		return {child, done};
	};

	return {
		sim,
		proxy,
		dir,
		confHome,
		outside,
		start,
		run: (args, options) => start(args, options).done,
		writtenFiles: () => [...filesUnder(dir), ...filesUnder(confHome)],
		async close() {
			for (const child of children) child.kill('SIGKILL');
			await proxy.close();
			await sim.close();
			for (const folder of [dir, confHome, outside]) fs.rmSync(folder, {recursive: true, force: true});
		},
	};
}
