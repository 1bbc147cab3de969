// One role's answers over the scenarios, folded into the ScoredResponse the results file keeps:
// score = the mean quality with its 95 % interval, the gap to the baseline with its interval,
// win/tie/loss counts, and the first scenario's metrics and compliance for the tables. Judged and
// rubric qualities are never averaged together: the source decides which one every scenario gives.
import {meanInterval} from '../../../analysis/interval.js';
import {relativeOfScenarios} from '../../../analysis/relative.js';
import {JUDGE_PROMPT_VERSION} from '../../../analysis/judgePrompt.js';
import {RUBRIC_LABEL} from '../../../analysis/judgeIdentity.js';
import type {QualityInterval, Role, ScenarioScore, ScoredResponse} from '../../../domain/schema.js';
import {RUBRIC_VERSION} from '../../../analysis/rubric.js';
import {errorResponse, TAIL_CHARS} from './response.js';
import type {ScenarioRun} from './types.js';

export type QualitySource = {kind: 'judge' | 'rubric'; judgeModel: string | null};

/** The quality one scenario contributes under this source; null when it has none (a failed judge). */
export function scenarioQuality(score: ScenarioScore, source: QualitySource): number | null {
	if (score.status !== 'ok') return null;
	return source.kind === 'judge' ? (score.judge?.quality ?? null) : score.rubricScore;
}

function sum(values: (number | null)[]): number | null {
	const known = values.filter((v): v is number => v !== null);
	return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/**
 * Gap to the baseline, paired per scenario: judged, the answer's quality minus the baseline's
 * quality from the same judge calls; rubric, minus the baseline's rubric score on that scenario.
 */
function gapInterval(scores: ScenarioScore[], source: QualitySource, baseline: Partial<Record<string, number | null>> | null): QualityInterval | null {
	const diffs: number[] = [];
	for (const score of scores) {
		const q = scenarioQuality(score, source);
		if (q === null) continue;
		if (source.kind === 'judge') {
			const b = score.judge?.baselineQuality;
			if (b !== null && b !== undefined) diffs.push(q - b);
		} else {
			const b = baseline?.[score.scenario];
			if (b !== null && b !== undefined) diffs.push(q - b);
		}
	}
	return meanInterval(diffs, {min: -10, max: 10});
}

/** Every field of a role's record that comes from its scenario scores (recomputed when re-scoring). */
export type QualityFields = Pick<ScoredResponse, 'metrics' | 'score' | 'scoreSource' | 'scorer' | 'quality' | 'gap' | 'verdicts' | 'compliance' | 'scenarios' | 'dimensions' | 'relativeToBaseline' | 'relative'>;

export function qualityFields(scores: ScenarioScore[], source: QualitySource, baseline: Partial<Record<string, number | null>> | null): QualityFields {
	const ok = scores.filter((s) => s.status === 'ok');
	const first = ok[0];
	const qualities = ok.map((s) => scenarioQuality(s, source)).filter((q): q is number => q !== null);
	const quality = meanInterval(qualities);
	const verdicts = {win: 0, tie: 0, loss: 0, failed: 0};
	for (const s of ok) {
		const judge = s.judge;
		if (!judge) continue;
		if (judge.status === 'failed' || judge.verdict === null) verdicts.failed++;
		else verdicts[judge.verdict]++;
	}
	// The relative score is the judge's alone: a rubric score is never divided by a judged one, nor
	// called "vs Claude" (one definition, one name everywhere).
	const relative = source.kind === 'judge' ? relativeOfScenarios(ok) : null;
	return {
		metrics: first?.metrics ?? null,
		score: quality?.mean ?? null,
		scoreSource: source.kind,
		scorer: {kind: source.kind, version: source.kind === 'judge' ? JUDGE_PROMPT_VERSION : RUBRIC_VERSION, judgeModel: source.judgeModel, baseline: null, label: source.kind === 'judge' ? (source.judgeModel ?? 'judge') : RUBRIC_LABEL},
		quality,
		gap: gapInterval(ok, source, baseline),
		...(source.kind === 'judge' ? {verdicts} : {}),
		compliance: first?.compliance ?? null,
		scenarios: scores,
		dimensions: first?.dimensions ?? [],
		relative,
		relativeToBaseline: relative === null ? null : relative.mean / 10,
	};
}

export function aggregateRole(role: Role, runs: ScenarioRun[], source: QualitySource, baseline: Partial<Record<string, number | null>> | null = null): ScoredResponse {
	const ok = runs.filter((r) => r.score.status === 'ok');
	const first = ok[0];
	const elapsed = runs.reduce((total, r) => total + r.elapsedSeconds, 0);
	if (!first) {
		const failed = runs[0];
		return {...errorResponse(role, failed?.score.error ?? 'failed', failed?.text ?? '', elapsed), scenarios: runs.map((r) => r.score)};
	}
	const rates = ok.map((r) => r.run?.tokensPerSecond ?? null).filter((v): v is number => v !== null);
	return {
		role,
		status: 'ok',
		...(runs.length > ok.length ? {error: runs.filter((r) => r.score.status === 'error').map((r) => `${r.score.scenario}: ${r.score.error ?? 'failed'}`).join('; ')} : {}),
		...qualityFields(runs.map((r) => r.score), source, baseline),
		elapsedSeconds: elapsed,
		outputTokens: sum(ok.map((r) => r.run?.outputTokens ?? null)),
		tokensPerSecond: rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length,
		ttftMs: first.run?.ttftMs ?? null,
		transcript: first.score.transcript,
		tail: first.text.slice(-TAIL_CHARS),
		at: new Date().toISOString(),
	};
}

/** The baseline's role record: its rubric mean, or judged, its absolute judged quality. */
export function aggregateBaselineRole(role: Role, runs: ScenarioRun[], source: QualitySource): ScoredResponse {
	return judgedBaseline(aggregateRole(role, runs, {kind: 'rubric', judgeModel: null}), source);
}

/**
 * Judged, the baseline's quality is the judged quality of the answer every model is compared with
 * (sample 1, scored in the noise pair); the noise floor is sample 2's quality minus sample 1's:
 * the gap the judge reports between two answers of the same model.
 */
export function judgedBaseline(aggregated: ScoredResponse, source: QualitySource): ScoredResponse {
	if (source.kind !== 'judge' || aggregated.status !== 'ok') return aggregated;
	const pairs = (aggregated.scenarios ?? []).map((s) => s.noise).filter((n) => n?.status === 'ok' && n.quality !== null && typeof n.baselineQuality === 'number');
	const quality = meanInterval(pairs.map((n) => n?.baselineQuality ?? 0));
	const floor = meanInterval(
		pairs.map((n) => (n?.quality ?? 0) - (n?.baselineQuality ?? 0)),
		{min: -10, max: 10},
	);
	return {
		...aggregated,
		score: quality?.mean ?? null,
		scoreSource: 'judge',
		scorer: {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel: source.judgeModel, baseline: null, label: source.judgeModel ?? 'judge'},
		quality,
		noiseFloor: floor,
		gap: floor,
		relative: null,
		relativeToBaseline: null,
	};
}
