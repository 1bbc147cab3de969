// Argument parsing with meow, then our own checks so every usage error is one line naming the
// bad flag or command (meow's own report spans lines).
import os from 'node:os';
import path from 'node:path';
import meow from 'meow';
import {commands, commonFlags, findCommand, wizardEntry, type CommandEntry} from './registry.js';
import {DEFAULT_HOST} from './help.js';
import {normalizeOllamaHost} from '../providers/ollama/hostUrl.js';
import type {GlobalFlags} from './types.js';
import type {Settings} from '../experiment/settings.js';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

const meowFlags = {
	host: {type: 'string'},
	json: {type: 'boolean', default: false},
	demo: {type: 'boolean', default: false},
	yes: {type: 'boolean', default: false},
	claude: {type: 'boolean', default: true},
	overlap: {type: 'boolean', default: true},
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

type NumberRule = {flag: string; integer: boolean; min: number; max: number};

/**
 * Number flags stay strings in meow so a typo ("--reps three") is reported instead of becoming NaN.
 * The check is five comparisons; zod would add 150 ms to every start, --help included.
 */
function parseNumber(rule: NumberRule, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const value = raw.trim() === '' ? Number.NaN : Number(raw);
	const kind = rule.integer ? 'a whole number' : 'a number';
	if (!Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) throw new UsageError(`--${rule.flag} needs ${kind}`);
	if (rule.integer ? value < rule.min : value <= rule.min) {
		throw new UsageError(rule.integer ? `--${rule.flag} must be at least ${rule.min}` : `--${rule.flag} must be above ${rule.min}`);
	}
	if (value > rule.max) throw new UsageError(`--${rule.flag} must be at most ${rule.max}`);
	return value;
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
	const allowed = new Set([...commonFlags, ...(command ?? wizardEntry).flags]);
	for (const flag of typedFlags(argv)) {
		if (!allowed.has(flag)) {
			const owners = commands.filter((entry) => entry.flags.includes(flag)).map((entry) => `\`trifecta ${entry.name}\``);
			throw new UsageError(
				owners.length > 0
					? `The flag --${flag} belongs to ${owners.join(' and ')}${command ? `, not \`trifecta ${command.name}\`` : ''}.`
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
	const reps = parseNumber({flag: 'reps', integer: true, min: 1, max: 50}, flags.reps);
	const numCtx = parseNumber({flag: 'num-ctx', integer: true, min: 1, max: 1_048_576}, flags.numCtx);
	const threshold = parseNumber({flag: 'threshold', integer: false, min: 0, max: 10}, flags.threshold);
	const minRate = parseNumber({flag: 'min-rate', integer: false, min: 0, max: 10_000}, flags.minRate);
	const bandwidth = parseNumber({flag: 'bandwidth', integer: false, min: 0, max: 100_000}, flags.bandwidth);
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
			overlap: flags.overlap,
			resultsDir: path.resolve(cwd, flags.resultsDir ?? demoTmp ?? 'results'),
			// The demo never writes its report into the working directory: beside its results instead.
			docsDir: path.resolve(cwd, flags.docsDir ?? (flags.demo ? path.join(flags.resultsDir ?? demoTmp ?? 'results', 'docs') : 'docs')),
			promptsDir: flags.promptsDir ? path.resolve(cwd, flags.promptsDir) : '',
			pipelineDir: path.resolve(cwd, flags.pipelineDir ?? '.'),
			write: flags.write,
		},
	};
}

/** Ollama's own host rules (the provider's normaliser), shown as the origin a user would type. */
export function normaliseHost(raw: string): string {
	try {
		const url = new URL(normalizeOllamaHost(raw));
		// Ollama listens on 0.0.0.0 when told to serve everywhere; a client reaches it on loopback.
		if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
		return url.origin;
	} catch {
		throw new UsageError(`--host '${raw}' is not a URL (expected e.g. http://127.0.0.1:11434)`);
	}
}
