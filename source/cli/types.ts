// The contract between cli.tsx (argument parsing, services, exit codes) and each command module
// in source/cli/commands/. A command renders Ink when io.interactive, else prints plain progress
// lines on stderr (and with --json, one JSON document on stdout and nothing else).
import type {Readable, Writable} from 'node:stream';
import type {GlobalFlags, Services} from '../experiment/services.js';
import type {ResultsStore} from '../experiment/steps/context.js';
import type {Settings} from '../experiment/settings.js';
import type {ClaudeProvider, OllamaProvider, OpenAICompatProvider} from '../providers/types.js';
import type {SystemInfo} from '../system/types.js';

export type CommandIO = {
	stdout: Writable & {isTTY?: boolean; columns?: number};
	stderr: Writable & {isTTY?: boolean};
	stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	/** stdout and stdin are TTYs, not CI, not --json: Ink may render and ask. */
	interactive: boolean;
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

/**
 * What a command's module provides: how it runs. What it is called, its usage line, its flags and
 * arguments live in one place, the registry (registry.ts), which --help and the parser read
 * without loading any command's code.
 */
export type CommandModule = {
	run: CommandRun;
};

export type {GlobalFlags, ResultsStore, Services};
export type {ClaudeProvider, OllamaProvider, OpenAICompatProvider, Settings, SystemInfo};
