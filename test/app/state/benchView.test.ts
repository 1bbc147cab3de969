import {describe, expect, it} from 'vitest';
import {benchViewReducer, initialBenchView, SPARK_POINTS, TAIL_CHARS, WINDOW_CAP, type BenchView} from '../../../source/app/state/benchView.js';
import type {BenchEvent} from '../../../source/experiment/events.js';

function streaming(): BenchView {
	const events: BenchEvent[] = [
		{type: 'bench:start', model: 'm', reps: 3, ceilingRate: 20},
		{type: 'bench:loaded', model: 'm', loadMs: 1000},
		{type: 'bench:rep-start', model: 'm', rep: 1, at: 0},
	];
	return events.reduce(benchViewReducer, initialBenchView);
}

describe('benchViewReducer', () => {
	it('estimates the live rate from chunk arrival times over a sliding window', () => {
		let view = streaming();
		// 16 chunks per second for 5 seconds.
		for (let i = 0; i < 80; i++) view = benchViewReducer(view, {type: 'bench:delta', model: 'm', rep: 1, text: 'x', at: i * 62.5});
		expect(view.current?.rate).toBeCloseTo(16, 6);
		expect(view.current?.rateIsExact).toBe(false);
		expect(view.current?.windowAt.length).toBeLessThanOrEqual(33);
		expect(view.current?.sparkline.length).toBeGreaterThan(10);
	});

	it('keeps state bounded however long the stream', () => {
		let view = streaming();
		for (let i = 0; i < 20_000; i++) view = benchViewReducer(view, {type: 'bench:delta', model: 'm', rep: 1, text: 'word ', at: i * 1});
		expect(view.current?.tail.length).toBe(TAIL_CHARS);
		expect(view.current?.tail.endsWith('word ')).toBe(true);
		expect(view.current?.windowAt.length).toBeLessThanOrEqual(WINDOW_CAP);
		expect(view.current?.sparkline.length).toBeLessThanOrEqual(SPARK_POINTS);
	});

	it('replaces the live estimate with the exact rate from the counters when a rep ends', () => {
		let view = streaming();
		view = benchViewReducer(view, {type: 'bench:delta', model: 'm', rep: 1, text: 'a', at: 0});
		view = benchViewReducer(view, {type: 'bench:delta', model: 'm', rep: 1, text: 'b', at: 10});
		const record = {evalCount: 297, evalDurationNs: 18.33e9, promptEvalCount: 26, promptEvalDurationNs: 2e8, totalDurationNs: 19e9, loadDurationNs: 5e6, ttftMs: 200, evalRate: 297 / 18.33, promptEvalRate: 130, doneReason: 'stop'};
		view = benchViewReducer(view, {type: 'bench:rep-done', model: 'm', rep: 1, record});
		expect(view.current?.rate?.toFixed(2)).toBe('16.20');
		expect(view.current?.rateIsExact).toBe(true);
		expect(view.current?.records).toHaveLength(1);
	});

	it('files a failed model with its error', () => {
		const view = benchViewReducer(streaming(), {type: 'step-error', step: 'bench', model: 'm', message: 'Benchmark of m failed: boom'});
		expect(view.current).toBeNull();
		expect(view.finished[0]).toMatchObject({model: 'm', phase: 'failed', error: 'Benchmark of m failed: boom'});
	});
});
