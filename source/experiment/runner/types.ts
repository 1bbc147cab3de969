// What the runner needs (injectable so tests fake the steps and outputs) and what it tells its
// listeners: the steps' own events, plus where the strategy stands.
import type {BaselineResult, PullResult, ReasoningResult, ResultsFile, RoundRecord, SpeedResult, ToolCallingResult} from '../../domain/schema.js';
import type {CommitPlan} from '../../output/configs/commit.js';
import type {CommitResult} from '../../system/git.js';
import type {Services} from '../services.js';
import type {StepEvent} from '../events.js';
import type {SettingsStore} from '../settingsStore.js';
import type {BaselineBoard} from '../steps/compare/baselineBoard.js';
import type {StepContext} from '../steps/context.js';
import type {Action, ConfigsAnswer, StepAction, StrategyState} from '../strategy/index.js';

export type StepFunctions = {
	pull(ctx: StepContext, model: string): Promise<PullResult>;
	bench(ctx: StepContext, model: string): Promise<{speed: SpeedResult; practical: boolean}>;
	compare(ctx: StepContext, models: string[]): Promise<{models: Record<string, ReasoningResult>; baseline: BaselineResult}>;
	tools(ctx: StepContext, models: string[]): Promise<Record<string, ToolCallingResult>>;
	/** The Claude baseline alone, posting each role on the board as it is scored; runs beside the round's local work. */
	baseline(ctx: StepContext, board: BaselineBoard): Promise<BaselineResult>;
};

/** What the configs offer shows before anything is written. */
export type ConfigsOffer = {
	model: string;
	/** Every config, by the name the pipeline selects it with. */
	configs: {name: string; description: string}[];
	/** Where the JSON goes. */
	jsonFile: string;
	pipeline: {
		dir: string;
		/** src/hybrid_llm.py is there. */
		found: boolean;
		/** The files the patch changes, with lines added and removed. */
		changes: {relative: string; added: number; removed: number}[];
		/** The unified diff of those changes ('' when none). */
		diff: string;
		/** What the patch leaves alone or needs done by hand ('' when nothing). */
		notes: string;
	};
};

export type Outputs = {
	/** Plans the configs for the recommended model and the pipeline patch; writes nothing. */
	offer(results: ResultsFile, resultsDir: string): Promise<ConfigsOffer>;
	/** Writes what the answer allows (the JSON; the pipeline patch, re-planned); returns the files written. */
	configs(results: ResultsFile, resultsDir: string, answer: ConfigsAnswer): Promise<string[]>;
	/** After configs() patched the pipeline, in a git repository: the commit it would make (null: none to offer). */
	commitPlan(model: string): CommitPlan | null;
	/** Runs that commit (git with an argument array, never a shell). */
	commit(plan: CommitPlan): CommitResult;
	/** Writes the report and the text tables; returns the files written. */
	report(results: ResultsFile, resultsDir: string): Promise<string[]>;
};

export type RunnerServices = Pick<
	Services,
	'ollama' | 'openai' | 'claude' | 'claudeSkipReason' | 'results' | 'settings' | 'system' | 'simulated' | 'signal'
> &
	Partial<Pick<Services, 'clock' | 'claudeModels' | 'judgeProvider' | 'judgeSkipReason' | 'served'>>;

export type RunnerDeps = {
	services: RunnerServices;
	/** null: settings and progress are not persisted (tests that do not care). */
	settingsStore: SettingsStore | null;
	promptsDir: string;
	steps?: Partial<StepFunctions>;
	outputs?: Partial<Outputs>;
	/** Takes the results directory; resolves to release(). Default: acquireResultsLock. */
	lock?: (dir: string) => Promise<() => Promise<void>>;
	now?: () => Date;
	/** false with --no-overlap: nothing local is measured while a model downloads. Default true. */
	overlap?: boolean;
	/** Claude requests in flight at once (default 3). */
	claudeConcurrency?: number;
};

/** Where the strategy stands; sent after every change. */
export type StrategyUpdate = {type: 'strategy:update'; state: StrategyState; action: Action};

export type RunnerEvent =
	| StepEvent
	| StrategyUpdate
	| {type: 'strategy:step-start'; action: StepAction}
	| {type: 'strategy:decision'; record: RoundRecord}
	| {type: 'strategy:deleted'; model: string}
	| {type: 'strategy:written'; kind: 'configs' | 'report' | 'patch' | 'commit'; files: string[]};

export type RunnerListener = (event: RunnerEvent) => void;

/** Actions where the runner stops and waits: a question, the end, or an interruption. */
export type WaitingAction =
	| Extract<Action, {kind: 'plan' | 'ask-escalation' | 'ask-delete' | 'ask-commit' | 'done' | 'canceled' | 'failed'}>
	| (Extract<Action, {kind: 'ask-configs'}> & {offer: ConfigsOffer});
