// --help and --version are answered from here before the argument parser loads, so they stay
// as fast as a bare node start (the performance budget allows 2.5 times that).
import {existsSync, readFileSync} from 'node:fs';
import {commands, findCommand} from './registry.js';

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
    --host URL           Ollama server (default: $OLLAMA_HOST, else ${DEFAULT_HOST}); with
                         --backend openai, the inference server (its /v1 is found below it)
    --backend B          ollama (default) or openai: vLLM, SGLang, llama-server or LM Studio at
                         --host, measuring what it serves (key: $OPENAI_COMPATIBLE_API_KEY)
    --demo               run against a built-in simulator of an M3 Max (SIMULATED); its results
                         stay in one folder in your cache directory, so it resumes
    --fresh              with --demo: start the demo over (clears its folder)
    --json               print one JSON document on stdout; progress goes to stderr
    --yes                take each decision's default (never deletes a model that met the threshold;
                         writes hybrid-configs.json but never patches the pipeline, unlike the
                         wizard's default: it prints the \`trifecta configs --write\` to run)
    --no-claude          skip the Claude baseline
    --no-overlap         never measure a model while another one downloads
    --results-dir DIR    where results go (default ./results; --demo: the demo's folder)
    --docs-dir DIR       where the report goes (default ./docs)
    --prompts-dir DIR    use your own bull/bear/trader prompts and market context
    --reps N             timed repetitions per benchmark (default 3)
    --num-ctx N          context size pinned for every run (default 8192)
    --threshold N        trader score a local model must reach (default 9.0)
    --min-rate N         decode rate (tokens/s) a practical model needs (default 8)
    --bandwidth GB/s     memory bandwidth when it cannot be detected
    --claude-model ID    the Claude baseline model (default: the newest Sonnet your key can use)
    --load-timeout S     seconds to wait for the first byte: model load + prompt (default 900)
    --stall-timeout S    seconds without progress (new tokens, pull bytes) in a stream (default 120)
    --ladder A,B,C       the models to consider, in order of size (the catalog's escalation steps are the candidates)
    --judge claude|rubric|openai:MODEL
                         who scores quality: the blind pairwise Claude judge (default with a key), a judge
                         on any OpenAI-compatible endpoint (OPENAI_BASE_URL, OPENAI_API_KEY; not the
                         baseline model, so no self-preference), or the offline rubric (a
                         format-and-grounding check, not a judge)
    --judge-model ID     the Claude judge's model, any Claude id (default the baseline model)
    --scenarios N        market scenarios every prompt is asked about (default 3)
    --help, --version

  Environment
    OLLAMA_HOST, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, NO_COLOR
    TRIFECTA_DEMO_PACE   with --demo: real time per simulated second (default 0.05, twenty times
                         faster than an M3 Max; 0 runs flat out)

  Exit codes
    0 done, 1 failed, 2 usage error, 3 a decision is needed (pass --yes), 130 interrupted
`;
}

export function packageVersion(): string {
	// This module is source/cli/help.ts (tsx), dist/cli/help.js (tsc), or part of the bundled dist/cli.js.
	// The nearer one first: from dist/cli.js, ../../ is outside the project.
	const file = ['../package.json', '../../package.json'].map((relative) => new URL(relative, import.meta.url)).find((url) => existsSync(url));
	const pkg = JSON.parse(readFileSync(file ?? new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
	return pkg.version;
}

function commandHelp(name: string): string | null {
	const command = findCommand(name);
	return command ? `\n  Usage\n    $ ${command.usage}\n\n  ${command.summary}\n\n  Common options: trifecta --help\n\n` : null;
}

/**
 * The text to print when argv only asks for help or the version; null when it asks for more
 * (or for something the full parser must judge, such as an unknown command).
 */
export function quickAnswer(argv: string[]): string | null {
	const words = argv.filter((token) => !token.startsWith('-'));
	const wantsHelp = argv.includes('--help') || argv.includes('-h');
	if (wantsHelp && words.length === 0) return helpText();
	if (wantsHelp && words.length === 1 && words[0] !== undefined) return commandHelp(words[0]);
	if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return `${packageVersion()}\n`;
	return null;
}
