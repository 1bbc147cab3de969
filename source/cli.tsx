#!/usr/bin/env node
// Entry point: parse arguments, pick interactive or headless, run one command, map the outcome to
// an exit code. Ink and React are loaded only by commands that draw (keeps --help fast).
import {helpText, packageVersion, quickAnswer} from './cli/help.js';
import {wizardEntry} from './cli/registry.js';
import type {CommandIO, Services} from './cli/types.js';
import type {ServicesHandle} from './cli/services.js';
import {guardOutput, type OutputGuard} from './cli/outputGuard.js';
import {registerSecret} from './system/redact.js';

const EXIT_INTERRUPTED = 130;
const INTERRUPTED_MESSAGE = 'Interrupted. Results measured so far are kept; run the same command again to continue.';
const SIGINT_ECHO_MS = 250;

function isInteractive(json: boolean, env: NodeJS.ProcessEnv): boolean {
	const ci = env['CI'] !== undefined && env['CI'] !== '0' && env['CI'] !== 'false';
	return Boolean(process.stdout.isTTY && process.stdin.isTTY) && !ci && env['TERM'] !== 'dumb' && !json;
}

type Guard = OutputGuard<NodeJS.WriteStream, NodeJS.WriteStream>;

/** Set once the arguments are parsed; before that, the raw argv decides whether --json was asked. */
let guard: Guard = guardOutput(process.stdout, process.stderr, {json: process.argv.includes('--json'), plain: !process.stdout.isTTY});

async function main(): Promise<number> {
	const env = process.env;
	// The key (and any piece of it) is redacted from everything printed or written, from the start.
	if (env['ANTHROPIC_API_KEY']) registerSecret(env['ANTHROPIC_API_KEY']);
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
	const {isLoopbackHost, parseArgs} = await import('./cli/flags.js');
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
	const interactive = isInteractive(parsed.flags.json, env);
	guard = guardOutput(process.stdout, process.stderr, {json: parsed.flags.json, plain: !interactive});
	// Prompts and model names go to the host: another machine is named before anything is sent.
	if (!parsed.flags.demo && !isLoopbackHost(parsed.flags.host)) guard.stderr.write(`Using the Ollama server at ${parsed.flags.host} (another machine).\n`);
	const io: CommandIO = {
		stdout: guard.stdout,
		stderr: guard.stderr,
		stdin: process.stdin,
		interactive,
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
		const current = handle as ServicesHandle | null;
		if (interrupts > 1 || !current) {
			guard.finish(EXIT_INTERRUPTED, INTERRUPTED_MESSAGE);
			process.exit(EXIT_INTERRUPTED);
		}
		current.services.cancel();
		guard.stderr.write('\nCanceling… (press Ctrl+C again to exit now)\n');
	});
	try {
		const command = await entry.load();
		return await command.run({args: parsed.args, flags: parsed.flags, io, services});
	} finally {
		await (handle as ServicesHandle | null)?.close();
	}
}

// A document --json held back is never lost, whatever ends the process (finish writes it once).
process.on('exit', (code) => guard.finish(code));

main().then(
	(code) => {
		guard.finish(code);
		process.exitCode = code;
	},
	async (error: unknown) => {
		const {describeFailure} = await import('./cli/errors.js');
		const {message, code} = describeFailure(error);
		guard.stderr.write(`${message}\n`);
		if (process.env['TRIFECTA_DEBUG'] && error instanceof Error && error.stack) guard.stderr.write(`${error.stack}\n`);
		guard.finish(code, message);
		process.exitCode = code;
	},
);
