// Ollama reports pull progress per layer only (ollama-python #81); the UI wants one bar for the
// whole model. Layers are keyed by digest and summed; lines without a digest (manifest, verify,
// write) pass through carrying the totals so far.
import {markClean, sanitizeInline} from '../../system/sanitize.js';
import {ProviderError} from '../errors.js';
import type {LayerProgress, PullUpdate} from '../types.js';

export type PullLine = {status: string; digest?: string; total?: number; completed?: number};

/** Past any model file there is (the largest are hundreds of GB): a size beyond it is a broken or hostile server. */
export const MAX_LAYER_BYTES = 4e12;

/** A byte count from the wire, refused when it cannot be one (not a finite whole number, negative, past MAX_LAYER_BYTES). */
function byteCount(value: number, what: string, digest: string): number {
	if (Number.isSafeInteger(value) && value >= 0 && value <= MAX_LAYER_BYTES) return value;
	throw new ProviderError(
		'unknown',
		`Ollama sent an implausible ${what} for layer ${sanitizeInline(digest).replace(/^sha256:/, '').slice(0, 12)}: ${String(value)} bytes (a layer is at most 4 TB)`,
		'check the server (or the proxy in front of it); nothing more was pulled, and a pull run again resumes',
	);
}

export class PullAggregator {
	/** Each layer's latest state, replaced (never changed) per line, in the order announced. */
	private readonly layers: LayerProgress[] = [];
	private readonly index = new Map<string, number>();
	private total = 0;
	private completed = 0;

	update(line: PullLine, at: number): PullUpdate {
		let changed: PullUpdate['changed'];
		if (line.digest) {
			const position = this.index.get(line.digest);
			const before = position === undefined ? null : (this.layers[position] ?? null);
			// Sanitised once here, and marked so, rather than once per later line (see markClean).
			const total = typeof line.total === 'number' ? byteCount(line.total, 'size', line.digest) : (before?.total ?? 0);
			// `completed` is omitted while it is 0 (omitempty on the wire).
			const completed = typeof line.completed === 'number' ? byteCount(line.completed, 'progress', line.digest) : 0;
			const layer: LayerProgress = markClean({
				digest: before?.digest ?? sanitizeInline(line.digest),
				total,
				// A layer never holds more than its size: more would show as 500 % and skew the whole-model total.
				completed: total > 0 ? Math.min(completed, total) : completed,
			});
			if (position === undefined) {
				this.index.set(line.digest, this.layers.length);
				this.layers.push(layer);
			} else {
				this.layers[position] = layer;
			}
			// Running sums: one line costs the same with three layers or ten thousand.
			this.total += layer.total - (before?.total ?? 0);
			this.completed += layer.completed - (before?.completed ?? 0);
			changed = {layer, before};
		}
		return {status: line.status, layers: markClean(this.layers.slice()), total: this.total, completed: this.completed, at, ...(changed ? {changed} : {})};
	}
}
