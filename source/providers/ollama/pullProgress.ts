// Ollama reports pull progress per layer only (ollama-python #81); the UI wants one bar for the
// whole model. Layers are keyed by digest and summed; lines without a digest (manifest, verify,
// write) pass through carrying the totals so far.
import type {LayerProgress, PullUpdate} from '../types.js';

export type PullLine = {status: string; digest?: string; total?: number; completed?: number};

export class PullAggregator {
	private readonly layers = new Map<string, LayerProgress>();

	update(line: PullLine, at: number): PullUpdate {
		if (line.digest) {
			const layer = this.layers.get(line.digest) ?? {digest: line.digest, total: 0, completed: 0};
			if (typeof line.total === 'number') layer.total = line.total;
			// `completed` is omitted while it is 0 (omitempty on the wire).
			layer.completed = typeof line.completed === 'number' ? line.completed : 0;
			this.layers.set(line.digest, layer);
		}
		const layers = [...this.layers.values()].map((layer) => ({...layer}));
		return {
			status: line.status,
			layers,
			total: layers.reduce((sum, layer) => sum + layer.total, 0),
			completed: layers.reduce((sum, layer) => sum + layer.completed, 0),
			at,
		};
	}
}
