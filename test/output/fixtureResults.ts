import {RUBRIC_VERSION} from '../../source/analysis/rubric.js';
// Results records with known figures, built the way the steps would write them, so every number
// the report and tables print can be checked against its source.
import {relativeOfScenarios} from '../../source/analysis/relative.js';
import {judgedTrader} from '../helpers/judgedRecord.js';
import {emptyResults, type ModelResult, type ResultsFile, type Role, type ScoredResponse, type SpeedResult, type EndpointToolResult, type ToolScenarioId} from '../../source/domain/schema.js';

const AT = '2026-01-10T12:00:00.000Z';

/**
 * A trader answer judged against Claude's on three markets, Claude's answers scored 10 in those
 * calls, so the absolute score and the relative score (10 = Claude) are both `relative`: the
 * record the threshold, the charts and the report read.
 */
export function judged(answer: ScoredResponse, relative: number): ScoredResponse {
	const record = judgedTrader({answer: relative, baseline: 10}, {judgeModel: 'claude-sonnet-4-5-20250929'});
	const scenarios = (record.scenarios ?? []).map((s) => ({...s, metrics: answer.metrics, compliance: answer.compliance ?? s.compliance}));
	return {...answer, score: record.score, scoreSource: 'judge', scorer: record.scorer, scenarios, relative: relativeOfScenarios(scenarios), relativeToBaseline: relative / 10};
}

export function response(role: Role, score: number, words: number, extra: Partial<ScoredResponse['metrics'] & object> = {}, tail = ''): ScoredResponse {
	return {
		role,
		status: 'ok',
		metrics: {
			words,
			chars: words * 6,
			figures: 12,
			grounded: 10,
			unsupported: 2,
			unsupportedExamples: ['$999'],
			decision: role === 'trader' ? 'BUY' : null,
			decisionNote: null,
			entry: role === 'trader' ? 258.67 : null,
			stopLoss: role === 'trader' ? 244.1 : null,
			target: role === 'trader' ? 290 : null,
			positionSizing: role === 'trader' ? '5% of portfolio' : null,
			timeHorizon: role === 'trader' ? '3-6 months' : null,
			levelsCoherent: role === 'trader' ? true : null,
			engagesOpponent: role !== 'trader',
			structured: true,
			...extra,
		},
		score,
		scoreSource: 'rubric',
		scorer: {kind: 'rubric', version: RUBRIC_VERSION, judgeModel: null, baseline: null},
		dimensions: [{id: 'decision', label: 'Decision line', points: 2, max: 2, note: 'parseable'}],
		relativeToBaseline: null,
		elapsedSeconds: 42.5,
		outputTokens: 700,
		tokensPerSecond: 25,
		ttftMs: 300,
		transcript: null,
		tail: tail || `tail of ${role} ... FINAL TRANSACTION PROPOSAL: **BUY**`,
		at: AT,
	};
}

export function speed(mean: number, sd: number, ceiling: number | null, estimateSeconds: number): SpeedResult {
	const stats = (value: number) => ({mean: value, sd: 0, samples: [value]});
	return {
		evalRate: {mean, sd, samples: [mean - sd, mean, mean + sd]},
		promptEvalRate: stats(300),
		promptEvalCount: stats(975),
		ttftMs: stats(250),
		loadMs: 4000,
		evalCount: stats(300),
		ceilingRate: ceiling,
		bandwidthGBs: ceiling === null ? null : 400,
		efficiency: ceiling === null ? null : mean / ceiling,
		memory: null,
		warnings: [],
		options: {temperature: 0, seed: 42, num_ctx: 8192, num_predict: 512, think: null, reps: 3, prompt: 'Explain the bull case for Apple stock in exactly 200 words, citing specific financial metrics.'},
		reps: [],
		pipelineEstimateSeconds: estimateSeconds,
		at: AT,
	};
}

const SCENARIOS: ToolScenarioId[] = ['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak'];

export function tools(passing: number, failReason = 'leaked into text'): EndpointToolResult {
	return {
		supported: true,
		scenarios: SCENARIOS.map((id, index) => ({id, outcome: index < passing ? 'pass' : 'fail', reason: index < passing ? '' : failReason, latencyMs: 900})),
		passed: passing,
		total: SCENARIOS.length,
	};
}

function model(name: string, sizeBytes: number, parameterSize: string, scores: [number, number, number], rate: number, ceiling: number, practical: boolean, toolPass: [number, number]): ModelResult {
	return {
		name,
		sizeBytes,
		parameterSize,
		quantization: 'Q4_K_M',
		capabilities: ['completion', 'tools'],
		speed: speed(rate, 0.4, ceiling, 20_000 / rate),
		practical,
		reasoning: {
			bull: response('bull', scores[0], 900),
			bear: response('bear', scores[1], 850),
			trader: judged(response('trader', scores[2], 400, {}, `trader ${name} tail: stop-loss 244.10, target 290. FINAL TRANSACTION PROPOSAL: **BUY**`), scores[2]),
		},
		toolCalling: {native: tools(toolPass[0]), openai: tools(toolPass[1]), at: AT},
	};
}

/** Round 1 (qwen2.5:32b at 8.7) escalated to llama3.3:70b, which reached 9.3 and is recommended. */
export function completeResults(simulated = false): ResultsFile {
	const results = emptyResults(simulated, new Date(AT));
	results.environment = {host: 'http://127.0.0.1:11434', ollamaVersion: '0.12.6', chip: 'Apple M3 Max', bandwidthGBs: 400, totalRamBytes: 128e9, platform: 'darwin'};
	results.settings = {ladder: ['qwen2.5:14b', 'qwen2.5:32b', 'llama3.3:70b'], threshold: 9, minRate: 8, reps: 3, numCtx: 8192, claudeModel: 'claude-sonnet-4-5-20250929'};
	results.models = [
		model('qwen2.5:14b', 8_988_124_069, '14.8B', [7.9, 7.6, 8.1], 24.6, 44.5, true, [5, 3]),
		model('qwen2.5:32b', 19_851_349_669, '32.8B', [8.4, 8.2, 8.7], 12.3, 20.1, true, [5, 4]),
		model('llama3.3:70b', 42_520_413_916, '70.6B', [9.0, 8.8, 9.3], 6.4, 9.4, false, [5, 5]),
	];
	results.baseline = {
		provider: 'claude',
		model: 'claude-sonnet-4-5-20250929',
		status: 'ok',
		note: null,
		reasoning: {bull: response('bull', 9.6, 1400), bear: response('bear', 9.4, 1350), trader: response('trader', 9.8, 650, {}, 'claude tail FINAL TRANSACTION PROPOSAL: **BUY**')},
		costUsd: 0.1234,
		usage: {inputTokens: 9000, outputTokens: 6000},
	};
	results.rounds = [
		{round: 1, model: 'qwen2.5:32b', decision: 'escalate', chosen: 'llama3.3:70b', reason: 'trader score 8.7 < 9.0; llama3.3:70b is smaller and faster than qwen2.5:72b', at: AT},
		{round: 2, model: 'llama3.3:70b', decision: 'recommend', chosen: 'llama3.3:70b', reason: 'trader score 9.3 >= 9.0', at: AT},
	];
	results.recommendation = {model: 'llama3.3:70b', practical: false, reason: 'llama3.3:70b closes the gap (trader 9.3 >= 9.0) but decodes at 6.4 t/s', configs: ['hybrid_llama70', 'hybrid_aggressive_llama70', 'hybrid_aggressive_llama70_localtools']};
	return results;
}

/** Round 1 only: no baseline (no key), the 32B not benchmarked yet, no recommendation. */
export function partialResults(): ResultsFile {
	const results = emptyResults(false, new Date(AT));
	results.models = [
		{name: 'qwen2.5:14b', sizeBytes: 8_988_124_069, parameterSize: '14.8B', quantization: 'Q4_K_M', capabilities: [], reasoning: {trader: response('trader', 7.2, 300)}},
		{name: 'qwen2.5:32b', sizeBytes: null, parameterSize: null, quantization: null, capabilities: []},
	];
	results.baseline = {provider: 'claude', model: 'claude-sonnet-4-5-20250929', status: 'skipped', note: 'ANTHROPIC_API_KEY is not set', reasoning: {}, costUsd: null, usage: null};
	return results;
}
