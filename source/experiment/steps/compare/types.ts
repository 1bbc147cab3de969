// The shapes the compare step's files pass along, below all of them so the flow stays one-way:
// cell (one prompt, measured) -> response and judge (scored) -> aggregate (one role over the
// scenarios) -> local / baseline -> compare.
import type {ClaudeUsage} from '../../../providers/types.js';
import type {ScenarioScore} from '../../../domain/schema.js';

export type RolePrompt = {system: string; user: string};

export type CellRun = {
	text: string;
	elapsedSeconds: number;
	outputTokens: number | null;
	tokensPerSecond: number | null;
	ttftMs: number | null;
	usage: ClaudeUsage | null;
	costUsd: number | null;
	/** Said beside the scores: "answer cut off at N tokens" (done_reason "length"), the baseline's thinking. */
	note: string | null;
};

export type OnDelta = (text: string, at: number) => void;

export type ScenarioRun = {score: ScenarioScore; run: CellRun | null; text: string; elapsedSeconds: number};
