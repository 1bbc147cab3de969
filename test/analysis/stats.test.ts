import {describe, expect, it} from 'vitest';
import {mean, sampleSd, summarize} from '../../source/analysis/stats.js';

describe('stats', () => {
	it('computes the mean and the n-1 standard deviation', () => {
		expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
		// Sum of squared deviations is 32; 32 / 7 = 4.571428...; sqrt = 2.13809
		expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
	});

	it('gives sd 0 for one sample and mean 0 for none', () => {
		expect(sampleSd([16.2])).toBe(0);
		expect(mean([])).toBe(0);
		expect(sampleSd([])).toBe(0);
	});

	it('stays accurate for large values with tiny spread', () => {
		const samples = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
		// Same spread as [4, 7, 13, 16]: mean 10, squared deviations 36+9+9+36 = 90, 90/3 = 30.
		expect(sampleSd(samples)).toBeCloseTo(Math.sqrt(30), 9);
		expect(mean(samples)).toBe(1e9 + 10);
	});

	it('summarizes with every sample kept', () => {
		const stats = summarize([16.1, 16.3, 16.2]);
		expect(stats.mean).toBeCloseTo(16.2, 10);
		expect(stats.sd).toBeCloseTo(0.1, 10);
		expect(stats.samples).toEqual([16.1, 16.3, 16.2]);
	});
});
