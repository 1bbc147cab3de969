// Derived facts the report sections share, computed from the results file alone.
import {catalogEntry, isOneAtATime} from '../../models/catalog.js';
import type {ModelResult, ResultsFile} from '../../domain/schema.js';
import {meanScore, traderScore} from '../textFormat.js';

export type RankedModel = {model: ModelResult; trader: number | null; mean: number | null; rate: number | null};

export function sizeOf(model: ModelResult): number | null {
	return model.sizeBytes ?? catalogEntry(model.name)?.sizeBytes ?? null;
}

export function isSeventyB(model: ModelResult): boolean {
	const size = sizeOf(model);
	return isOneAtATime(model.name, size ?? 0);
}

export function rateOf(model: ModelResult): number | null {
	return model.speed?.evalRate.mean ?? null;
}

/** Local models by trader score (then mean score), unscored ones last. */
export function rankModels(results: ResultsFile): RankedModel[] {
	const ranked = results.models.map((model) => ({model, trader: traderScore(model.reasoning), mean: meanScore(model.reasoning), rate: rateOf(model)}));
	return ranked.sort((a, b) => (b.trader ?? -1) - (a.trader ?? -1) || (b.mean ?? -1) - (a.mean ?? -1));
}

export function bestLocal(results: ResultsFile): RankedModel | null {
	const best = rankModels(results)[0];
	return best && best.trader !== null ? best : null;
}

export function baselineScores(results: ResultsFile): {trader: number | null; mean: number | null} {
	if (results.baseline?.status !== 'ok') return {trader: null, mean: null};
	return {trader: traderScore(results.baseline.reasoning), mean: meanScore(results.baseline.reasoning)};
}

export function threshold(results: ResultsFile): number | null {
	return results.settings?.threshold ?? null;
}

export function minRate(results: ResultsFile): number | null {
	return results.settings?.minRate ?? null;
}

export function bandwidth(results: ResultsFile): number | null {
	return results.environment?.bandwidthGBs ?? results.models.find((model) => model.speed?.bandwidthGBs)?.speed?.bandwidthGBs ?? null;
}

/** Mean measured efficiency (decode rate / bandwidth ceiling) over the benchmarked models. */
export function meanEfficiency(results: ResultsFile): number | null {
	const values = results.models.map((model) => model.speed?.efficiency).filter((value): value is number => typeof value === 'number' && value > 0);
	return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function relative(score: number | null, baseline: number | null): string {
	return score === null || baseline === null || baseline === 0 ? 'not measured' : `${Math.round((score / baseline) * 100)}%`;
}
