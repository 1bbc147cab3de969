// Scores never go stale: every answer scored by an older rubric is scored again from its stored
// transcript (no new generation), and the role records are recomputed from their scenarios. A
// judged quality is kept (only the judge can renew it; compare re-judges pairs whose baseline
// changed), but its compliance checks and rubric figures are refreshed like everyone's.
import {RUBRIC_VERSION} from '../analysis/rubric.js';
import type {ResultsFile, Role, ScenarioScore, ScoredResponse} from '../domain/schema.js';
import {readTranscript} from '../output/transcripts.js';
import {bundledPromptsDir, loadPrompts} from '../prompts/load.js';
import {FIRST_SCENARIO, availableScenarios, type Scenario} from '../prompts/scenarios.js';
import {judgedBaseline, qualityFields, scenarioQuality, type QualitySource} from './steps/compare/aggregate.js';
import {COMPARE_ROLES} from './steps/compare/prompts.js';
import {rubricScenario} from './steps/compare/response.js';

export type RescoreOutcome = {rescored: number; unreadable: number};

/** Every market scenario a stored score may name, from the prompts directory (bundled when empty). */
export function scenariosFrom(promptsDir: string): Scenario[] {
	const dir = promptsDir || bundledPromptsDir();
	return availableScenarios(dir, loadPrompts(dir));
}

function isStale(score: ScenarioScore): boolean {
	return score.status === 'ok' && (score.rubricVersion ?? '1') !== RUBRIC_VERSION;
}

function rescoreScenario(role: Role, score: ScenarioScore, resultsDir: string, contexts: Map<string, string>): ScenarioScore | null {
	const context = contexts.get(score.scenario);
	const text = score.transcript ? readTranscript(resultsDir, score.transcript) : null;
	if (context === undefined || text === null) return null;
	const fresh = rubricScenario(role, score.scenario, text, context, score.transcript);
	if (score.scorer?.kind !== 'judge') return {...fresh, ...(score.noise ? {noise: score.noise} : {})};
	return {...fresh, quality: score.quality, judge: score.judge, scorer: score.scorer, ...(score.noise ? {noise: score.noise} : {})};
}

/** The scenarios of a record written before scenarios existed: its one answer, on the first market. */
function legacyScenarios(response: ScoredResponse): ScenarioScore[] {
	if (response.scenarios) return response.scenarios;
	return [{scenario: FIRST_SCENARIO, status: 'ok', quality: response.score, rubricScore: response.score, dimensions: response.dimensions, metrics: response.metrics, compliance: null, judge: null, scorer: null, transcript: response.transcript}];
}

function rescoreResponse(
	role: Role,
	response: ScoredResponse,
	resultsDir: string,
	contexts: Map<string, string>,
	baselineRubric: Partial<Record<string, number | null>> | null,
	isBaseline: boolean,
	outcome: RescoreOutcome,
): ScoredResponse {
	if (response.status !== 'ok') return response;
	const scenarios = legacyScenarios(response);
	if (!scenarios.some(isStale)) return response;
	const updated = scenarios.map((score) => {
		if (!isStale(score)) return score;
		const fresh = rescoreScenario(role, score, resultsDir, contexts);
		if (fresh) outcome.rescored++;
		else outcome.unreadable++;
		return fresh ?? score;
	});
	if (updated.some(isStale)) return response;
	const source: QualitySource = {kind: response.scoreSource === 'judge' && !isBaseline ? 'judge' : 'rubric', judgeModel: response.scorer?.judgeModel ?? null};
	const fields = {...response, ...qualityFields(updated, source, isBaseline ? null : baselineRubric)};
	return isBaseline && response.scoreSource === 'judge' ? judgedBaseline(fields, {kind: 'judge', judgeModel: source.judgeModel}) : fields;
}

/**
 * Re-scores, in place, every stored answer whose rubric version is not the current one. Answers
 * whose transcript or market file is gone stay as they are (and are shown as stale).
 */
export function rescoreStale(results: ResultsFile, resultsDir: string, scenarios: Scenario[]): RescoreOutcome {
	const outcome: RescoreOutcome = {rescored: 0, unreadable: 0};
	const contexts = new Map(scenarios.map((s) => [s.id, s.context]));
	const baseline = results.baseline;
	for (const role of COMPARE_ROLES) {
		const stored = baseline?.reasoning[role];
		if (baseline && stored) baseline.reasoning[role] = rescoreResponse(role, stored, resultsDir, contexts, null, true, outcome);
	}
	for (const role of COMPARE_ROLES) {
		const base = baseline?.reasoning[role];
		const rubric = base?.status === 'ok' ? Object.fromEntries(legacyScenarios(base).map((s) => [s.scenario, scenarioQuality(s, {kind: 'rubric', judgeModel: null})])) : null;
		for (const model of results.models) {
			const stored = model.reasoning?.[role];
			if (model.reasoning && stored) model.reasoning[role] = rescoreResponse(role, stored, resultsDir, contexts, rubric, false, outcome);
		}
	}
	return outcome;
}
