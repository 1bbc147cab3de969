// The decode rate a model would reach on this machine, predicted before pulling it. Decode is
// memory-bandwidth bound, so rate x model bytes is about constant on one machine: the constant is
// taken from the models measured here, the largest weighing most (it is the closest in behaviour
// to what is predicted), and capped by the bandwidth ceiling, a hard upper bound.
import {tierBySize} from '../models/tiers.js';

export type Measured = {model: string; sizeBytes: number; rate: number};

export type RatePrediction = {
	rate: number;
	/** [low, high]: +-20 % when extrapolating to a bigger size class, +-10 % within the class measured. */
	range: [number, number];
	/** bandwidth / bytes, or null without a bandwidth. */
	ceiling: number | null;
	/** The largest measured model, named in the wording ("from qwen2.5:32b's 14.4 t/s"). */
	basis: Measured;
	extrapolated: boolean;
};

const EXTRAPOLATION_SPREAD = 0.2;
const SAME_CLASS_SPREAD = 0.1;
/** Beyond this ratio to the largest measured model a prediction counts as extrapolation. */
const SAME_CLASS_RATIO = 1.5;

export function ceilingRate(bandwidthGBs: number | null, sizeBytes: number): number | null {
	return bandwidthGBs !== null && bandwidthGBs > 0 && sizeBytes > 0 ? (bandwidthGBs * 1e9) / sizeBytes : null;
}

/**
 * rate x bytes for this machine (t/s x bytes), weighted by bytes squared so the largest measured
 * model dominates and smaller ones still steady it; null when nothing usable was measured.
 */
export function rateBytesConstant(measured: Measured[]): number | null {
	const usable = measured.filter((entry) => entry.sizeBytes > 0 && entry.rate > 0);
	if (usable.length === 0) return null;
	let weighted = 0;
	let weights = 0;
	for (const entry of usable) {
		const weight = entry.sizeBytes ** 2;
		weighted += weight * entry.rate * entry.sizeBytes;
		weights += weight;
	}
	return weighted / weights;
}

/** null when nothing was measured or the size is unknown. */
export function predictRate(measured: Measured[], sizeBytes: number, bandwidthGBs: number | null): RatePrediction | null {
	const usable = measured.filter((entry) => entry.sizeBytes > 0 && entry.rate > 0);
	const constant = rateBytesConstant(usable);
	if (constant === null || sizeBytes <= 0) return null;
	const basis = usable.reduce((largest, entry) => (entry.sizeBytes > largest.sizeBytes ? entry : largest));
	const ceiling = ceilingRate(bandwidthGBs, sizeBytes);
	const cap = (value: number) => (ceiling === null ? value : Math.min(value, ceiling));
	const rate = cap(constant / sizeBytes);
	const extrapolated =
		(tierBySize(sizeBytes) !== tierBySize(basis.sizeBytes)) || sizeBytes > basis.sizeBytes * SAME_CLASS_RATIO;
	const spread = extrapolated ? EXTRAPOLATION_SPREAD : SAME_CLASS_SPREAD;
	return {rate, range: [rate * (1 - spread), cap(rate * (1 + spread))], ceiling, basis, extrapolated};
}
