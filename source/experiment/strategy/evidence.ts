// Reading the measurements the decisions rest on. Practicality is recomputed from the measured
// mean rate and the current minimum rate, so changing --min-rate re-decides without re-measuring.
import {catalogEntry, isOneAtATime, tierOf} from '../../models/catalog.js';
import type {ModelResult, ResultsFile, RubricDimension, ThresholdCheck} from '../../domain/schema.js';
import {thresholdCheck, type CurrentScorer} from '../../analysis/thresholdCheck.js';
import type {Settings} from '../settings.js';
import type {MachineFacts} from './types.js';

export function modelResult(results: ResultsFile, name: string): ModelResult | undefined {
	return results.models.find((model) => model.name === name);
}

/**
 * The scorer this run uses: a stored score from another is stale (re-judged, and never read as
 * current meanwhile). Without a Claude key nothing judges, so what was judged before still stands.
 */
export function currentScorer(settings: Settings, machine: MachineFacts | null): CurrentScorer | undefined {
	if (settings.judge === 'rubric') return {kind: 'rubric'};
	if (machine !== null && !machine.claudeAvailable) return undefined;
	return {kind: 'judge', judgeModel: settings.judgeModel ?? settings.claudeModel};
}

/** The scorer as the settings name it, recorded with the decisions ("judge:<model>" or "rubric"). */
export function scorerId(settings: Settings): string {
	return settings.judge === 'rubric' ? 'rubric' : `judge:${settings.judgeModel ?? settings.claudeModel}`;
}

/** Whether a stored trader score may stand under the scorer this run uses: false when another judge (or, offline, a judge) scored it. */
export function scoredByCurrent(state: {results: ResultsFile; settings: Settings; machine: MachineFacts | null}, name: string): boolean {
	const scorer = currentScorer(state.settings, state.machine);
	const stored = modelResult(state.results, name)?.reasoning?.trader?.scorer;
	if (!scorer || !stored) return true;
	// A rubric score under a judge run is an answer whose judging did not finish (or an offline run):
	// measuring it again would regenerate it, so it stays, and its outcome says it was not judged.
	if (scorer.kind === 'judge' && stored.kind === 'rubric') return true;
	return scorer.kind === 'rubric' ? stored.kind === 'rubric' : stored.judgeModel === scorer.judgeModel;
}

/** The one threshold verdict of a model (meets / misses / inconclusive), from its trader record. */
export function thresholdOf(state: {results: ResultsFile; settings: Settings; machine: MachineFacts | null}, name: string): ThresholdCheck {
	const scorer = currentScorer(state.settings, state.machine);
	return thresholdCheck({trader: modelResult(state.results, name)?.reasoning?.trader, threshold: state.settings.threshold, ...(scorer ? {scorer} : {})});
}

/** The relative score (10 = Claude) the strategy ranks by; null when not judged. */
export function relativeOf(state: {results: ResultsFile; settings: Settings; machine: MachineFacts | null}, name: string): number | null {
	return thresholdOf(state, name).value;
}

/** "9.6 relative to Claude [9.1–10.1]", or why there is none. */
export function relativeText(check: ThresholdCheck): string {
	if (check.value === null) return 'no relative score';
	const interval = check.low === null || check.high === null || check.low === check.high ? '' : ` [${check.low.toFixed(1)}–${check.high.toFixed(1)}]`;
	return `${check.value.toFixed(1)}${interval} relative to Claude`;
}

export function meanRate(results: ResultsFile, name: string): number | null {
	return modelResult(results, name)?.speed?.evalRate.mean ?? null;
}

/** null when the model has not been benchmarked. */
export function isPractical(results: ResultsFile, name: string, minRate: number): boolean | null {
	const rate = meanRate(results, name);
	return rate === null ? null : rate >= minRate;
}

export function pipelineMinutes(results: ResultsFile, name: string): number | null {
	const seconds = modelResult(results, name)?.speed?.pipelineEstimateSeconds;
	return seconds === undefined ? null : Math.round(seconds / 60);
}

export function sizeOf(results: ResultsFile, machine: MachineFacts | null, name: string): number {
	const installed = machine?.installed.find((model) => model.name === name)?.sizeBytes;
	return installed ?? modelResult(results, name)?.sizeBytes ?? catalogEntry(name)?.sizeBytes ?? 0;
}

/** Never two installed at once (models/tiers.ts): the memory rule of round 2. */
export function isLarge(results: ResultsFile, machine: MachineFacts | null, name: string): boolean {
	return isOneAtATime(name, sizeOf(results, machine, name));
}

/** The model's escalation step (models/tiers.ts): 0 for what round one picks from. */
export function stepOf(results: ResultsFile, machine: MachineFacts | null, name: string): number {
	return tierOf(name, sizeOf(results, machine, name)).step;
}

export function isInstalled(machine: MachineFacts | null, name: string): boolean {
	return machine?.installed.some((model) => model.name === name) ?? false;
}

/** Points a response lost, split into format and risk levels versus depth and grounding. */
export type LostPoints = {formatAndRisk: number; depth: number; formatDims: string[]};

const FORMAT_AND_RISK = /decision|stop|target|siz|horizon|coheren|level|format|struct/i;
const DEPTH = /depth|ground|figure|length|engage/i;

export function lostPoints(dimensions: RubricDimension[]): LostPoints {
	const lost: LostPoints = {formatAndRisk: 0, depth: 0, formatDims: []};
	for (const dimension of dimensions) {
		const missing = Math.max(0, dimension.max - dimension.points);
		const key = `${dimension.id} ${dimension.label}`;
		if (FORMAT_AND_RISK.test(key)) {
			lost.formatAndRisk += missing;
			if (missing > 0) lost.formatDims.push(dimension.label.toLowerCase());
		} else if (DEPTH.test(key)) {
			lost.depth += missing;
		}
	}
	return lost;
}

export function traderDimensions(results: ResultsFile, name: string): RubricDimension[] {
	const trader = modelResult(results, name)?.reasoning?.trader;
	return trader?.status === 'ok' ? trader.dimensions : [];
}

const JUDGED_FORMAT: Record<string, string> = {risk: 'risk management', actionability: 'actionability'};
const JUDGED_DEPTH = new Set(['thesis', 'consistency']);

/**
 * Where a trader answer loses to Claude, in the kind of score it was given: judged, the points per
 * judged criterion below Claude's on the same calls (mean over markets); otherwise the rubric's own
 * dimensions. The two kinds are never mixed in one argument.
 */
export function traderLosses(results: ResultsFile, name: string): LostPoints & {kind: 'judge' | 'rubric'} {
	const trader = modelResult(results, name)?.reasoning?.trader;
	const judged = trader?.status === 'ok' && trader.scoreSource === 'judge' ? (trader.scenarios ?? []).filter((s) => s.judge?.status === 'ok') : [];
	if (judged.length === 0) return {...lostPoints(traderDimensions(results, name)), kind: 'rubric'};
	const lost: LostPoints = {formatAndRisk: 0, depth: 0, formatDims: []};
	const byCriterion = new Map<string, number>();
	for (const scenario of judged) {
		for (const c of scenario.judge?.criteria ?? []) {
			const gap = Math.max(0, (c.baselineScore ?? 0) - (c.answerScore ?? 0)) / judged.length;
			byCriterion.set(c.id, (byCriterion.get(c.id) ?? 0) + gap);
		}
	}
	for (const [id, points] of byCriterion) {
		const label = JUDGED_FORMAT[id];
		if (label !== undefined) {
			lost.formatAndRisk += points;
			if (points > 0) lost.formatDims.push(label);
		} else if (JUDGED_DEPTH.has(id)) lost.depth += points;
	}
	return {...lost, kind: 'judge'};
}

export function fmt(score: number | null): string {
	return score === null ? 'n/a' : score.toFixed(1);
}
