// Mean with a 95 % t interval for the handful of scenarios a model is scored on
// (docs/reference/judging.md §4): at n = 3 the half-width is 4.303·s/√3. Not a bootstrap, which at
// n = 3 has only ten distinct resamples and covers 75 %, not 95 %.
import type {QualityInterval} from '../domain/schema.js';
import {mean, sampleSd} from './stats.js';

/** t(0.975, df) for df = 1..30; beyond that the normal 1.96 is close enough. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tCritical(df: number): number {
	return T975[df - 1] ?? 1.96;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/**
 * null without values. One value has no spread to measure, so its interval is the whole range:
 * honest about knowing nothing, rather than a zero-width band.
 */
export function meanInterval(values: readonly number[], range: {min: number; max: number} = {min: 0, max: 10}): QualityInterval | null {
	if (values.length === 0) return null;
	const m = mean(values);
	const clip = (value: number) => Math.min(range.max, Math.max(range.min, value));
	if (values.length === 1) return {mean: round2(m), low: range.min, high: range.max, n: 1};
	const half = (tCritical(values.length - 1) * sampleSd(values)) / Math.sqrt(values.length);
	return {mean: round2(m), low: round2(clip(m - half)), high: round2(clip(m + half)), n: values.length};
}

/** "7.0 [4.5–9.5], n=3" */
export function formatInterval(interval: QualityInterval | null | undefined, digits = 1): string {
	if (!interval) return '–';
	return `${interval.mean.toFixed(digits)} [${interval.low.toFixed(digits)}–${interval.high.toFixed(digits)}], n=${interval.n}`;
}
