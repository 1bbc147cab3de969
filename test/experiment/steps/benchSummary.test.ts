import {describe, expect, it} from 'vitest';
import {repRecord} from '../../../source/experiment/steps/benchRep.js';
import {impracticalWarning, summarizeSpeed, type SummaryInput} from '../../../source/experiment/steps/benchSummary.js';
import {ceilingRate} from '../../../source/analysis/rates.js';
import type {RepRecord} from '../../../source/domain/schema.js';

function rep(evalCount: number, evalSeconds: number, overrides: Partial<RepRecord> = {}): RepRecord {
	return {...repRecord({totalDuration: 20e9, loadDuration: 5e6, promptEvalCount: 26, promptEvalDuration: 0.2e9, evalCount, evalDuration: evalSeconds * 1e9}, 150, 'stop', 'm'), ...overrides};
}

function input(reps: RepRecord[], extra: Partial<SummaryInput> = {}): SummaryInput {
	return {
		model: 'qwen2.5:32b',
		reps,
		loadMs: 9200,
		ceilingRate: ceilingRate(400, 19_851_349_669),
		bandwidthGBs: 400,
		memory: null,
		warnings: [],
		options: {temperature: 0, seed: 42, num_ctx: 8192, num_predict: 512, think: null, reps: reps.length, prompt: 'p'},
		minRate: 8,
		at: '2026-11-27T00:00:00.000Z',
		...extra,
	};
}

describe('rates from known counters', () => {
	it('297 tokens in 18.33 s decode at 16.20 t/s; prefill from the prompt counters', () => {
		const record = rep(297, 18.33);
		expect(record.evalRate.toFixed(2)).toBe('16.20');
		expect(record.promptEvalRate).toBeCloseTo(130, 9);
		expect(record.ttftMs).toBe(150);
	});

	it('a cached prompt (no prompt counters) has no prefill rate rather than a fake one', () => {
		const record = repRecord({totalDuration: 1, loadDuration: 0, promptEvalCount: 0, promptEvalDuration: 0, evalCount: 10, evalDuration: 1e9}, null, 'stop', 'm');
		expect(record.promptEvalRate).toBeNull();
	});

	it('refuses a final chunk without decode counters', () => {
		expect(() => repRecord({totalDuration: 1, loadDuration: 0, promptEvalCount: 0, promptEvalDuration: 0, evalCount: 0, evalDuration: 0}, null, 'stop', 'x:1b')).toThrow(
			/no decode counters/,
		);
	});
});

describe('summarizeSpeed', () => {
	it('reports mean ± sample sd with every sample, the ceiling and the efficiency', () => {
		const reps = [rep(300, 20), rep(300, 15), rep(300, 12)];
		const {speed, practical} = summarizeSpeed(input(reps));
		expect(speed.evalRate.samples.map((x) => x.toFixed(9))).toEqual(['15.000000000', '20.000000000', '25.000000000']);
		expect(speed.evalRate.mean).toBeCloseTo(20, 9);
		// sample sd (n-1): sqrt((25 + 0 + 25) / 2) = 5
		expect(speed.evalRate.sd).toBeCloseTo(5, 9);
		expect(speed.ceilingRate?.toFixed(2)).toBe('20.15');
		expect(speed.efficiency).toBeCloseTo(20 / (400e9 / 19_851_349_669), 9);
		expect(speed.ttftMs.samples).toEqual([150, 150, 150]);
		expect(practical).toBe(true);
		expect(speed.warnings).toEqual([]);
	});

	it('with no ceiling, efficiency is unknown rather than invented', () => {
		const {speed} = summarizeSpeed(input([rep(100, 10)], {ceilingRate: null, bandwidthGBs: null}));
		expect(speed.efficiency).toBeNull();
	});

	it('a 5 t/s model is impractical, with the wall time of one pipeline run', () => {
		const {speed, practical, verdict} = summarizeSpeed(input([rep(50, 10), rep(50, 10)]));
		expect(practical).toBe(false);
		expect(speed.pipelineEstimateSeconds).toBe(4000);
		expect(verdict).toBe(impracticalWarning('qwen2.5:32b', 5, 8));
		expect(speed.warnings).toContain(verdict);
		expect(verdict).toContain('impractical for a 12-agent pipeline: one run (~20K output tokens) would take about 1 h 7 min');
	});
});
