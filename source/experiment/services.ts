// What a command hands the experiment: the flags every command shares and the services built
// from them (providers, the results store, settings). Defined here, below app/ and cli/, so the
// runner and the screens can name them without importing upward.
import type {ClaudeProvider, JudgeProvider, OllamaProvider, OpenAICompatProvider} from '../providers/types.js';
import type {SystemInfo} from '../system/types.js';
import type {Clock} from './clock.js';
import type {Settings} from './settings.js';
import type {ResultsStore} from './steps/context.js';

export type GlobalFlags = {
	host: string;
	/** --backend: Ollama (default), or an OpenAI-compatible inference server at `host`. */
	backend?: 'ollama' | 'openai';
	json: boolean;
	demo: boolean;
	/** --demo --fresh: the demo's folder is cleared before it starts. */
	fresh?: boolean;
	yes: boolean;
	/** false with --no-claude */
	claude: boolean;
	/** false with --no-overlap: nothing local is measured while a model downloads (default true). */
	overlap?: boolean;
	resultsDir: string;
	docsDir: string;
	/** --prompts-dir, else the bundled prompts. */
	promptsDir: string;
	pipelineDir: string;
	/** --pipeline-dir was given: section 7 shows that folder's history even without src/hybrid_llm.py. */
	pipelineDirNamed?: boolean;
	write: boolean;
	/** configs --commit: commit the written configs in the pipeline repository (asks unless --yes). */
	commit?: boolean;
	/** report --csv: also write results/benchmark.csv, reasoning.csv and tools.csv. */
	csv?: boolean;
	/** --load-timeout / --stall-timeout in ms; absent: the defaults (900 s / 120 s). */
	timeouts?: {loadMs: number; stallMs: number};
};

/** --backend openai: which server answers, for every screen and record that names it. */
export type ServedBackend = {
	/** "vLLM 0.11.0 at http://gpu:8000" */
	label: string;
	name: string;
	version: string | null;
	/** GET /v1/models, with what the server says of each. */
	models: {id: string; contextLength: number | null; parameterSize: string; sizeBytes: number}[];
};

export type Services = {
	/** Ollama, or with --backend openai the inference server behind the same interface (no pulls, no deletes). */
	ollama: OllamaProvider;
	/** Set with --backend openai. */
	served?: ServedBackend;
	openai: OpenAICompatProvider;
	claude: ClaudeProvider | null;
	claudeSkipReason: string | null;
	/** The OpenAI-compatible judge of --judge openai:<model>, and why it cannot run when it cannot. */
	judgeProvider?: JudgeProvider | null;
	judgeSkipReason?: string | null;
	results: ResultsStore;
	/** Settings after flags were applied over the stored ones. */
	settings: Settings;
	/** The Claude ids the key can use, from the Models API (validated, active only); absent offline or without a key. */
	claudeModels?: readonly string[];
	system: SystemInfo;
	simulated: boolean;
	/** See experiment/clock.ts: the wall clock, or the demo's simulated time. */
	clock?: Clock;
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
