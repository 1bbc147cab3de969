import {describe, expect, it} from 'vitest';
import {formatDuration, formatGoDuration, verboseBlock} from '../../source/analysis/verboseBlock.js';

describe('formatGoDuration', () => {
	it('matches Go time.Duration.String()', () => {
		expect(formatGoDuration(5_043_500_667)).toBe('5.043500667s');
		expect(formatGoDuration(5_025_959)).toBe('5.025959ms');
		expect(formatGoDuration(325_953_000)).toBe('325.953ms');
		expect(formatGoDuration(4_709_213_000)).toBe('4.709213s');
		expect(formatGoDuration(1_500)).toBe('1.5µs');
		expect(formatGoDuration(999)).toBe('999ns');
		expect(formatGoDuration(0)).toBe('0s');
		expect(formatGoDuration(2e9)).toBe('2s');
		expect(formatGoDuration(62.5e9)).toBe('1m2.5s');
		expect(formatGoDuration(3_661e9)).toBe('1h1m1s');
		expect(formatGoDuration(3_600e9)).toBe('1h0m0s');
	});
});

describe('verboseBlock', () => {
	it('prints the block exactly as ollama run --verbose does', () => {
		const block = verboseBlock({
			totalDuration: 5_043_500_667,
			loadDuration: 5_025_959,
			promptEvalCount: 26,
			promptEvalDuration: 325_953_000,
			evalCount: 290,
			evalDuration: 4_709_213_000,
		});
		expect(block).toBe(
			[
				'total duration:       5.043500667s',
				'load duration:        5.025959ms',
				'prompt eval count:    26 token(s)',
				'prompt eval duration: 325.953ms',
				'prompt eval rate:     79.77 tokens/s',
				'eval count:           290 token(s)',
				'eval duration:        4.709213s',
				'eval rate:            61.58 tokens/s',
			].join('\n'),
		);
	});

	it('omits lines whose value is 0 (cached prompt, warm model)', () => {
		const block = verboseBlock({
			totalDuration: 18_500_000_000,
			loadDuration: 0,
			promptEvalCount: 0,
			promptEvalDuration: 0,
			evalCount: 297,
			evalDuration: 18_330_000_000,
		});
		expect(block.split('\n')).toEqual(['total duration:       18.5s', 'eval count:           297 token(s)', 'eval duration:        18.33s', 'eval rate:            16.20 tokens/s']);
	});
});

describe('formatDuration', () => {
	it('formats seconds for people', () => {
		expect(formatDuration(45)).toBe('45 s');
		expect(formatDuration(2_460)).toBe('41 min');
		expect(formatDuration(7_500)).toBe('2 h 5 min');
		expect(formatDuration(7_200)).toBe('2 h');
		expect(formatDuration(93_600)).toBe('1 d 2 h');
		expect(formatDuration(null)).toBe('—');
	});
});
