import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatComparisonTable, writeComparisonTable, COMPARISON_FILE_NAME} from '../../source/output/comparisonTable.js';
import {JUDGE_PROMPT_VERSION} from '../../source/analysis/judgePrompt.js';
import {formatToolTable, writeToolTable, TOOL_TABLE_FILE_NAME} from '../../source/output/toolTable.js';
import {SIMULATED_BANNER} from '../../source/output/textFormat.js';
import {emptyResults, type ResultsFile} from '../../source/domain/schema.js';
import {completeResults, partialResults, response} from './fixtureResults.js';
import {tempDir} from './helpers.js';

function rowOf(text: string, model: string, role: string): string[] {
	const line = text.split('\n').find((candidate) => candidate.startsWith(`${model} `) && candidate.split(/\s{2,}/)[1] === role);
	return line ? line.split(/\s{2,}/) : [];
}

describe('model_scaling_comparison.txt', () => {
	it('has one row per model and role with the figures, and the baseline', () => {
		const text = formatComparisonTable(completeResults());
		expect(text).not.toContain('SIMULATED');
		expect(text).toMatch(/model\s+role\s+quality 0-10\s+scorer\s+relative to Claude \[95 %\]/);
		expect(text).toMatch(/model\s+role\s+checks\s+words\s+numbers\s+grounded\s+unsupported\s+decision\s+stop-loss\s+target\s+sizing\s+seconds/);
		expect(rowOf(text, 'qwen2.5:32b', 'trader')).toEqual(['qwen2.5:32b', 'trader', '8.7', 'judge claude-sonnet-4-5-20250929', '8.7, n=12']);
		// The rubric's scores in their own table: never a relative score, never beside judged ones.
		const rubric = text.slice(text.indexOf('Offline rubric 0-10'), text.indexOf('Compliance ('));
		expect(rowOf(rubric, 'qwen2.5:32b', 'bull')).toEqual(['qwen2.5:32b', 'bull', '8.4', 'format-and-grounding check', '–']);
		expect(rowOf(rubric, 'qwen2.5:32b', 'trader')).toEqual([]);
		const compliance = text.slice(text.indexOf('Compliance ('));
		expect(rowOf(compliance, 'qwen2.5:32b', 'trader')).toEqual(['qwen2.5:32b', 'trader', '–', '400', '12', '10', '2', 'BUY', '244.10', '290.00', '5% of portfolio', '42.5']);
		expect(rowOf(compliance, 'claude:claude-sonnet-4-5-20250929', 'bull')).toEqual(['claude:claude-sonnet-4-5-20250929', 'bull', '–', '1,400', '12', '10', '2', 'none', 'none', 'none', 'none', '42.5']);
		// Quality and compliance are separate tables: no compliance count sits in the quality one.
		expect(text.indexOf('Quality 0-10')).toBeLessThan(text.indexOf('Compliance ('));
		expect(text).not.toContain('Stale quality scores');
		expect(text).not.toContain('baseline skipped');
	});

	it('ends with each trader output: words, characters and its last 500 characters', () => {
		const results = completeResults();
		const long = `${'x'.repeat(700)}END FINAL TRANSACTION PROPOSAL: **SELL**`;
		const model = results.models[0];
		if (model?.reasoning) model.reasoning.trader = response('trader', 5, 123, {chars: 740}, long);
		const text = formatComparisonTable(results);
		const block = text.slice(text.indexOf('=== qwen2.5:14b ==='), text.indexOf('=== qwen2.5:32b ==='));
		expect(block).toContain('words: 123  characters: 740');
		expect(block).toContain(long.slice(-500));
		expect(block).not.toContain(long.slice(-501));
		expect(text).toContain('=== claude:claude-sonnet-4-5-20250929 ===');
	});

	it('says why the baseline is missing and shows unmeasured and failed cells', () => {
		const results: ResultsFile = partialResults();
		const model = results.models[0];
		if (model?.reasoning) model.reasoning.bull = {...response('bull', 0, 0), status: 'error', metrics: null, score: null, error: 'model ran out of memory'};
		const text = formatComparisonTable(results);
		expect(text).toContain('baseline skipped: ANTHROPIC_API_KEY is not set');
		expect(rowOf(text, 'qwen2.5:14b', 'bull')[2]).toBe('ERROR: model ran out of memory');
		expect(rowOf(text, 'qwen2.5:32b', 'trader')[2]).toBe('not measured');
		expect(text).toContain('=== qwen2.5:32b ===\ntrader: not measured');
	});

	it('puts the SIMULATED banner first and writes the file into the results directory', () => {
		const dir = tempDir();
		const file = writeComparisonTable(dir, completeResults(true));
		expect(file).toBe(path.join(dir, COMPARISON_FILE_NAME));
		expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toBe(SIMULATED_BANNER);
	});
});

describe('model_scaling_comparison.txt: scorers', () => {
	it('keeps stale scores (older rubric, or no scorer recorded) apart from fresh ones', () => {
		const results = completeResults();
		const [first, second] = results.models;
		if (first?.reasoning?.trader) first.reasoning.trader.scorer = {kind: 'rubric', version: '1', judgeModel: null, baseline: null};
		if (second?.reasoning?.bull) delete second.reasoning.bull.scorer;
		const text = formatComparisonTable(results);
		const fresh = text.slice(0, text.indexOf('Stale quality scores'));
		const stale = text.slice(text.indexOf('Stale quality scores'), text.indexOf('Compliance ('));
		expect(rowOf(stale, first?.name ?? '', 'trader')[4]).toMatch(/^stale: rubric v1, current v\d/);
		expect(rowOf(stale, second?.name ?? '', 'bull')[4]).toBe('stale: scored before scorers were recorded');
		expect(rowOf(fresh, first?.name ?? '', 'trader')).toEqual([]);
		expect(rowOf(fresh, first?.name ?? '', 'bull')[3]).toBe('format-and-grounding check');
	});

	it('shows judged quality with its interval, the relative score and win/tie/loss, and the judge cost', () => {
		const results = completeResults();
		const trader = results.models[0]?.reasoning?.trader;
		if (trader) {
			Object.assign(trader, {
				score: 3.3,
				scoreSource: 'judge',
				scorer: {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel: 'claude-sonnet-4-5', baseline: null},
				quality: {mean: 3.3, low: 0.4, high: 6.2, n: 3},
				gap: {mean: -1.7, low: -4.6, high: 1.2, n: 3},
				relative: {mean: 6.6, low: 2.1, high: 11.1, n: 12},
				verdicts: {win: 0, tie: 1, loss: 2, failed: 0},
			});
		}
		if (results.baseline) results.baseline.judge = {model: 'claude-sonnet-4-5', calls: 36, cached: 4, failed: 0, costUsd: 0.72, usage: {inputTokens: 1, outputTokens: 1}};
		const text = formatComparisonTable(results);
		expect(rowOf(text, results.models[0]?.name ?? '', 'trader')).toEqual([results.models[0]?.name, 'trader', '3.3 [0.4–6.2], n=3', 'judge claude-sonnet-4-5', '6.6 [2.1–11.1], n=12; W/T/L 0/1/2']);
		expect(text).toContain('scored 0-10 per criterion (absolute)');
		expect(text).toContain('judge calls: 36 (4 from the cache, 0 failed pairs), cost $0.7200.');
	});
});

describe('tool_calling_scaling.txt', () => {
	it('has a grid per endpoint with pass / FAIL + reason and passed/total', () => {
		const text = formatToolTable(completeResults());
		const native = text.indexOf('Native Ollama API (/api/chat');
		const openai = text.indexOf('OpenAI-compatible API (/v1/chat/completions');
		expect(native).toBeGreaterThan(-1);
		expect(openai).toBeGreaterThan(native);
		const openaiPart = text.slice(openai);
		const qwen14 = openaiPart.split('\n').find((line) => line.startsWith('qwen2.5:14b'))?.split(/\s{2,}/);
		expect(qwen14).toEqual(['qwen2.5:14b', 'pass', 'pass', 'pass', 'FAIL: leaked into text', 'FAIL: leaked into text', '3/5']);
		expect(text.slice(native, openai)).toMatch(/llama3\.3:70b\s+pass\s+pass\s+pass\s+pass\s+pass\s+5\/5/);
		expect(text).toMatch(/model\s+single-call\s+choose-tool\s+use-result\s+structured-output\s+no-leak\s+passed\/total/);
	});

	it('shows unsupported, errors, untested models, and full reasons for long ones', () => {
		const results = completeResults();
		const [first, second, third] = results.models;
		if (first?.toolCalling) {
			first.toolCalling.native = {supported: false, scenarios: [{id: 'single-call', outcome: 'unsupported', reason: 'does not support tools', latencyMs: 10}], passed: 0, total: 5};
		}
		if (second?.toolCalling) {
			const scenario = second.toolCalling.native?.scenarios[2];
			if (scenario) Object.assign(scenario, {outcome: 'error', reason: 'HTTP 500 from the runner after it crashed while loading the model weights'});
		}
		if (third) delete third.toolCalling;
		const text = formatToolTable(results);
		expect(text).toMatch(/qwen2\.5:14b\s+unsupported\s+-\s+-\s+-\s+-\s+unsupported \(0\/5\)/);
		expect(text).toContain('error: HTTP 500 from the runner afte...');
		expect(text).toContain('qwen2.5:32b / use-result: HTTP 500 from the runner after it crashed while loading the model weights');
		expect(text).toMatch(/llama3\.3:70b\s+-\s+-\s+-\s+-\s+-\s+not tested/);
	});

	it('marks a simulated run and writes the file', () => {
		const dir = tempDir();
		const file = writeToolTable(dir, completeResults(true));
		expect(file).toBe(path.join(dir, TOOL_TABLE_FILE_NAME));
		expect(fs.readFileSync(file, 'utf8').startsWith(`${SIMULATED_BANNER}\n`)).toBe(true);
		expect(formatToolTable(emptyResults(false))).toContain('No model has been tested yet.');
	});
});
