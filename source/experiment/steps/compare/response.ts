// Turns a measured cell into what the results file keeps: per scenario, the rubric score with its
// dimensions, the compliance checks, the scorer and the transcript.
import {RUBRIC_LABEL} from '../../../analysis/judgeIdentity.js';
import {RUBRIC_VERSION, scoreResponse} from '../../../analysis/rubric.js';
import type {Role, ScenarioScore, ScoredResponse, ScorerRecord} from '../../../domain/schema.js';
import {writeTranscript} from '../../../output/transcripts.js';
import type {Scenario} from '../../../prompts/scenarios.js';
import type {CellRun} from './types.js';
import {answerHash} from './judge.js';

/** Where a trader's decision and risk levels should be (docs/DESIGN.md, report section 6). */
export const TAIL_CHARS = 500;

export function rubricScorer(): ScorerRecord {
	return {kind: 'rubric', version: RUBRIC_VERSION, judgeModel: null, baseline: null, label: RUBRIC_LABEL};
}

/** The rubric's view of one text for one scenario (also used to re-score stored transcripts). */
export function rubricScenario(role: Role, scenario: string, text: string, context: string, transcript: string | null): ScenarioScore {
	const scored = scoreResponse({role, text, context});
	return {
		scenario,
		status: 'ok',
		quality: scored.score,
		rubricScore: scored.score,
		dimensions: scored.dimensions,
		metrics: scored.metrics,
		compliance: scored.compliance,
		judge: null,
		scorer: rubricScorer(),
		transcript,
		rubricVersion: RUBRIC_VERSION,
		answerHash: answerHash(text),
	};
}

export function scenarioScore(input: {role: Role; scenario: Scenario; run: CellRun; resultsDir: string; subject: string; simulated: boolean; sample?: number}): ScenarioScore {
	const transcript = writeTranscript(input.resultsDir, input.subject, input.role, input.run.text, {
		simulated: input.simulated,
		scenario: input.scenario.id,
		...(input.sample ? {sample: input.sample} : {}),
	});
	return rubricScenario(input.role, input.scenario.id, input.run.text, input.scenario.context, transcript);
}

export function errorScenario(scenario: Scenario, reason: string): ScenarioScore {
	return {scenario: scenario.id, status: 'error', error: reason, quality: null, rubricScore: null, dimensions: [], metrics: null, compliance: null, judge: null, scorer: null, transcript: null};
}


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
