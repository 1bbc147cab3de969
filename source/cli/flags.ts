// Argument parsing with meow, then our own checks so every usage error is one line naming the
// bad flag or command (meow's own report spans lines), and numbers are checked with zod.
import os from 'node:os';
import path from 'node:path';
import meow from 'meow';
import {z} from 'zod';
import {commands, commonFlags, findCommand, type CommandEntry} from './registry.js';
import type {GlobalFlags} from './types.js';
import type {Settings} from '../experiment/settings.js';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export const DEFAULT_HOST = 'http://127.0.0.1:11434';

export function helpText(): string {
	const width = Math.max(...commands.map((command) => command.name.length)) + 2;
	const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n');
	return `
  Find which local LLM (served by Ollama) can replace Claude in parts of a 12-agent
  trading-research pipeline, and at what speed.

  Usage
    $ trifecta [command] [options]

  With no command, the interactive wizard walks the whole strategy.

  Commands
${list}

  Options
    --host URL           Ollama server (default: $OLLAMA_HOST, else ${DEFAULT_HOST})
    --demo               run against a built-in simulator of an M3 Max (SIMULATED)
    --json               print one JSON document on stdout; progress goes to stderr
    --yes                take the recommended choice at every decision
    --no-claude          skip the Claude baseline
    --results-dir DIR    where results go (default ./results; --demo: a temporary folder)
    --docs-dir DIR       where the report goes (default ./docs)
    --prompts-dir DIR    use your own bull/bear/trader prompts and market context
    --reps N             timed repetitions per benchmark (default 3)
    --num-ctx N          context size pinned for every run (default 8192)
    --threshold N        trader score a local model must reach (default 9.0)
    --min-rate N         decode rate (tokens/s) a practical model needs (default 8)
    --bandwidth GB/s     memory bandwidth when it cannot be detected
    --claude-model ID    the Claude baseline model (default claude-sonnet-4-5-20250929)
    --ladder A,B,C       the models to consider, in order of size
    --help, --version

  Environment
    OLLAMA_HOST, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, NO_COLOR

  Exit codes
    0 done, 1 failed, 2 usage error, 3 a decision is needed (pass --yes), 130 interrupted
`;
}

const meowFlags = {
	host: {type: 'string'},
	json: {type: 'boolean', default: false},
	demo: {type: 'boolean', default: false},
	yes: {type: 'boolean', default: false},
	claude: {type: 'boolean', default: true},
	resultsDir: {type: 'string'},
	docsDir: {type: 'string'},
	promptsDir: {type: 'string'},
	pipelineDir: {type: 'string'},
	write: {type: 'boolean', default: false},
	reps: {type: 'string'},
	numCtx: {type: 'string'},
	threshold: {type: 'string'},
	minRate: {type: 'string'},
	bandwidth: {type: 'string'},
	claudeModel: {type: 'string'},
	ladder: {type: 'string'},
} as const;

export type ParsedArgs = {
	command: CommandEntry | null;
	args: string[];
	flags: GlobalFlags;
	overrides: Partial<Settings>;
	help: boolean;
	version: boolean;
};

const positiveInt = (flag: string, max: number) =>
	z.coerce
		.number({error: `--${flag} needs a whole number`})
		.int(`--${flag} needs a whole number`)
		.min(1, `--${flag} must be at least 1`)
		.max(max, `--${flag} must be at most ${max}`);
const positiveNumber = (flag: string, max: number) =>
	z.coerce
		.number({error: `--${flag} needs a number`})
		.positive(`--${flag} must be above 0`)
		.max(max, `--${flag} must be at most ${max}`);

function parseNumber<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
	if (raw === undefined) return undefined;
	const result = schema.safeParse(raw.trim() === '' ? Number.NaN : raw);
	if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'bad value');
	return result.data;
}

/** Flags the user typed, as typed (kebab-case, without --no-). */
function typedFlags(argv: string[]): string[] {
	const names: string[] = [];
	for (const token of argv) {
		if (token === '--') break;
		if (!token.startsWith('-') || /^-\d/.test(token)) continue;
		let name = token.replace(/^-+/, '').split('=')[0] ?? '';
		if (name.startsWith('no-')) name = name.slice(3);
		if (token.length === 2 && token !== '--') name = token.slice(1) === 'h' ? 'help' : token.slice(1) === 'v' ? 'version' : `-${token.slice(1)}`;
		names.push(name);
	}
	return names;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ParsedArgs {
	const cli = meow({
		importMeta: import.meta,
		argv,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: {...meowFlags, help: {type: 'boolean', shortFlag: 'h'}, version: {type: 'boolean', shortFlag: 'v'}},
	});
	const [name, ...args] = cli.input;
	const command = name === undefined ? null : (findCommand(name) ?? null);
	if (name !== undefined && command === null) {
		throw new UsageError(`Unknown command '${name}'. Run \`trifecta --help\` for the list of commands.`);
	}
	const allowed = new Set([...commonFlags, ...(command?.flags ?? [])]);
	for (const flag of typedFlags(argv)) {
		if (!allowed.has(flag)) {
			const owner = commands.find((entry) => entry.flags.includes(flag));
			throw new UsageError(
				owner
					? `The flag --${flag} belongs to \`trifecta ${owner.name}\`${command ? `, not \`trifecta ${command.name}\`` : ''}.`
					: `Unknown flag --${flag}. Run \`trifecta --help\` for the options.`,
			);
		}
	}
	const flags = cli.flags;
	if (command && !flags.help) {
		if (args.length < command.args.min) {
			throw new UsageError(`\`trifecta ${command.name}\` needs ${command.args.min === 1 ? 'a model name' : `${command.args.min} arguments`}: ${command.usage}`);
		}
		if (command.args.max !== null && args.length > command.args.max) {
			throw new UsageError(`\`trifecta ${command.name}\` takes no argument '${args[command.args.max]}': ${command.usage}`);
		}
	}
	if (command === null && args.length > 0) throw new UsageError(`Unknown command '${name}'.`);

	const host = normaliseHost(flags.host ?? env['OLLAMA_HOST'] ?? DEFAULT_HOST);
	const demoTmp = flags.demo && !flags.resultsDir ? path.join(os.tmpdir(), `trifecta-demo-${process.pid}`) : null;
	const ladder = flags.ladder
		?.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	if (ladder && ladder.length === 0) throw new UsageError('--ladder needs at least one model name');

	const overrides: Partial<Settings> = {};
	const reps = parseNumber(positiveInt('reps', 50), flags.reps);
	const numCtx = parseNumber(positiveInt('num-ctx', 1_048_576), flags.numCtx);
	const threshold = parseNumber(positiveNumber('threshold', 10), flags.threshold);
	const minRate = parseNumber(positiveNumber('min-rate', 10_000), flags.minRate);
	const bandwidth = parseNumber(positiveNumber('bandwidth', 100_000), flags.bandwidth);
	if (reps !== undefined) overrides.reps = reps;
	if (numCtx !== undefined) overrides.numCtx = numCtx;
	if (threshold !== undefined) overrides.threshold = threshold;
	if (minRate !== undefined) overrides.minRate = minRate;
	if (bandwidth !== undefined) overrides.bandwidthGBs = bandwidth;
	if (flags.claudeModel !== undefined) {
		if (!/^claude-[a-z0-9.-]+$/.test(flags.claudeModel)) throw new UsageError(`--claude-model '${flags.claudeModel}' is not a Claude model id`);
		overrides.claudeModel = flags.claudeModel;
	}
	if (ladder) overrides.ladder = ladder;

	return {
		command,
		args,
		help: Boolean(flags.help),
		version: Boolean(flags.version),
		overrides,
		flags: {
			host,
			json: flags.json,
			demo: flags.demo,
			yes: flags.yes,
			claude: flags.claude,
			resultsDir: path.resolve(cwd, flags.resultsDir ?? demoTmp ?? 'results'),
			docsDir: path.resolve(cwd, flags.docsDir ?? (demoTmp ? path.join(demoTmp, 'docs') : 'docs')),
			promptsDir: flags.promptsDir ? path.resolve(cwd, flags.promptsDir) : '',
			pipelineDir: path.resolve(cwd, flags.pipelineDir ?? '.'),
			write: flags.write,
		},
	};
}

/** ollama-js adds a missing scheme and port; do the same so messages show the URL really used. */
export function normaliseHost(raw: string): string {
	let host = raw.trim();
	// Like Ollama's own OLLAMA_HOST parsing: without a scheme the port defaults to 11434, with one to 80/443.
	const hadScheme = /^https?:\/\//.test(host);
	if (!hadScheme) host = `http://${host.startsWith(':') ? `127.0.0.1${host}` : host}`;
	try {
		const url = new URL(host);
		if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
		if (!url.port && !hadScheme) url.port = '11434';
		return url.origin;
	} catch {
		throw new UsageError(`--host '${raw}' is not a URL (expected e.g. http://127.0.0.1:11434)`);
	}
}
