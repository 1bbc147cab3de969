// The strategy's state, the events that fold into it, and the actions it asks the runner (or
// the user) to perform next. Everything here is plain data so the reducer stays pure and a
// state can be rebuilt from the results file on resume.
import type {ResultsFile, RoundRecord, ThresholdCheck} from '../../domain/schema.js';
import type {Settings} from '../settings.js';
import type {CommitPlan} from '../../output/configs/commit.js';

export type StepKind = 'pull' | 'bench' | 'compare' | 'tools';

/** What preflight learned that decisions depend on (installed models, memory, disk, bandwidth). */
export type MachineFacts = {
	installed: {name: string; sizeBytes: number}[];
	totalRamBytes: number;
	freeRamBytes: number;
	/** Free disk on Ollama's models volume; null when Ollama is on another machine. */
	modelsDiskFreeBytes: number | null;
	bandwidthGBs: number | null;
	/** false when ANTHROPIC_API_KEY is missing or --no-claude: the baseline cannot run. */
	claudeAvailable: boolean;
	/** The Claude ids the key can use (Models API, validated, active only); absent offline: the plan offers the built-in ones. */
	claudeModels?: string[];
	/**
	 * --backend openai: the server whose models are `installed` ("vLLM 0.11.0 at http://gpu:8000"). Its
	 * models are served, never pulled or deleted, and its memory is not this machine's.
	 */
	servedBy?: string;
};

/** One 70B-class model as the escalation offer shows it. */
export type CandidateFacts = {
	model: string;
	sizeBytes: number;
	installed: boolean;
	/** Weights plus ~10 % within the ~75 % of RAM the GPU may wire by default on Apple silicon. */
	fitsRam: boolean;
	/** null when the models disk is unknown (remote Ollama); true when already installed. */
	fitsDisk: boolean | null;
	/** bandwidth / size: the decode rate it cannot exceed; null without a bandwidth. */
	ceilingRate: number | null;
	/** Its ceiling is already below the minimum rate, so it cannot be practical. */
	belowMinRate: boolean;
	/** Decode rate predicted from what this machine measured (rate x bytes ~ constant); null before any benchmark. */
	predictedRate: number | null;
	/** [low, high] around the prediction, capped by the ceiling. */
	predictedRange: [number, number] | null;
	/** The point prediction reaches the minimum rate; null without a prediction. */
	predictedPractical: boolean | null;
	/** Where the prediction comes from, for the wording ("from qwen2.5:32b at 14.4 t/s"). */
	predictedFrom: string | null;
	/** Another 70B-class model that must be deleted first (never two at once). */
	mustDeleteFirst: string | null;
};

export type EscalationOffer = {
	/** The round whose outcome this offer follows (1 after the 32B). */
	afterRound: number;
	/** The model that round was about. */
	roundModel: string;
	recommended: string;
	/** The other 70B-class model, when it has not been tried yet. */
	alternative: string | null;
	/** Why this offer, why this model and what pulling it is for, in a few sentences. */
	reason: string;
	/** Just what the round fell short on, for the round's verdict (the offer screen shows `reason`). */
	shortfall: string;
	candidates: CandidateFacts[];
	/** What --yes takes and where the wizard's cursor starts: escalate to `recommended`, or skip (always after an inconclusive round). */
	defaultChoice: Extract<EscalationChoice, 'accept' | 'skip'>;
	/** The round model's threshold verdict the offer follows: meets, misses or inconclusive, and why. */
	roundCheck: ThresholdCheck;
};

export type EscalationChoice = 'accept' | 'swap' | 'skip';

export type FinalRecommendation = {
	model: string | null;
	practical: boolean | null;
	/** No practical model meets the threshold: the best practical one is recommended anyway. */
	belowThreshold: boolean;
	/** One sentence each, shown verbatim everywhere (screens, run output, report, --json). */
	reason: string;
	ceiling: string;
	nextStep: string;
	/** The terminal round record: 'recommend' or 'ceiling'. */
	record: Omit<RoundRecord, 'at'>;
};

/** The user's answer to the configs offer: write the JSON, patch the pipeline, or neither. */
export type ConfigsAnswer = {write: boolean; patch: boolean};

export type StepAction = {
	kind: 'step';
	step: StepKind;
	round: number;
	models: string[];
	/** compare only: the Claude baseline still has to be measured. */
	baseline: boolean;
	/** Keys marked done when the step finishes, with their fingerprints. */
	keys: Record<string, string>;
};

export type Action =
	| {kind: 'preflight'}
	| {kind: 'plan'}
	| StepAction
	| {kind: 'record'; record: Omit<RoundRecord, 'at'>}
	| {kind: 'ask-escalation'; offer: EscalationOffer}
	/** `protect`: the model to delete met the threshold, so --yes keeps it and skips `next`. */
	| {kind: 'ask-delete'; round: number; model: string; next: string; protect: boolean}
	| {kind: 'delete'; round: number; model: string}
	| {kind: 'recommend'; recommendation: FinalRecommendation}
	/** The offer: write the hybrid configs (and patch the pipeline found)? Nothing is written before the answer. */
	| {kind: 'ask-configs'; model: string}
	| {kind: 'configs'; model: string | null; answer: ConfigsAnswer}
	/** After a Write that patched the pipeline, in a git repository: commit those files? Default no. */
	| {kind: 'ask-commit'; plan: CommitPlan}
	| {kind: 'commitConfigs'; plan: CommitPlan}
	| {kind: 'report'}
	| {kind: 'done'}
	| {kind: 'canceled'; key: string}
	| {kind: 'failed'; key: string; message: string};

export type StrategyState = {
	settings: Settings;
	machine: MachineFacts | null;
	/** The wizard waits on the Plan screen until the user starts; `run` confirms at once. */
	planConfirmed: boolean;
	/** Snapshot of the results file: measurements, rounds and recommendation. */
	results: ResultsFile;
	/** Step key -> fingerprint of the settings it was done with. */
	done: Record<string, string>;
	/** The answer to the configs offer; null until given. */
	configsAnswer: ConfigsAnswer | null;
	configsWritten: string[] | null;
	/** The configs commit the patch made possible (null: nothing to commit), its answer, and whether it ran. */
	commitPlan: CommitPlan | null;
	commitAnswer: boolean | null;
	committed: boolean;
	/** Why the commit the user asked for failed (git's first line, sanitised); null when it did not fail. */
	commitError: string | null;
	reportWritten: string[] | null;
	canceled: string | null;
	failure: {key: string; message: string} | null;
};

export type StrategyEvent =
	| {type: 'preflight:done'; machine: MachineFacts}
	| {type: 'plan:confirmed'}
	| {type: 'settings:changed'; settings: Settings}
	/** A step finished; `results` is the store's contents after it persisted its measurements. */
	| {type: 'step:done'; keys: Record<string, string>; results: ResultsFile; pulled?: {name: string; sizeBytes: number}[]}
	| {type: 'step:canceled'; key: string; results: ResultsFile}
	| {type: 'step:failed'; key: string; message: string; results: ResultsFile}
	/** Clears a cancel or failure so the next action is tried again. */
	| {type: 'retry'}
	| {type: 'decision:recorded'; record: RoundRecord}
	| {type: 'escalation:chosen'; choice: EscalationChoice; offer: EscalationOffer; at: string}
	| {type: 'delete:answered'; round: number; model: string; next: string; confirm: boolean; at: string}
	| {type: 'delete:done'; model: string}
	| {type: 'recommendation:recorded'; recommendation: FinalRecommendation; configs: string[]; at: string}
	/** null takes the answer back (a write failed; the offer is asked again). */
	| {type: 'configs:answered'; answer: ConfigsAnswer | null}
	/** patched: the pipeline's own files were written, not only the JSON. */
	| {type: 'configs:written'; files: string[]; commit?: CommitPlan | null; patched?: boolean}
	| {type: 'commit:answered'; commit: boolean}
	| {type: 'commit:done'; error?: string}
	| {type: 'report:written'; files: string[]};
