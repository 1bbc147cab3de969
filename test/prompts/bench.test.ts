import {describe, expect, it} from 'vitest';
import {BENCH_PROMPT, benchPrompt, isBenchPrompt} from '../../source/prompts/bench.js';

describe('benchPrompt', () => {
	it('is the standard prompt', () => {
		expect(BENCH_PROMPT).toBe('Explain the bull case for Apple stock in exactly 200 words, citing specific financial metrics.');
	});

	it('makes each repetition unique at its start, so no prefix is shared', () => {
		const a = benchPrompt('3f9a');
		const b = benchPrompt('77c1');
		expect(a).toBe(`[run 3f9a] ${BENCH_PROMPT}`);
		expect(a.slice(0, 5)).toBe(b.slice(0, 5));
		expect(a.slice(0, 6)).not.toBe(b.slice(0, 6));
		expect(a.endsWith(BENCH_PROMPT)).toBe(true);
		expect(isBenchPrompt(a)).toBe(true);
		expect(isBenchPrompt('Explain the bear case')).toBe(false);
	});
});
