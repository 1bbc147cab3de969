// Reading the measurements the decisions rest on. Practicality is recomputed from the measured
// mean rate and the current minimum rate, so changing --min-rate re-decides without re-measuring.
import {catalogEntry, isOneAtATime, tierOf} from '../../models/catalog.js';
import type {ModelResult, ResultsFile, RubricDimension} from '../../domain/schema.js';
import type {MachineFacts} from './types.js';

export function modelResult(results: ResultsFile, name: string): ModelResult | undefined {
	return results.models.find((model) => model.name === name);
}

/** The trader score of a model, or null when it was not measured or its trader call failed. */
export function traderScore(results: ResultsFile, name: string): number | null {
	const trader = modelResult(results, name)?.reasoning?.trader;
	return trader?.status === 'ok' ? trader.score : null;
}

export function baselineTraderScore(results: ResultsFile): number | null {
	const trader = results.baseline?.status === 'ok' ? results.baseline.reasoning.trader : undefined;
	return trader?.status === 'ok' ? trader.score : null;
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

export function fmt(score: number | null): string {
	return score === null ? 'n/a' : score.toFixed(1);
}
