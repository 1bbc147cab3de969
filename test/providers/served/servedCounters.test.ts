// Which figures a served request's rates come from, and that they are the server's own numbers.
import {describe, expect, it} from 'vitest';
import {decodeRate, prefillRate} from '../../../source/analysis/rates.js';
import {servedCounters, type ServedFigures} from '../../../source/providers/served/servedCounters.js';
import type {VllmReading} from '../../../source/providers/served/prometheus.js';

const base: ServedFigures = {timings: null, metrics: null, usage: {promptTokens: 900, completionTokens: 261}, chunks: 261, startedAt: 1000, firstAt: 1500, lastAt: 11_500, endedAt: 11_600};
const reading = (over: Partial<VllmReading>): VllmReading => ({generationTokens: 0, promptTokens: 0, decodeSeconds: 0, decodeCount: 0, prefillSeconds: 0, ttftSeconds: 0, ...over});

describe('servedCounters', () => {
	it.each([
		{
			name: 'llama.cpp timings: the decode rate is predicted_per_second, the prefill rate prompt_per_second',
			figures: {...base, timings: {prompt_n: 880, prompt_ms: 1100, prompt_per_second: 800, predicted_n: 260, predicted_ms: 17_931.03, predicted_per_second: 14.5}},
			source: 'server-timings',
			decode: 14.5,
			prefill: 800,
		},
		{
			name: 'vLLM metrics around one request: (tokens - 1) / decode seconds',
			figures: {...base, metrics: {before: reading({generationTokens: 100, decodeCount: 2, decodeSeconds: 5, promptTokens: 50, prefillSeconds: 1}), after: reading({generationTokens: 361, decodeCount: 3, decodeSeconds: 23, promptTokens: 950, prefillSeconds: 2.5})}},
			source: 'server-metrics',
			decode: 260 / 18,
			prefill: 900 / 1.5,
		},
		{
			name: 'vLLM metrics that saw another request too: not this request\'s figures, so client-timed',
			figures: {...base, metrics: {before: reading({decodeCount: 2}), after: reading({generationTokens: 600, decodeCount: 4, decodeSeconds: 30})}},
			source: 'client-timed',
			decode: 260 / 10,
			prefill: 900 / 0.5,
		},
		{
			name: 'neither: client-timed from the first to the last token, with usage.completion_tokens',
			figures: base,
			source: 'client-timed',
			decode: 260 / 10,
			prefill: 900 / 0.5,
		},
		{
			name: 'timings without predicted_ms (an old build): client-timed',
			figures: {...base, timings: {predicted_n: 260}},
			source: 'client-timed',
			decode: 26,
			prefill: 1800,
		},
		{
			name: 'one token only: no decode rate at all rather than a made-up one',
			figures: {...base, usage: {promptTokens: 10, completionTokens: 1}, lastAt: 1500},
			source: 'client-timed',
			decode: null,
			prefill: 20,
		},
	])('$name', ({figures, source, decode, prefill}) => {
		const {counters, rateSource} = servedCounters(figures);
		expect(rateSource).toBe(source);
		if (decode === null) expect(decodeRate(counters)).toBeNull();
		else expect(decodeRate(counters)).toBeCloseTo(decode, 3);
		expect(prefillRate(counters)).toBeCloseTo(prefill, 3);
	});
});
