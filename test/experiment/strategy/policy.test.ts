// The policy (round-one model, escalation candidates) and the decode-rate prediction, as tables.
import {describe, expect, it} from 'vitest';
import {testSettings} from '../../helpers/testSettings.js';
import {policyOf, predictRate} from '../../../source/experiment/strategy/index.js';
import {emptyResults} from '../../../source/domain/schema.js';
import {machine} from './fixtures.js';

const Q14 = 'qwen2.5:14b';
const M22 = 'mistral-small:22b';
const Q32 = 'qwen2.5:32b';
const Q72 = 'qwen2.5:72b';
const L70 = 'llama3.3:70b';
const CR = 'command-r:35b';

describe('policyOf', () => {
	const table: {name: string; ladder?: string[]; roundOne?: string | null; installed: string[]; pulled?: string[]; expected: string; candidates?: string[]}[] = [
		{name: 'the default ladder above the installed 14B and 22B', installed: [Q14, M22], expected: Q32, candidates: [Q72, L70]},
		{name: 'the 32B already installed: measured without a pull', installed: [Q14, M22, Q32], expected: Q32},
		{name: 'the 32B pulled by this experiment still is round one (resume)', installed: [Q14, M22, Q32], pulled: [Q32], expected: Q32},
		{name: 'nothing installed: the first entry', installed: [], expected: Q14},
		{name: 'the 32B unticked', ladder: [Q14, M22, Q72, L70, CR], installed: [Q14, M22], expected: CR, candidates: [Q72, L70]},
		{name: 'an unknown model counts as above', ladder: [Q14, 'unlisted:27b'], installed: [Q14], expected: 'unlisted:27b', candidates: []},
		{name: 'chosen on the plan', roundOne: CR, installed: [Q14, M22], expected: CR},
		{name: 'a plan choice no longer on the ladder is ignored', roundOne: CR, ladder: [Q14, M22, Q32, Q72], installed: [Q14, M22], expected: Q32, candidates: [Q72]},
	];
	it.each(table)('$name', (row) => {
		const settings = {...testSettings, ladder: row.ladder ?? testSettings.ladder, roundOne: row.roundOne ?? null};
		const results = emptyResults(true);
		for (const name of row.pulled ?? []) {
			results.models.push({name, sizeBytes: null, parameterSize: null, quantization: null, capabilities: [], pull: {status: 'pulled', bytes: 1, seconds: 1, at: 'x'}});
		}
		const policy = policyOf(settings, results, machine(row.installed));
		expect(policy.roundOne).toBe(row.expected);
		expect(policy.roundOneSource).toBe(row.roundOne && policy.roundOne === row.roundOne ? 'plan' : 'ladder');
		if (row.candidates) expect(policy.candidates).toEqual(row.candidates);
		expect(policy.maxLargeInstalled).toBe(1);
	});
});

describe('predictRate', () => {
	const q32 = {model: Q32, sizeBytes: 19.85e9, rate: 14.4};
	const q72 = {model: Q72, sizeBytes: 47.4e9, rate: 5.9};
	const q14 = {model: Q14, sizeBytes: 9e9, rate: 36};

	it('rate x bytes is constant: one measured model predicts a bigger class with +-20 %', () => {
		const prediction = predictRate([q32], 47.4e9, null);
		expect(prediction?.rate).toBeCloseTo((14.4 * 19.85) / 47.4, 6);
		expect(prediction?.extrapolated).toBe(true);
		expect(prediction?.range[0]).toBeCloseTo((prediction?.rate ?? 0) * 0.8, 6);
		expect(prediction?.range[1]).toBeCloseTo((prediction?.rate ?? 0) * 1.2, 6);
	});

	it('within the size class measured the range is +-10 %', () => {
		const prediction = predictRate([q32, q72], 42.5e9, null);
		expect(prediction?.extrapolated).toBe(false);
		expect(prediction?.range[1]).toBeCloseTo((prediction?.rate ?? 0) * 1.1, 6);
	});

	it('the largest measured model weighs most', () => {
		// q14 alone would predict 7.6 t/s for 42.5 GB, q72 alone 6.6: the blend sits near the 72B.
		const prediction = predictRate([q14, q72], 42.5e9, null);
		const fromQ72 = (5.9 * 47.4) / 42.5;
		const fromQ14 = (36 * 9) / 42.5;
		expect(prediction?.rate).toBeGreaterThan(fromQ72);
		expect(prediction?.rate).toBeLessThan((fromQ72 + fromQ14) / 2);
		expect(prediction?.basis.model).toBe(Q72);
	});

	it('the bandwidth ceiling caps the prediction and its range', () => {
		const prediction = predictRate([{model: Q14, sizeBytes: 9e9, rate: 60}], 47.4e9, 400);
		const ceiling = 400e9 / 47.4e9;
		expect(prediction?.ceiling).toBeCloseTo(ceiling, 6);
		expect(prediction?.rate).toBeCloseTo(ceiling, 6);
		expect(prediction?.range[1]).toBeCloseTo(ceiling, 6);
	});

	it('nothing measured, or an unknown size: no prediction', () => {
		expect(predictRate([], 47.4e9, 400)).toBeNull();
		expect(predictRate([q32], 0, 400)).toBeNull();
	});
});
