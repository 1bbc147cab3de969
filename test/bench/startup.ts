// Start-up figures on the built CLI: a bare `node -e 0`, `trifecta --help`, and the time from
// spawning the wizard in a pseudo-terminal to its first drawn frame (with --demo, and against an
// unreachable Ollama, where the first page is the preflight). `npm run bench` prints them among
// the others; run alone (after `npm run build`) with:
//   node --import tsx test/bench/startup.ts [runs] [--no-npm]
// and TRIFECTA_CLI=/other/checkout/dist/cli.js to measure another build the same way.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawn as spawnPty} from '@lydell/node-pty';
import stripAnsi from 'strip-ansi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** TRIFECTA_CLI measures another build (an older checkout's dist/cli.js) for a before/after. */
const cli = process.env['TRIFECTA_CLI'] ?? path.join(root, 'dist/cli.js');
/** Nothing listens on port 9 (discard) here: the connection is refused at once, as for a stopped Ollama. */
export const UNREACHABLE_HOST = 'http://127.0.0.1:9';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function timeCommand(argv: string[], runs: number): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		spawnSync(process.execPath, argv, {cwd: root, stdio: 'ignore', env: {...process.env, CI: 'true'}});
		samples.push(performance.now() - started);
	}
	return median(samples);
}

/**
 * The environment of a user at a terminal: no CI variable at all (trifecta, like Ink, takes any
 * CI, even an empty one, as "no one is watching" and runs headless, which draws no frame).
 */
function terminalEnv(extra: Record<string, string>): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) if (key !== 'CI' && value !== undefined) env[key] = value;
	return {...env, ...extra};
}

/** Time from spawning `trifecta <args>` (or `npm start -- <args>`) in a pseudo-terminal to its first drawn frame. */
export async function wizardFirstFrameMs(args: string[], via: 'node' | 'npm start' = 'node'): Promise<number> {
	const config = mkdtempSync(path.join(os.tmpdir(), 'trifecta-conf-'));
	const rest = [...args, '--results-dir', path.join(config, 'results')];
	const [file, argv] = via === 'node' ? [process.execPath, [cli, ...rest]] : ['npm', ['start', '--silent', '--', ...rest]];
	const started = performance.now();
	try {
		return await new Promise((resolve, reject) => {
			const pty = spawnPty(file, argv, {
				cols: 100,
				rows: 40,
				cwd: path.resolve(path.dirname(cli), '..'), // the project whose `npm start` runs
				env: terminalEnv({XDG_CONFIG_HOME: config, TRIFECTA_DEMO_PACE: '0'}),
			});
			let seen = '';
			const timer = setTimeout(() => {
				pty.kill();
				reject(new Error(`no wizard frame within 90 s: ${seen.slice(-500)}`));
			}, 90_000);
			pty.onData((data) => {
				seen += data;
				// The first frame: anything visible once escape sequences are removed.
				if (stripAnsi(seen).trim().length > 0) {
					clearTimeout(timer);
					const elapsed = performance.now() - started;
					pty.kill();
					resolve(elapsed);
				}
			});
		});
	} finally {
		rmSync(config, {recursive: true, force: true});
	}
}

export type StartupFigures = {bareNodeMs: number; helpMs: number; demoFirstFrameMs: number; preflightFirstFrameMs: number; npmStartDemoFirstFrameMs: number};

/** `withNpm: false` leaves out `npm start` (an old checkout's `npm start` recompiles every time). */
export async function measureStartup(runs = 3, withNpm = true): Promise<StartupFigures> {
	const bareNodeMs = timeCommand(['-e', '0'], runs * 5);
	const helpMs = timeCommand([cli, '--help'], runs * 5);
	const demo: number[] = [];
	const preflight: number[] = [];
	const npmStart: number[] = [];
	// Interleaved, so a burst of load on the machine does not land on one figure only.
	for (let i = 0; i < runs; i++) {
		demo.push(await wizardFirstFrameMs(['--demo']));
		preflight.push(await wizardFirstFrameMs(['--host', UNREACHABLE_HOST]));
		if (withNpm) npmStart.push(await wizardFirstFrameMs(['--demo'], 'npm start'));
	}
	return {bareNodeMs, helpMs, demoFirstFrameMs: median(demo), preflightFirstFrameMs: median(preflight), npmStartDemoFirstFrameMs: median(npmStart)};
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const runs = Number(process.argv[2] ?? 5);
	const figures = await measureStartup(runs, !process.argv.includes('--no-npm'));
	const ratio = (ms: number) => (ms / figures.bareNodeMs).toFixed(2);
	console.log(`node -e 0                          ${figures.bareNodeMs.toFixed(0)} ms`);
	console.log(`trifecta --help                    ${figures.helpMs.toFixed(0)} ms = ${ratio(figures.helpMs)} x`);
	console.log(`first frame, trifecta --demo       ${figures.demoFirstFrameMs.toFixed(0)} ms = ${ratio(figures.demoFirstFrameMs)} x`);
	console.log(`first frame, trifecta (no Ollama)  ${figures.preflightFirstFrameMs.toFixed(0)} ms = ${ratio(figures.preflightFirstFrameMs)} x`);
	console.log(`first frame, npm start -- --demo   ${figures.npmStartDemoFirstFrameMs.toFixed(0)} ms`);
}
