import {describe, expect, it} from 'vitest';
import {implausibleCounters, implausibleLoad} from '../../source/analysis/plausibility.js';
import type {OllamaCounters} from '../../source/providers/types.js';

const real: OllamaCounters = {
	totalDuration: 9_000_000_000,
	loadDuration: 2_000_000_000,
	promptEvalCount: 28,
	promptEvalDuration: 150_000_000,
	evalCount: 256,
	evalDuration: 6_800_000_000,
};

describe('implausibleCounters', () => {
	it.each<[string, Partial<OllamaCounters>, RegExp | null]>([
		['a real rep', {}, null],
		['a cached prompt (0 tokens in 0 ns)', {promptEvalCount: 0, promptEvalDuration: 0}, null],
		['no tokens at all', {evalCount: 0, evalDuration: 0}, null],
		['9,000 t/s (fast but possible)', {evalCount: 9000, evalDuration: 1e9}, null],
		['eval_count 1e308', {evalCount: 1e308}, /eval_count 1\.000e\+308 in eval_duration 6800000000 ns is .* t\/s, over 10000 t\/s/],
		['negative load_duration', {loadDuration: -5e9}, /load_duration is negative \(-5000000000\)/],
		['negative eval_count', {evalCount: -1}, /eval_count is negative \(-1\)/],
		['tokens in zero time', {evalDuration: 0}, /eval_count 256 tokens in an eval_duration of 0 ns/],
		['prompt tokens in zero time', {promptEvalDuration: 0}, /prompt_eval_count 28 tokens in a prompt_eval_duration of 0 ns/],
		['decode over 10,000 t/s', {evalCount: 20_001, evalDuration: 2e9}, /10001 t\/s, over 10000 t\/s/],
		['load longer than a day', {loadDuration: 90_000e9}, /load_duration 90000000000000 ns is longer than a day/],
		['NaN', {evalDuration: Number.NaN}, /eval_duration is NaN/],
		['Infinity', {totalDuration: Number.POSITIVE_INFINITY}, /total_duration is Infinity/],
	])('%s', (_name, change, expected) => {
		const problem = implausibleCounters({...real, ...change});
		if (expected === null) expect(problem).toBeNull();
		else expect(problem).toMatch(expected);
	});
});

describe('implausibleLoad (the warm-up reads only load_duration)', () => {
	it.each<[string, Partial<OllamaCounters>, RegExp | null]>([
		['a real cold load', {}, null],
		['one token in 0 ns (Go runners, v0.4-v0.2x)', {evalCount: 1, evalDuration: 0}, null],
		['one token in 1000 ns (llama-server, v0.30+)', {evalCount: 1, evalDuration: 1000}, null],
		['a warm model (load of a few ms)', {loadDuration: 3_000_000}, null],
		['no load at all', {loadDuration: 0}, null],
		['negative load_duration', {loadDuration: -5e9}, /load_duration is negative \(-5000000000\)/],
		['load longer than a day', {loadDuration: 90_000e9}, /load_duration 90000000000000 ns is longer than a day/],
		['NaN', {loadDuration: Number.NaN}, /load_duration is NaN/],
	])('%s', (_name, change, expected) => {
		const problem = implausibleLoad({...real, ...change});
		if (expected === null) expect(problem).toBeNull();
		else expect(problem).toMatch(expected);
	});
});
