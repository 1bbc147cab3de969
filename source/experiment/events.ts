// Typed events the steps emit while they work. The wizard folds them into screen state, the
// headless path prints them as plain lines on stderr. Deltas are the hot path: keep them small.
import type {PullUpdate, ToolCall} from '../providers/types.js';
import type {
	BaselineResult,
	EndpointToolResult,
	PullResult,
	RepRecord,
	Role,
	ScoredResponse,
	SpeedResult,
	ToolCallingResult,
	ToolScenarioOutcome,
} from '../domain/schema.js';

export type Endpoint = 'native' | 'openai';

export type PullEvent =
	| {type: 'pull:start'; model: string; expectedBytes: number | null}
	| {type: 'pull:progress'; model: string; update: PullUpdate}
	| {type: 'pull:done'; model: string; result: PullResult};

export type BenchEvent =
	| {type: 'bench:start'; model: string; reps: number; ceilingRate: number | null}
	| {type: 'bench:warmup'; model: string}
	| {type: 'bench:loaded'; model: string; loadMs: number}
	/** rep is 1-based. */
	/** `at` (and each delta's) is on the run's clock (experiment/clock.ts), the server's time. */
	| {type: 'bench:rep-start'; model: string; rep: number; at: number}
	| {type: 'bench:delta'; model: string; rep: number; text: string; at: number}
	| {type: 'bench:rep-done'; model: string; rep: number; record: RepRecord}
	| {type: 'bench:done'; model: string; speed: SpeedResult; practical: boolean};

/** `subject` is a model name, or `claude:<model>` for the baseline. */
export type CompareEvent =
	| {type: 'compare:start'; subjects: string[]; roles: Role[]; baseline: 'run' | 'skipped'; baselineNote: string | null}
	/** scenario: the market this answer is for (one cell runs once per scenario). */
	| {type: 'compare:cell-start'; subject: string; role: Role; at: number; scenario?: string}
	| {type: 'compare:delta'; subject: string; role: Role; text: string; at: number}
	/** settled false: the judge's verdicts will revise this record, in another cell-done for the same cell. */
	| {type: 'compare:cell-done'; subject: string; role: Role; response: ScoredResponse; settled?: boolean}
	| {type: 'compare:baseline-done'; baseline: BaselineResult};

export type ToolsEvent =
	| {type: 'tools:start'; models: string[]; endpoints: Endpoint[]}
	| {type: 'tools:scenario-start'; model: string; endpoint: Endpoint; scenario: ToolScenarioOutcome['id']}
	| {type: 'tools:scenario-done'; model: string; endpoint: Endpoint; outcome: ToolScenarioOutcome; calls?: ToolCall[]}
	| {type: 'tools:endpoint-done'; model: string; endpoint: Endpoint; result: EndpointToolResult}
	| {type: 'tools:done'; model: string; result: ToolCallingResult};

export type NoticeEvent =
	| {type: 'warning'; message: string}
	| {type: 'info'; message: string}
	| {type: 'step-error'; step: string; model: string | null; message: string};

export type StepEvent = PullEvent | BenchEvent | CompareEvent | ToolsEvent | NoticeEvent;

export type Emit = (event: StepEvent) => void;
