import {describe, expect, it} from 'vitest';
import {
	ceilingRate,
	decodeRate,
	efficiency,
	pipelineEstimateSeconds,
	practical,
	prefillRate,
	tokensPerSecond,
} from '../../source/analysis/rates.js';

describe('rates', () => {
	it('computes the decode rate from eval counters', () => {
		expect(decodeRate({evalCount: 297, evalDuration: 18.33e9})).toBeCloseTo(16.2029, 3);
		expect(decodeRate({evalCount: 290, evalDuration: 4_709_213_000})).toBeCloseTo(61.58, 2);
	});

	it('returns null for a prefill served from cache or missing counters', () => {
		expect(prefillRate({promptEvalCount: 26, promptEvalDuration: 325_953_000})).toBeCloseTo(79.77, 2);
		expect(prefillRate({promptEvalCount: 0, promptEvalDuration: 0})).toBeNull();
		expect(prefillRate({promptEvalCount: 26, promptEvalDuration: 0})).toBeNull();
		expect(tokensPerSecond(undefined, 1e9)).toBeNull();
	});

	it('computes the bandwidth ceiling and efficiency', () => {
		const ceiling = ceilingRate(400, 19_851_349_669);
		expect(ceiling).toBeCloseTo(20.15, 2);
		expect(efficiency(14.1, ceiling)).toBeCloseTo(14.1 / 20.1498, 3);
		expect(ceilingRate(null, 19_851_349_669)).toBeNull();
		expect(efficiency(14.1, null)).toBeNull();
	});

	it('estimates one pipeline run and judges practicality', () => {
		// 20,000 tokens at 8 t/s = 2,500 s.
		expect(pipelineEstimateSeconds(8)).toBe(2500);
		expect(pipelineEstimateSeconds(16, 24_000)).toBe(1500);
		expect(pipelineEstimateSeconds(0)).toBeNull();
		expect(practical(7.99, 8)).toBe(false);
		expect(practical(8, 8)).toBe(true);
		expect(practical(null, 8)).toBe(false);
	});
});
