// The Claude cost estimate shown before an experiment starts, from known inputs.
import {describe, expect, it} from 'vitest';
import {describeEstimate, estimateClaudeCost} from '../../source/analysis/claudeCostEstimate.js';
import {measuredClaudeCostLine} from '../../source/app/lines/claudeCostLines.js';
import type {ResultsFile} from '../../source/domain/schema.js';

describe('estimateClaudeCost', () => {
	it('the baseline alone (offline rubric): 9 answers at Sonnet 5.5 list prices, the market context written to the cache', () => {
		// Per answer: 600 uncached input at $2, the answer at $10, 900 prefix tokens written at $2.50 (per million).
		const answer = (out: number) => (600 * 2 + out * 10 + 900 * 2.5) / 1e6;
		const expected = 3 * (answer(2000) + answer(2000) + answer(1000));
		expect(estimateClaudeCost({model: 'claude-sonnet-5-5', judgeModel: null, scenarios: 3, localModels: 3})).toEqual({usd: expect.closeTo(expected, 10), calls: 9});
	});

	it.each([
		// local models, scenarios -> calls: 2 samples per answer, and both orders for each local model and the noise floor
		[1, 1, 3 * (2 + 2 * 2)],
		[3, 3, 3 * (6 + 2 * 4 * 3)],
	])('with the judge: %i local models on %i markets make %i calls', (localModels, scenarios, calls) => {
		const estimate = estimateClaudeCost({model: 'claude-sonnet-5-5', judgeModel: 'claude-sonnet-5-5', scenarios, localModels});
		expect(estimate.calls).toBe(calls);
		expect(estimate.usd).toBeGreaterThan(estimateClaudeCost({model: 'claude-sonnet-5-5', judgeModel: null, scenarios, localModels}).usd ?? Infinity);
	});

	it('costs more on Opus 5.5 than on Sonnet 5.5, and has no figure for a model without a price', () => {
		const plan = {judgeModel: null, scenarios: 3, localModels: 2};
		expect(estimateClaudeCost({...plan, model: 'claude-opus-5-5'}).usd).toBeCloseTo(2 * (estimateClaudeCost({...plan, model: 'claude-sonnet-5-5'}).usd ?? 0), 10);
		expect(estimateClaudeCost({...plan, model: 'claude-mythos-5-2'}).usd).toBeNull();
		expect(describeEstimate({...plan, model: 'claude-mythos-5-2'})).toBe('9 Claude calls (claude-mythos-5-2: price unknown)');
		expect(describeEstimate({...plan, model: 'claude-sonnet-5-5'})).toMatch(/^about \$0\.\d\d for 9 Claude calls \(claude-sonnet-5-5, list prices\)$/);
	});

	it('leaves out a lone model name where the plan shows it beside the sentence, never a separate judge', () => {
		const plan = {model: 'claude-sonnet-5-5', scenarios: 3, localModels: 2};
		expect(describeEstimate({...plan, judgeModel: 'claude-sonnet-5-5'}, undefined, {named: false})).toMatch(/^about \$\d+\.\d\d for \d+ Claude calls at list prices$/);
		expect(describeEstimate({...plan, judgeModel: 'claude-opus-5-5'}, undefined, {named: false})).toMatch(/Claude calls \(claude-sonnet-5-5 and judge claude-opus-5-5, list prices\)$/);
	});
});

describe('measuredClaudeCostLine', () => {
	const results = (baseline: ResultsFile['baseline'] | undefined): ResultsFile => ({baseline}) as ResultsFile;
	it('sums the baseline and the judge, and says what the cache saved', () => {
		const line = measuredClaudeCostLine(
			results({provider: 'claude', model: 'claude-sonnet-5-5', status: 'ok', note: null, reasoning: {}, costUsd: 0.25, usage: {inputTokens: 1, outputTokens: 1, cacheReadTokens: 8100}, judge: {model: 'claude-sonnet-5-5', calls: 10, cached: 0, failed: 0, costUsd: 0.125, usage: {inputTokens: 1, outputTokens: 1}}}),
		);
		expect(line).toBe('Claude cost, measured: $0.3750 (baseline $0.2500, judge $0.1250; 8100 input tokens read from the prompt cache).');
	});

	it('says nothing without a baseline, and "price unknown" rather than $0 for an unpriced model', () => {
		expect(measuredClaudeCostLine(results(undefined))).toBeNull();
		expect(measuredClaudeCostLine(results({provider: 'claude', model: 'claude-mythos-5-2', status: 'ok', note: null, reasoning: {}, costUsd: null, usage: null}))).toBe('Claude cost: price unknown for claude-mythos-5-2.');
	});
});
