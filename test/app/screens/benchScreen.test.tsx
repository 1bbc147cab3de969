import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {BenchScreen} from '../../../source/app/screens/benchScreen.js';
import {benchViewReducer, initialBenchView, type BenchView} from '../../../source/app/state/benchView.js';
import {repRecord} from '../../../source/experiment/steps/benchRep.js';
import {summarizeSpeed} from '../../../source/experiment/steps/benchSummary.js';
import type {BenchEvent, NoticeEvent} from '../../../source/experiment/events.js';

afterEach(() => cleanup());

const MODEL = 'qwen2.5:32b';
const CEILING = 400e9 / 19_851_349_669;

function fold(view: BenchView, events: (BenchEvent | NoticeEvent)[]): BenchView {
	return events.reduce(benchViewReducer, view);
}

function streamingView(): BenchView {
	let view = fold(initialBenchView, [
		{type: 'bench:start', model: MODEL, reps: 3, ceilingRate: CEILING},
		{type: 'bench:warmup', model: MODEL},
		{type: 'bench:loaded', model: MODEL, loadMs: 9200},
		{type: 'bench:rep-start', model: MODEL, rep: 1, at: 0},
	]);
	// 16 tokens per second for 3 seconds.
	for (let i = 0; i < 48; i++) view = benchViewReducer(view, {type: 'bench:delta', model: MODEL, rep: 1, text: i === 47 ? ' free cash flow' : ' revenue', at: i * 62.5});
	return view;
}

const record = repRecord({totalDuration: 20_500_000_000, loadDuration: 5_025_959, promptEvalCount: 26, promptEvalDuration: 325_953_000, evalCount: 297, evalDuration: 18_330_000_000}, 412, 'stop', MODEL);

describe('BenchScreen', () => {
	it('shows the live gauge against the ceiling, the sparkline and the streamed tail while a rep streams', () => {
		const {lastFrame} = render(<BenchScreen view={streamingView()} animate={false} simulated={false} />);
		const frame = lastFrame() ?? '';
		expect(frame).toContain(`Benchmark ${MODEL} · rep 1/3`);
		expect(frame).toContain('loaded in 9.20 s (warm-up, untimed)');
		// Not the server's figure: the rate tokens reach trifecta, said as such (Ollama's counters replace it).
		expect(frame).toMatch(/~16\.00 t\/s as received\s+of 20\.15 t\/s ceiling · 79%/);
		expect(frame).toContain('as received: timed here; Ollama’s own count replaces it when the rep ends');
		expect(frame).toMatch(/[▁▂▃▄▅▆▇█]{5,}/);
		expect(frame).toContain('revenue free cash flow');
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('replaces the estimate with the exact figures from the counters after a rep', () => {
		const view = fold(streamingView(), [{type: 'bench:rep-done', model: MODEL, rep: 1, record}]);
		const {lastFrame} = render(<BenchScreen view={view} animate={false} simulated={false} />);
		const frame = lastFrame() ?? '';
		expect(frame).toMatch(/[█░]+ 16\.20 t\/s measured\s+of 20\.15 t\/s ceiling · 80%/);
		expect(frame).toContain('rep 1/3: 16.20 t/s decode · 79.8 t/s prefill · TTFT 412 ms · 297 tokens');
	});

	it('ends with the `ollama run --verbose` block, mean ± sd, ceiling, efficiency and warnings', () => {
		const {speed, practical} = summarizeSpeed({
			model: MODEL,
			reps: [record, record],
			loadMs: 9200,
			ceilingRate: CEILING,
			bandwidthGBs: 400,
			memory: {residentBytes: 23e9, vramBytes: 16.1e9, gpuShare: 0.7, contextLength: 8192, freeRamBytes: null, totalRamBytes: null},
			warnings: ['PARTIAL CPU OFFLOAD: only 70% of qwen2.5:32b is in GPU memory'],
			options: {temperature: 0, seed: 42, num_ctx: 8192, num_predict: 512, think: null, reps: 2, prompt: 'p'},
			minRate: 8,
			at: 'now',
		});
		const view = fold(streamingView(), [{type: 'bench:done', model: MODEL, speed, practical}]);
		const {lastFrame} = render(<BenchScreen view={view} animate={false} simulated />);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('total duration:       20.5s');
		expect(frame).toContain('load duration:        5.025959ms');
		expect(frame).toContain('prompt eval rate:     79.77 tokens/s');
		expect(frame).toContain('eval duration:        18.33s');
		expect(frame).toContain('eval rate:            16.20 tokens/s');
		expect(frame).toContain('decode   16.20 ± 0.00 t/s  [16.20 16.20]');
		expect(frame).toContain('ceiling  20.15 t/s (400 GB/s ÷ 19.9 GB) · efficiency 80%');
		expect(frame).toContain('memory   23.0 GB resident · 70% GPU · context 8192');
		expect(frame).toContain('! PARTIAL CPU OFFLOAD');
		expect(frame).toContain('[SIMULATED]');
		expect(frame).not.toContain('Benchmark qwen2.5:32b · rep');
	});

	it('shows a failed model with its error', () => {
		const view = fold(streamingView(), [{type: 'step-error', step: 'bench', model: MODEL, message: `Benchmark of ${MODEL} failed: the connection broke off`}]);
		const {lastFrame} = render(<BenchScreen view={view} animate={false} simulated={false} />);
		expect(lastFrame()).toContain(`✗ ${MODEL}`);
		expect(lastFrame()).toContain('failed: the connection broke off');
	});
});
