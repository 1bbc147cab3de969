// Runs the built CLI (dist/cli.js, made by `npm test`'s build step) as a user would, headless.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

export type CliResult = {code: number | null; stdout: string; stderr: string};

/**
 * The environment a headless CLI under test gets: only PATH and HOME from ours (no stray key or
 * host), no colour, CI set, the demo flat out; `overrides` last.
 */
export function cliEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'],
		NO_COLOR: '1',
		CI: 'true',
		TRIFECTA_DEMO_PACE: '0',
		...overrides,
	};
}

export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number} = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			cwd: options.cwd ?? process.cwd(),
			env: cliEnv(options.env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`trifecta ${args.join(' ')} did not finish in time.\nstdout: ${stdout}\nstderr: ${stderr}`));
		}, options.timeoutMs ?? 30_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}
