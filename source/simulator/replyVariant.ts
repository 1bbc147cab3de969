// Deterministic variety for simulated replies: the same model always writes the same text, and
// different models word it a little differently, so their transcripts are distinguishable.
import {MARKET_FACTS} from '../prompts/marketFacts.js';

/** FNV-1a, 32-bit: tiny, stable across runs and platforms. */
export function seedOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export type Variant = {
	/** Picks one option for this model and this slot of the text. */
	pick<T>(slot: string, options: readonly [T, ...T[]]): T;
};

export function variantFor(model: string): Variant {
	return {
		pick<T>(slot: string, options: readonly [T, ...T[]]): T {
			return options[seedOf(`${model}\u0000${slot}`) % options.length] ?? options[0];
		},
	};
}

export const F = MARKET_FACTS;

/** $271.35 */
export function usd(value: number): string {
	return `$${value.toFixed(2)}`;
}

/** $123.5B */
export function bn(value: number): string {
	return `$${(value / 1e9).toFixed(1)}B`;
}

/** $3.97T */
export function tn(value: number): string {
	return `$${(value / 1e12).toFixed(2)}T`;
}

/** 13.1% */
export function pct(value: number): string {
	return `${value.toFixed(1)}%`;
}

/** 34.3x */
export function times(value: number): string {
	return `${value.toFixed(1)}x`;
}
