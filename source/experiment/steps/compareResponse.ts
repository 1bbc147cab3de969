// Turns a measured cell into the ScoredResponse the results file keeps: rubric score and its
// dimensions, the score relative to the baseline, the transcript, and the trader-style tail.
import {relativeToBaseline, scoreResponse} from '../../analysis/rubric.js';
import type {Role, ScoredResponse} from '../../output/schema.js';
import {writeTranscript} from '../../output/transcripts.js';
import type {CellRun} from './compareCell.js';
import {userMessage} from '../../system/userMessage.js';

/** Where a trader's decision and risk levels should be (DESIGN.md, report section 6). */
export const TAIL_CHARS = 500;

export type BaselineRef = {chars: number; score: number | null} | null;

export function scoredResponse(input: {
	role: Role;
	run: CellRun;
	context: string;
	baseline: BaselineRef;
	resultsDir: string;
	subject: string;
	simulated: boolean;
}): ScoredResponse {
	const {role, run, baseline} = input;
	const scored = scoreResponse({role, text: run.text, context: input.context, baselineChars: baseline?.chars});
	const transcript = writeTranscript(input.resultsDir, input.subject, role, run.text, {simulated: input.simulated});
	return {
		role,
		status: 'ok',
		metrics: scored.metrics,
		score: scored.score,
		dimensions: scored.dimensions,
		relativeToBaseline: relativeToBaseline(scored.score, baseline?.score),
		elapsedSeconds: run.elapsedSeconds,
		outputTokens: run.outputTokens,
		tokensPerSecond: run.tokensPerSecond,
		ttftMs: run.ttftMs,
		transcript,
		tail: run.text.slice(-TAIL_CHARS),
		at: new Date().toISOString(),
	};
}

/** @deprecated The same function as userMessage (system/userMessage.ts); kept for callers on other branches. */
export const failureReason = userMessage;

export function errorResponse(role: Role, reason: string, partialText: string, elapsedSeconds: number): ScoredResponse {
	return {
		role,
		status: 'error',
		error: reason,
		metrics: null,
		score: null,
		dimensions: [],
		relativeToBaseline: null,
		elapsedSeconds,
		outputTokens: null,
		tokensPerSecond: null,
		ttftMs: null,
		transcript: null,
		tail: partialText.slice(-TAIL_CHARS),
		at: new Date().toISOString(),
	};
}
