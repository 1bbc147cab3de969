// Ollama reports pull progress per layer only (ollama-python #81); the UI wants one bar for the
// whole model. Layers are keyed by digest and summed; lines without a digest (manifest, verify,
// write) pass through carrying the totals so far.
import {markClean, sanitizeInline} from '../../system/sanitize.js';
import type {LayerProgress, PullUpdate} from '../types.js';

export type PullLine = {status: string; digest?: string; total?: number; completed?: number};

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
			const layer: LayerProgress = markClean({
				digest: before?.digest ?? sanitizeInline(line.digest),
				total: typeof line.total === 'number' ? line.total : (before?.total ?? 0),
				// `completed` is omitted while it is 0 (omitempty on the wire).
				completed: typeof line.completed === 'number' ? line.completed : 0,
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
