// Every command trifecta knows, with what --help and the parser need: the one place a command's
// name, summary, usage, flags and arguments are written (a command module only runs). Kept free
// of Ink and React imports so `trifecta --help` starts fast; a command's code loads only when it runs.
import type {CommandModule} from './types.js';

export type CommandEntry = {
	name: string;
	summary: string;
	usage: string;
	/** Flags only this command takes, beyond the common ones (kebab-case, as typed). */
	flags: string[];
	args: {min: number; max: number | null};
	/** See ServiceOptions.results in services.ts. */
	results: 'write' | 'runner' | 'none';
	load(): Promise<CommandModule>;
};

export const commands: CommandEntry[] = [
	{
		name: 'doctor',
		summary: 'preflight only: Ollama, models, RAM, disk, chip and bandwidth, Claude key',
		usage: 'trifecta doctor [--json] [--host URL] [--bandwidth GB/s]',
		flags: [],
		args: {min: 0, max: 0},
		results: 'none',
		load: async () => (await import('./commands/doctor.js')).doctorCommand,
	},
	{
		name: 'pull',
		summary: 'pull a model with live per-layer progress (skipped when installed)',
		usage: 'trifecta pull <model> [--json]',
		flags: [],
		args: {min: 1, max: 1},
		results: 'write',
		load: async () => (await import('./commands/pull.js')).pullCommand,
	},
	{
		name: 'bench',
		summary: 'speed benchmark: decode and prefill rates, ceiling, memory',
		usage: 'trifecta bench <model...> [--reps N] [--num-ctx N] [--min-rate N] [--bandwidth GB/s] [--json]',
		flags: [],
		args: {min: 1, max: null},
		results: 'write',
		load: async () => (await import('./commands/bench.js')).benchCommand,
	},
	{
		name: 'compare',
		summary: 'bull/bear/trader reasoning comparison, scored against the Claude baseline',
		usage: 'trifecta compare [model...] [--no-claude] [--prompts-dir DIR] [--json]',
		flags: [],
		args: {min: 0, max: null},
		results: 'write',
		load: async () => (await import('./commands/compare.js')).compareCommand,
	},
	{
		name: 'tools',
		summary: 'tool-calling test on /api/chat and the OpenAI-compatible /v1',
		usage: 'trifecta tools [model...] [--json]',
		flags: [],
		args: {min: 0, max: null},
		results: 'write',
		load: async () => (await import('./commands/tools.js')).toolsCommand,
	},
	{
		name: 'run',
		summary: 'the whole strategy without the UI (--yes takes each default)',
		usage: 'trifecta run [--yes] [--json] [--pipeline-dir DIR] [--no-overlap] [--demo [--fresh]]',
		flags: ['pipeline-dir', 'overlap', 'fresh'],
		args: {min: 0, max: 0},
		results: 'runner',
		load: async () => (await import('./commands/run.js')).runCommand,
	},
	{
		name: 'report',
		summary: 'rebuild the report and text tables from saved results',
		usage: 'trifecta report [--results-dir DIR] [--docs-dir DIR] [--pipeline-dir DIR] [--csv] [--json]',
		flags: ['csv', 'pipeline-dir'],
		args: {min: 0, max: 0},
		results: 'none',
		load: async () => (await import('./commands/report.js')).reportCommand,
	},
	{
		name: 'configs',
		summary: 'show or write the hybrid configs for the winner',
		usage: 'trifecta configs [model] [--write] [--commit] [--yes] [--pipeline-dir DIR] [--json]',
		flags: ['write', 'commit', 'pipeline-dir'],
		args: {min: 0, max: 1},
		results: 'none',
		load: async () => (await import('./commands/configs.js')).configsCommand,
	},
];

/** `trifecta` with no command. */
export const wizardEntry: CommandEntry = {
	name: 'wizard',
	summary: 'the interactive wizard',
	usage: 'trifecta [options] [--pipeline-dir DIR] [--no-overlap] [--demo [--fresh]]',
	flags: ['pipeline-dir', 'overlap', 'fresh'],
	args: {min: 0, max: 0},
	results: 'runner',
	load: async () => (await import('./commands/wizard.js')).wizardCommand,
};

export const commonFlags = [
	'host',
	'backend',
	'json',
	'demo',
	'yes',
	'claude',
	'results-dir',
	'docs-dir',
	'prompts-dir',
	'reps',
	'num-ctx',
	'threshold',
	'min-rate',
	'bandwidth',
	'claude-model',
	'ladder',
	'judge',
	'judge-model',
	'scenarios',
	'load-timeout',
	'stall-timeout',
	'help',
	'version',
];

export function findCommand(name: string): CommandEntry | undefined {
	return commands.find((command) => command.name === name);
}
