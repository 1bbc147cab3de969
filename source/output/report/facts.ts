// Derived facts the report sections share, computed from the results file alone.
import {catalogEntry, isOneAtATime} from '../../models/catalog.js';
import type {ModelResult, ResultsFile, ThresholdCheck} from '../../domain/schema.js';
import {DEFAULT_THRESHOLD, thresholdCheck} from '../../analysis/thresholdCheck.js';
import {meanScore, traderScore} from '../textFormat.js';

/**
 * A local model as the report ranks it. `trader` is the relative trader score (10 x local / Claude
 * on the same judge calls): the one score the threshold, the ranking and every section compare;
 * `absolute` is the judged trader score shown beside it; `check` the threshold verdict.
 */
export type RankedModel = {model: ModelResult; trader: number | null; absolute: number | null; check: ThresholdCheck; mean: number | null; rate: number | null};

/** The threshold verdict of one model, from its record and the record's threshold: what every surface shows. */
export function checkOf(results: ResultsFile, model: ModelResult): ThresholdCheck {
	return thresholdCheck({trader: model.reasoning?.trader, threshold: results.settings?.threshold ?? DEFAULT_THRESHOLD});
}

/** A trader answer the pipeline cannot use ranks after every usable one. */
export function compliant(check: ThresholdCheck): boolean {
	return !check.reasons.some((reason) => reason.startsWith('compliance fails'));
}

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

/** Local models by relative trader score (usable answers first), models without one last; never by a rubric score. */
export function rankModels(results: ResultsFile): RankedModel[] {
	const ranked = results.models.map((model) => {
		const check = checkOf(results, model);
		return {model, trader: check.value, absolute: traderScore(model.reasoning), check, mean: meanScore(model.reasoning), rate: rateOf(model)};
	});
	return ranked.sort((a, b) => Number(compliant(b.check)) - Number(compliant(a.check)) || (b.trader ?? -1) - (a.trader ?? -1));
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

/** "9.6 [9.1–10.1]" or "9.6" for a zero-width interval; "not judged" without a relative score. */
export function relativeText(check: ThresholdCheck): string {
	if (check.value === null) return 'not judged';
	return check.low === null || check.high === null || check.low === check.high ? check.value.toFixed(1) : `${check.value.toFixed(1)} [${check.low.toFixed(1)}–${check.high.toFixed(1)}]`;
}
