import {describe, expect, it} from 'vitest';
import {PullAggregator} from '../../../source/providers/ollama/pullProgress.js';

const weights = 'sha256:2049f5674b1e92b4464e5729975c9689fcfbf0b0e4443ccf10b5339f370f9a54';
const config = 'sha256:c5ad996bda6eed4df6e3b605a9869647624851ac248209d22fd5e2c0cc1121d3';

describe('PullAggregator', () => {
	it('sums per-layer progress into one whole-model total, keeping announcement order', () => {
		const pull = new PullAggregator();
		expect(pull.update({status: 'pulling manifest'}, 1)).toMatchObject({status: 'pulling manifest', total: 0, completed: 0, layers: []});
		pull.update({status: 'pulling 2049f5674b1e', digest: weights, total: 8_000}, 2);
		pull.update({status: 'pulling 2049f5674b1e', digest: weights, total: 8_000, completed: 3_000}, 3);
		const both = pull.update({status: 'pulling c5ad996bda6e', digest: config, total: 500, completed: 500}, 4);
		expect(both.total).toBe(8_500);
		expect(both.completed).toBe(3_500);
		expect(both.layers.map((layer) => layer.digest)).toEqual([weights, config]);
		expect(both.at).toBe(4);
	});

	it('treats a missing completed as 0 and passes digest-less statuses through with the current totals', () => {
		const pull = new PullAggregator();
		pull.update({status: 'pulling 2049f5674b1e', digest: weights, total: 100, completed: 100}, 1);
		const fresh = pull.update({status: 'pulling c5ad996bda6e', digest: config, total: 50}, 2);
		expect(fresh.completed).toBe(100);
		const verifying = pull.update({status: 'verifying sha256 digest'}, 3);
		expect(verifying).toMatchObject({status: 'verifying sha256 digest', total: 150, completed: 100});
	});

	it('returns snapshots that later updates do not change', () => {
		const pull = new PullAggregator();
		const first = pull.update({status: 'pulling', digest: weights, total: 10, completed: 1}, 1);
		pull.update({status: 'pulling', digest: weights, total: 10, completed: 9}, 2);
		expect(first.layers[0]?.completed).toBe(1);
		expect(first.completed).toBe(1);
	});
});
