import {describe, expect, it} from 'vitest';
import {createStepSummaryLines} from '../../../source/app/lines/stepSummaryLines.js';
import type {SpeedResult} from '../../../source/domain/schema.js';
import {testSettings} from '../../helpers/testSettings.js';
import {speed} from '../../experiment/strategy/fixtures.js';
import {okResponse, scenario} from '../fixtures/compareEvents.js';

const slow: SpeedResult = {...speed(5.91, testSettings), evalRate: {mean: 5.91, sd: 0.03, samples: [5.89, 5.89, 5.94]}};

describe('step summary lines', () => {
	it('says an installed model was not pulled again', () => {
		const lines = createStepSummaryLines();
		expect(lines({type: 'pull:done', model: 'qwen2.5:14b', result: {status: 'present', bytes: 9e9, seconds: 0, at: 'now'}})).toBe(
			'qwen2.5:14b is already installed — pull skipped.',
		);
	});

	it('marks a slow model IMPRACTICAL and says when the ceiling is unknown', () => {
		const lines = createStepSummaryLines();
		expect(lines({type: 'bench:done', model: 'qwen2.5:72b', speed: slow, practical: false})).toBe('qwen2.5:72b  5.9 ± 0.0 t/s decode (ceiling unknown) · IMPRACTICAL');
	});

	it('shortens a long model name, not the figures, to stay within 80 columns', () => {
		const lines = createStepSummaryLines();
		const model = 'hf.co/bartowski/Llama-3.3-70B-Instruct-GGUF:Q4_K_M';
		const line = lines({type: 'bench:done', model, speed: {...slow, ceilingRate: 9.41, efficiency: 0.63}, practical: false}) ?? '';
		expect(line.length).toBeLessThanOrEqual(80);
		expect(line).toMatch(/^hf\.co\/\S*\.\.\. {2}5\.9 ± 0\.0 t\/s decode \(63% of 9\.4 t\/s ceiling\) · IMPRACTICAL$/);
	});

	it('prints a subject once all its prompts are done, and why the baseline was skipped', () => {
		const lines = createStepSummaryLines();
		expect(lines({type: 'compare:start', subjects: ['a:1b'], roles: ['bull', 'trader'], baseline: 'skipped', baselineNote: 'ANTHROPIC_API_KEY is not set'})).toBe(
			'Claude baseline skipped: ANTHROPIC_API_KEY is not set',
		);
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'bull', response: okResponse('bull', 6, {words: 400})})).toBeNull();
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response: okResponse('trader', 6.5, {words: 90, decision: 'SELL'})})).toBe(
			'a:1b  bull 6.0 400w · trader 6.5 90w SELL',
		);
	});

	it('prints a subject once, from the records the judge will not revise again', () => {
		const lines = createStepSummaryLines();
		lines({type: 'compare:start', subjects: ['a:1b'], roles: ['bull', 'trader'], baseline: 'run', baselineNote: null});
		// Scored by the rubric as they land; the judge's verdicts follow.
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'bull', response: okResponse('bull', 6, {words: 400}), settled: false})).toBeNull();
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response: okResponse('trader', 6.5, {words: 90}), settled: false})).toBeNull();
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'bull', response: okResponse('bull', 7.2, {words: 400}), settled: true})).toBeNull();
		expect(lines({type: 'compare:cell-done', subject: 'a:1b', role: 'trader', response: okResponse('trader', 8.1, {words: 90, decision: 'BUY'}), settled: true})).toBe(
			'a:1b  bull 7.2 400w · trader 8.1 90w BUY',
		);
	});

	it('gives a tool failure’s reason in short, within 80 columns', () => {
		const lines = createStepSummaryLines();
		const reason = 'leaked into text: <tool_call> {"name":"get_stock_data","arguments":{"symbol":"AAPL"}}';
		const failing = {supported: true, scenarios: [scenario('single-call', 'fail', reason)], passed: 0, total: 5};
		const line = lines({type: 'tools:done', model: 'mistral-small:22b', result: {native: failing, openai: failing, at: 'now'}}) ?? '';
		expect(line.length).toBeLessThanOrEqual(80);
		expect(line).toMatch(/^mistral-small:22b: native 0\/5, openai 0\/5 · FAIL: leaked into text: <tool_c/);
	});
});
