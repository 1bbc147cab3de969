// Argument parsing with meow, then our own checks so every usage error is one line naming the
// bad flag or command (meow's own report spans lines).
import path from 'node:path';
import meow from 'meow';
import {commands, commonFlags, findCommand, wizardEntry, type CommandEntry} from './registry.js';
import {DEFAULT_HOST} from './help.js';
import {normalizeOllamaHost} from '../providers/ollama/hostUrl.js';
import {DEFAULT_TIMEOUTS} from '../providers/network/timeouts.js';
import type {GlobalFlags} from './types.js';
import {demoResultsDir} from './demoDir.js';
import {UsageError} from './errors.js';
import type {Settings} from '../experiment/settings.js';
import {isValidClaudeModel, modelNameProblem} from '../domain/modelName.js';

/** The smallest context window accepted, from a flag or the settings file alike. */
export const MIN_NUM_CTX = 256;

const meowFlags = {
	host: {type: 'string'},
	json: {type: 'boolean', default: false},
	demo: {type: 'boolean', default: false},
	fresh: {type: 'boolean', default: false},
	yes: {type: 'boolean', default: false},
	claude: {type: 'boolean', default: true},
	overlap: {type: 'boolean', default: true},
	resultsDir: {type: 'string'},
	docsDir: {type: 'string'},
	promptsDir: {type: 'string'},
	pipelineDir: {type: 'string'},
	write: {type: 'boolean', default: false},
	commit: {type: 'boolean', default: false},
	csv: {type: 'boolean', default: false},
	reps: {type: 'string'},
	numCtx: {type: 'string'},
	threshold: {type: 'string'},
	minRate: {type: 'string'},
	bandwidth: {type: 'string'},
	claudeModel: {type: 'string'},
	ladder: {type: 'string'},
	judge: {type: 'string'},
	judgeModel: {type: 'string'},
	scenarios: {type: 'string'},
	loadTimeout: {type: 'string'},
	stallTimeout: {type: 'string'},
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
	// Decimal digits only: Number() would also read "0x10" as 16, "1e3" as 1000 and " " as 0.
	const decimal = rule.integer ? /^[0-9]+$/ : /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
	const value = decimal.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
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

function parseWithMeow(argv: string[]) {
	try {
		return meow({
			importMeta: import.meta,
			argv,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			flags: {...meowFlags, help: {type: 'boolean', shortFlag: 'h'}, version: {type: 'boolean', shortFlag: 'v'}},
		});
	} catch (error) {
		// meow's own refusals (a flag given twice) are usage errors like ours: exit 2, one line.
		throw new UsageError(`${(error as Error).message.trim().split('\n')[0] ?? 'Bad arguments.'} Run \`trifecta --help\` for the options.`);
	}
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ParsedArgs {
	const cli = parseWithMeow(argv);
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

	const host = normaliseHost(flags.host ?? env['OLLAMA_HOST'] ?? DEFAULT_HOST, flags.host === undefined && env['OLLAMA_HOST'] !== undefined ? 'OLLAMA_HOST' : '--host');
	for (const name of BASE_URL_VARIABLES) checkBaseUrl(name, env[name]);
	if (flags.fresh && !flags.demo) throw new UsageError('--fresh starts the demo over: it goes with --demo.');
	if (flags.fresh && flags.resultsDir) {
		throw new UsageError('--fresh clears only the demo’s own folder; with --results-dir, remove or change that folder yourself.');
	}
	const demoTmp = flags.demo && !flags.resultsDir ? demoResultsDir() : null;
	const ladder = flags.ladder
		?.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	if (ladder && ladder.length === 0) throw new UsageError('--ladder needs at least one model name');
	for (const item of ladder ?? []) {
		const problem = modelNameProblem(item);
		if (problem !== null) throw new UsageError(`--ladder: ${JSON.stringify(item)} is not a model name: ${problem}`);
	}

	const overrides: Partial<Settings> = {};
	const reps = parseNumber({flag: 'reps', integer: true, min: 1, max: 50}, flags.reps);
	// The same floor the settings file enforces: below 256 tokens no prompt of the experiment fits.
	const numCtx = parseNumber({flag: 'num-ctx', integer: true, min: MIN_NUM_CTX, max: 1_048_576}, flags.numCtx);
	const threshold = parseNumber({flag: 'threshold', integer: false, min: 0, max: 10}, flags.threshold);
	const minRate = parseNumber({flag: 'min-rate', integer: false, min: 0, max: 10_000}, flags.minRate);
	const bandwidth = parseNumber({flag: 'bandwidth', integer: false, min: 0, max: 100_000}, flags.bandwidth);
	if (reps !== undefined) overrides.reps = reps;
	if (numCtx !== undefined) overrides.numCtx = numCtx;
	if (threshold !== undefined) overrides.threshold = threshold;
	if (minRate !== undefined) overrides.minRate = minRate;
	if (bandwidth !== undefined) overrides.bandwidthGBs = bandwidth;
	if (flags.claudeModel !== undefined) {
		if (!isValidClaudeModel(flags.claudeModel)) throw new UsageError(`--claude-model ${JSON.stringify(flags.claudeModel)} is not a Claude model id (e.g. claude-sonnet-4-5-20250929)`);
		overrides.claudeModel = flags.claudeModel;
	}
	if (ladder) overrides.ladder = ladder;
	Object.assign(overrides, judgeOverrides(flags.judge, flags.judgeModel));
	const scenarios = parseNumber({flag: 'scenarios', integer: true, min: 1, max: 20}, flags.scenarios);
	if (scenarios !== undefined) overrides.scenarios = scenarios;
	// Seconds on the command line; a day is far past any load a laptop disk needs.
	const loadTimeout = parseNumber({flag: 'load-timeout', integer: false, min: 0, max: 86_400}, flags.loadTimeout);
	const stallTimeout = parseNumber({flag: 'stall-timeout', integer: false, min: 0, max: 86_400}, flags.stallTimeout);
	const timeouts = {
		loadMs: (loadTimeout ?? DEFAULT_TIMEOUTS.loadMs / 1000) * 1000,
		stallMs: (stallTimeout ?? DEFAULT_TIMEOUTS.stallMs / 1000) * 1000,
	};

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
			fresh: flags.fresh,
			yes: flags.yes,
			claude: flags.claude,
			overlap: flags.overlap,
			resultsDir: path.resolve(cwd, flags.resultsDir ?? demoTmp ?? 'results'),
			// The demo never writes its report into the working directory: beside its results instead.
			docsDir: path.resolve(cwd, flags.docsDir ?? (flags.demo ? path.join(flags.resultsDir ?? demoTmp ?? 'results', 'docs') : 'docs')),
			promptsDir: flags.promptsDir ? path.resolve(cwd, flags.promptsDir) : '',
			pipelineDir: path.resolve(cwd, flags.pipelineDir ?? '.'),
			pipelineDirNamed: flags.pipelineDir !== undefined,
			write: flags.write,
			commit: flags.commit,
			csv: flags.csv,
			timeouts,
		},
	};
}

/** Servers named by the environment; their URLs appear in messages and in the results, so they are checked like --host. */
const BASE_URL_VARIABLES = ['ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL'] as const;

/**
 * A base URL from the environment: http(s), a host, a usable port, and no user name or password
 * (fetch refuses credentials in a URL anyway, and the URL is shown and stored). The refusal never
 * repeats what it refuses: only the scheme, host and port, which hold no secret.
 */
function checkBaseUrl(name: string, raw: string | undefined): void {
	const trimmed = raw?.trim() ?? '';
	if (trimmed === '') return;
	const example = name === 'ANTHROPIC_BASE_URL' ? 'https://api.anthropic.com' : 'http://127.0.0.1:8000/v1';
	// Without "scheme://", what comes before the first colon may be a user name ("admin:pass@host"): never shown.
	if (!URL.canParse(trimmed) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) throw new UsageError(`${name} is not an http:// or https:// URL (expected e.g. ${example}): fix or unset it.`);
	const url = new URL(trimmed);
	const scheme = url.protocol.replace(/:$/, '');
	if (scheme !== 'http' && scheme !== 'https') throw new UsageError(`${name} would contact ${url.host || 'no host'} over ${scheme}; only http:// or https:// work (e.g. ${example}).`);
	if (url.hostname === '') throw new UsageError(`${name} names no host (expected e.g. ${example}).`);
	if (url.port === '0') throw new UsageError(`${name} names port 0, which no server listens on (expected e.g. ${example}).`);
	if (url.username || url.password) {
		throw new UsageError(`${name} must not carry a user name or password (it is shown in messages and stored in the results): use ${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`);
	}
}

/** Ollama's own host rules (the provider's normaliser), shown as the origin a user would type. */
export function normaliseHost(raw: string, source: '--host' | 'OLLAMA_HOST' = '--host'): string {
	const trimmed = raw.trim();
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
	if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
		const host = URL.canParse(trimmed) ? new URL(trimmed).host : '';
		throw new UsageError(`${source} ${JSON.stringify(`${scheme}://${host}`)} would contact ${host || 'no host'} over ${scheme}; Ollama speaks only http:// or https:// (e.g. http://127.0.0.1:11434)`);
	}
	if (scheme !== undefined && URL.canParse(trimmed)) {
		const given = new URL(trimmed);
		if (given.username || given.password) throw new UsageError(`${source} must not carry a user name or password (it is shown in messages): use ${given.protocol}//${given.host}`);
	}
	let url: URL;
	try {
		url = new URL(normalizeOllamaHost(raw));
	} catch {
		throw new UsageError(`${source} '${raw}' is not a URL (expected e.g. http://127.0.0.1:11434)`);
	}
	// Ollama listens on 0.0.0.0 when told to serve everywhere; a client reaches it on loopback.
	if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
	return url.origin;
}

/** Loopback hosts: this machine. Any other host is said out loud, since prompts are sent there. */
export function isLoopbackHost(origin: string): boolean {
	const {hostname} = new URL(origin);
	return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
}

/** An OpenAI-compatible model name: what OpenAI and local servers use (gpt-5.1, qwen2.5:72b, org/model). */
const OPENAI_MODEL = /^[A-Za-z0-9][\w.:/@+-]{0,199}$/;

/** --judge claude|rubric|openai:<model> and --judge-model <Claude id>, as settings. */
export function judgeOverrides(judge: string | undefined, judgeModel: string | undefined): Pick<Partial<Settings>, 'judge' | 'judgeModel'> {
	const out: Pick<Partial<Settings>, 'judge' | 'judgeModel'> = {};
	if (judge !== undefined) {
		const openai = /^openai:(.*)$/.exec(judge);
		if (openai) {
			const model = openai[1] ?? '';
			if (!OPENAI_MODEL.test(model)) throw new UsageError(`--judge openai:<model> needs the model an OpenAI-compatible endpoint serves (e.g. openai:gpt-5.1), not '${model}'`);
			if (judgeModel !== undefined) throw new UsageError(`--judge-model names a Claude judge; with --judge ${judge} the judge's model is '${model}'`);
			return {judge: 'openai', judgeModel: model};
		}
		if (judge !== 'claude' && judge !== 'rubric') throw new UsageError(`--judge must be 'claude', 'rubric' or 'openai:<model>', not '${judge}'`);
		out.judge = judge;
	}
	if (judgeModel !== undefined) {
		if (!isValidClaudeModel(judgeModel)) throw new UsageError(`--judge-model '${judgeModel}' is not a Claude model id (for another judge: --judge openai:<model>)`);
		out.judgeModel = judgeModel;
	}
	return out;
}
