import {describe, expect, it} from 'vitest';
import {createStepSummaryLines} from '../../../source/app/lines/stepSummaryLines.js';
import {createRunLines} from '../../../source/app/lines/runLines.js';
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

	it('keeps a canceled pull’s message whole: the command in it can be run as printed', () => {
		const lines = createStepSummaryLines();
		const error = 'Pull of qwen2.5:32b canceled — run `trifecta pull qwen2.5:32b` again to resume the download (the partial download is lost if the Ollama server restarts meanwhile).';
		const line = lines({type: 'pull:done', model: 'qwen2.5:32b', result: {status: 'canceled', bytes: 1e9, seconds: 3, error, at: 'now'}}) ?? '';
		expect(line).toContain('again to resume the download (the partial download is lost if the Ollama server restarts meanwhile).');
		expect(line).not.toContain('...');
	});

	it('prints the Claude baseline’s line once, although every compare step shows its cells', () => {
		const lines = createStepSummaryLines();
		const printed: string[] = [];
		for (const model of ['a:1b', 'b:2b']) {
			const start = lines({type: 'compare:start', subjects: [model, 'claude:x'], roles: ['trader'], baseline: 'run', baselineNote: null});
			if (start) printed.push(start);
			for (const subject of [model, 'claude:x']) {
				const line = lines({type: 'compare:cell-done', subject, role: 'trader', response: okResponse('trader', 9.2, {words: 500, decision: 'BUY'})});
				if (line) printed.push(line);
			}
		}
		expect(printed.filter((line) => line.startsWith('Claude (baseline)'))).toHaveLength(1);
		expect(printed.filter((line) => line.startsWith('a:1b') || line.startsWith('b:2b'))).toHaveLength(2);
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

describe('run lines: step headers', () => {
	it('a pull shown again while the local lane waits for it gets no second header', () => {
		const lines = createRunLines();
		const pull = {kind: 'step' as const, step: 'pull' as const, round: 1, models: ['qwen2.5:32b'], baseline: false};
		expect(lines({type: 'strategy:step-start', action: {...pull, keys: {'pull:qwen2.5:32b': 'x'}}})).toBe('── round 1 · pull · qwen2.5:32b');
		expect(lines({type: 'strategy:step-start', action: {...pull, keys: {}}})).toBeNull();
	});
});
