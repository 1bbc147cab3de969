#!/usr/bin/env node
// Entry point: parse arguments, pick interactive or headless, run one command, map the outcome to
// an exit code. Ink and React are loaded only by commands that draw (keeps --help fast).
import {helpText, packageVersion, quickAnswer} from './cli/help.js';
import {wizardEntry} from './cli/registry.js';
import type {CommandIO, Services} from './cli/types.js';
import type {ServicesHandle} from './cli/services.js';

const EXIT_INTERRUPTED = 130;
const SIGINT_ECHO_MS = 250;

function isInteractive(json: boolean, env: NodeJS.ProcessEnv): boolean {
	const ci = env['CI'] !== undefined && env['CI'] !== '0' && env['CI'] !== 'false';
	return Boolean(process.stdout.isTTY && process.stdin.isTTY) && !ci && env['TERM'] !== 'dumb' && !json;
}

async function main(): Promise<number> {
	const env = process.env;
	// React's development build checks every render and keeps extra bookkeeping: several times the
	// CPU per frame. Users get the production build unless they ask otherwise.
	env['NODE_ENV'] ??= 'production';
	// chalk reads FORCE_COLOR, not NO_COLOR; honour the convention before Ink is imported.
	if (env['NO_COLOR'] && env['FORCE_COLOR'] === undefined) env['FORCE_COLOR'] = '0';
	const argv = process.argv.slice(2);
	const quick = quickAnswer(argv);
	if (quick !== null) {
		process.stdout.write(quick);
		return 0;
	}
	const {parseArgs} = await import('./cli/flags.js');
	const parsed = parseArgs(argv, env, process.cwd());
	if (parsed.version) {
		process.stdout.write(`${packageVersion()}\n`);
		return 0;
	}
	if (parsed.help) {
		process.stdout.write(quickAnswer(parsed.command ? [parsed.command.name, '--help'] : ['--help']) ?? helpText());
		return 0;
	}
	const entry = parsed.command ?? wizardEntry;
	const io: CommandIO = {
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		interactive: isInteractive(parsed.flags.json, env),
	};
	let handle: ServicesHandle | null = null;
	let pending: Promise<Services> | null = null;
	const services = () => {
		pending ??= (async () => {
			const {createServices} = await import('./cli/services.js');
			const {loadStoredSettings, storedSettingsWarnings} = await import('./experiment/settingsStore.js');
			handle = await createServices({
				flags: parsed.flags,
				overrides: parsed.overrides,
				env,
				storedSettings: async () => ({
					settings: await loadStoredSettings({demo: parsed.flags.demo, resultsDir: parsed.flags.resultsDir}),
					warnings: storedSettingsWarnings(),
				}),
				results: entry.results,
			});
			return handle.services;
		})();
		return pending;
	};
	// Without raw mode (headless, or before Ink takes the keyboard) Ctrl+C arrives as SIGINT:
	// the first cancels the step in progress (results kept), the second leaves at once.
	// conf's atomic writer (when-exit) re-sends every SIGINT to the process once, at once, to make
	// sure it exits: a second signal within that echo window is the same Ctrl+C, not another one.
	let interrupts = 0;
	let firstAt = 0;
	process.on('SIGINT', () => {
		if (interrupts === 1 && performance.now() - firstAt < SIGINT_ECHO_MS) return;
		interrupts += 1;
		firstAt = performance.now();
		if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
		const current = handle as ServicesHandle | null;
		if (current) current.services.cancel();
		else process.exit(EXIT_INTERRUPTED);
		process.stderr.write('\nCanceling… (press Ctrl+C again to exit now)\n');
	});
	try {
		const command = await entry.load();
		return await command.run({args: parsed.args, flags: parsed.flags, io, services});
	} finally {
		await (handle as ServicesHandle | null)?.close();
	}
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	async (error: unknown) => {
		const {describeFailure} = await import('./cli/errors.js');
		const {message, code} = describeFailure(error);
		process.stderr.write(`${message}\n`);
		if (process.env['TRIFECTA_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
		process.exitCode = code;
	},
);
