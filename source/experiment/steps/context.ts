// What every step needs. Steps are the commands of issues 3-5 as functions: they talk to the
// providers, emit events, and persist what they measured through the results store as they go,
// so a failure or Ctrl+C never loses a finished measurement.
import type {ClaudeProvider, JudgeProvider, OllamaProvider, OpenAICompatProvider} from '../../providers/types.js';
import type {ResultsStore} from '../../output/resultsStore.js';
import type {SystemInfo} from '../../system/types.js';
import type {ClaudeQueue} from '../claudeQueue.js';
import type {Clock} from '../clock.js';
import type {Emit} from '../events.js';
import type {Settings} from '../settings.js';
import type {BaselineBoard} from './compare/baselineBoard.js';

/**
 * Set when the runner orchestrates a whole round: the model stays loaded across the
 * round's steps and is unloaded once by the runner; the Claude baseline runs in its own task and
 * posts each role on the board, which compare reads instead of calling Claude itself.
 */
export type RoundContext = {
	/** keep_alive sent with every local request of the round: long enough for the whole round. */
	keepAlive: string;
	/** Steps leave the model loaded; the runner unloads it when the round moves on. */
	keepLoaded: boolean;
	/** null when this round runs no baseline (reused, or skipped). */
	board: BaselineBoard | null;
	/** The model being downloaded right now, if any, so measurements can say they ran during it. */
	pulling(): string | null;
	/**
	 * Work that may finish after the step returns (scoring a local answer once Claude's answer to
	 * the same role exists), so the local lane moves on instead of waiting for Claude.
	 */
	defer?: (work: Promise<void>) => void;
};

export type StepContext = {
	ollama: OllamaProvider;
	openai: OpenAICompatProvider;
	/** null when ANTHROPIC_API_KEY is missing or --no-claude. */
	claude: ClaudeProvider | null;
	/** Why claude is null ("ANTHROPIC_API_KEY is not set", "--no-claude"), shown as "baseline skipped". */
	claudeSkipReason: string | null;
	/** The OpenAI-compatible judge of --judge openai:<model>; null when it was asked for and cannot run. */
	judgeProvider?: JudgeProvider | null;
	/** Why judgeProvider is null (e.g. "OPENAI_API_KEY is not set"). */
	judgeSkipReason?: string | null;
	settings: Settings;
	system: SystemInfo;
	results: ResultsStore;
	/** Aborted on Ctrl+C (first press) or Esc: the step stops, keeps what it finished, and throws ProviderError('canceled'). */
	signal: AbortSignal;
	emit: Emit;
	/** Directory holding bull/bear/trader prompts and the market context (--prompts-dir). */
	promptsDir: string;
	simulated: boolean;
	/** Every time figure is read from it (experiment/clock.ts); absent: the wall clock. */
	clock?: Clock;
	/** Every Claude request goes through it (FIFO, bounded concurrency); absent: the step makes its own. */
	claudeQueue?: ClaudeQueue;
	round?: RoundContext;
	/**
	 * --backend openai: the inference server measured instead of Ollama ("vLLM 0.11.0 at http://gpu:8000"),
	 * recorded with every benchmark; absent on Ollama.
	 */
	servedBy?: string;
};

export type {ResultsStore};
