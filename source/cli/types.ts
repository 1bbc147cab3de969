// The contract between cli.tsx (argument parsing, services, exit codes) and each command module
// in source/cli/commands/. A command renders Ink when io.interactive, else prints plain progress
// lines on stderr (and with --json, one JSON document on stdout and nothing else).
import type {Readable, Writable} from 'node:stream';
import type {ClaudeProvider, OllamaProvider, OpenAICompatProvider} from '../providers/types.js';
import type {ResultsStore} from '../experiment/steps/context.js';
import type {Settings} from '../experiment/settings.js';
import type {SystemInfo} from '../system/types.js';

export type GlobalFlags = {
	host: string;
	json: boolean;
	demo: boolean;
	yes: boolean;
	/** false with --no-claude */
	claude: boolean;
	resultsDir: string;
	docsDir: string;
	/** --prompts-dir, else the bundled prompts. */
	promptsDir: string;
	pipelineDir: string;
	write: boolean;
};

export type CommandIO = {
	stdout: Writable & {isTTY?: boolean; columns?: number};
	stderr: Writable & {isTTY?: boolean};
	stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	/** stdout and stdin are TTYs, not CI, not --json: Ink may render and ask. */
	interactive: boolean;
};

export type Services = {
	ollama: OllamaProvider;
	openai: OpenAICompatProvider;
	claude: ClaudeProvider | null;
	claudeSkipReason: string | null;
	results: ResultsStore;
	/** Settings after flags were applied over the stored ones. */
	settings: Settings;
	system: SystemInfo;
	simulated: boolean;
	/** See StepContext.timeScale: the demo's pace, 1 otherwise. */
	timeScale: number;
	/** Aborted by cancel(): Ctrl+C once, or Esc on a screen where that cancels. */
	signal: AbortSignal;
	cancel(): void;
	/** Warnings collected from the SDKs and preflight, shown by the UI (never printed over it). */
	warnings: string[];
	/**
	 * Tells the listener of each warning as it happens (a busy Ollama being retried mid-step), so
	 * the running screen or line session can show it; `warnings` alone is read once, at the start.
	 * Returns the unsubscribe.
	 */
	onWarning(listener: (message: string) => void): () => void;
};

export type CommandInput = {
	args: string[];
	flags: GlobalFlags;
	io: CommandIO;
	/** Created on first call (doctor needs no Claude, report needs no Ollama). */
	services(): Promise<Services>;
};

/** Returns the process exit code: 0 done, 1 failed, 2 usage, 3 decision needed without --yes, 130 interrupted. */
export type CommandRun = (input: CommandInput) => Promise<number>;

export type CommandModule = {
	name: string;
	/** One line for --help. */
	summary: string;
	/** e.g. 'trifecta bench <model...> [--reps N] [--num-ctx N]' */
	usage: string;
	/** Command-specific flags, in meow's format, merged into the global ones. */
	flags?: Record<string, {type: 'string' | 'number' | 'boolean'; isMultiple?: boolean; default?: unknown}>;
	/** Minimum and maximum positional arguments (max null = unlimited). */
	args: {min: number; max: number | null; name?: string};
	run: CommandRun;
};

export type {ResultsStore};
export type {ClaudeProvider, OllamaProvider, OpenAICompatProvider, Settings, SystemInfo};
