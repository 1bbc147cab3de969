// Builders for judged trader records: per market, the scores the judge gave the local answer and
// Claude's in both orders, compliance, and the ways a market can fail. Shared by the threshold rule's
// table, the strategy scenarios and the surfaces that show the outcome.
import type {Compliance, CriterionVerdict, ScenarioScore, ScoredResponse} from '../../source/domain/schema.js';
import {JUDGE_PROMPT_VERSION} from '../../source/analysis/judgePrompt.js';

export type Field = 'decision' | 'stopLoss' | 'target' | 'sizing';

export type MarketSpec = {
	/** The local answer's score per criterion (one number = all four), before any position effect. */
	answer?: number | number[];
	/** Claude's score per criterion. */
	baseline?: number | number[];
	/** Points the judge adds to whichever response it sees first. */
	position?: number;
	/** A judge that ignores the answers: [first, second] whatever is shown. */
	byPosition?: [number, number];
	/** The judge failed on this market with this message. */
	judgeError?: string;
	/** The answer itself failed. */
	answerError?: string;
	/** No judge record (e.g. no Claude answer for this market). */
	unjudged?: boolean;
	/** Required fields the answer lacks. */
	missing?: Field[];
};

const CRITERIA = ['thesis', 'risk', 'consistency', 'actionability'];
const AT = '2026-01-01T00:00:00.000Z';
const clamp = (v: number) => Math.min(10, Math.max(0, v));

function perCriterion(value: number | number[] | undefined, fallback: number): number[] {
	if (Array.isArray(value)) return value;
	return CRITERIA.map(() => value ?? fallback);
}

export function compliance(missing: Field[] = []): Compliance {
	const checks = (['decision', 'stopLoss', 'target', 'sizing'] as const).map((id) => ({id, label: id, pass: !missing.includes(id), note: ''}));
	return {words: 300, figures: 8, grounded: 8, unsupported: 0, checks, passed: checks.filter((c) => c.pass).length, total: checks.length};
}

function criterion(id: string, index: number, spec: MarketSpec): CriterionVerdict {
	const a = perCriterion(spec.answer, 9)[index] ?? 9;
	const b = perCriterion(spec.baseline, 9)[index] ?? 9;
	const p = spec.position ?? 0;
	const first = spec.byPosition ? {answer: spec.byPosition[0], baseline: spec.byPosition[1]} : {answer: clamp(a + p), baseline: b};
	const second = spec.byPosition ? {answer: spec.byPosition[1], baseline: spec.byPosition[0]} : {answer: a, baseline: clamp(b + p)};
	const outcome = (o: {answer: number; baseline: number}) => (o.answer > o.baseline ? 'win' : o.answer < o.baseline ? 'loss' : 'tie');
	const agree = outcome(first) === outcome(second);
	return {
		id,
		outcome: agree ? outcome(first) : 'tie',
		inconsistent: !agree,
		reasons: ['r', 'r'],
		answerScore: (first.answer + second.answer) / 2,
		baselineScore: (first.baseline + second.baseline) / 2,
		byOrder: [first, second],
	};
}

export function market(scenario: string, spec: MarketSpec = {}, judgeModel = 'claude-sonnet-5-5'): ScenarioScore {
	if (spec.answerError) {
		return {scenario, status: 'error', error: spec.answerError, quality: null, rubricScore: null, dimensions: [], metrics: null, compliance: null, judge: null, scorer: null, transcript: null};
	}
	const criteria = CRITERIA.map((id, index) => criterion(id, index, spec));
	const mean = (pick: (c: CriterionVerdict) => number) => criteria.reduce((sum, c) => sum + pick(c), 0) / criteria.length;
	const judge: ScenarioScore['judge'] = spec.unjudged
		? null
		: spec.judgeError
			? {status: 'failed', error: `judge failed: ${spec.judgeError}`, model: judgeModel, verdict: null, quality: null, baselineQuality: null, criteria: [], calls: 2, costUsd: null, cached: false}
			: {status: 'ok', model: judgeModel, verdict: 'tie', quality: mean((c) => c.answerScore ?? 0), baselineQuality: mean((c) => c.baselineScore ?? 0), criteria, calls: 2, costUsd: 0.02, cached: false};
	return {
		scenario,
		status: 'ok',
		quality: judge?.quality ?? null,
		rubricScore: 8,
		dimensions: [],
		metrics: null,
		compliance: compliance(spec.missing),
		judge,
		scorer: judge ? {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel, baseline: 'h'} : null,
		transcript: null,
	};
}

export const MARKETS = ['market-context', 'market-b', 'market-c'];

/** A judged trader record over markets (three by default, each from `spec`, or one spec per market). */
export function judgedTrader(specs: MarketSpec | MarketSpec[], options: {judgeModel?: string; source?: 'judge' | 'rubric'} = {}): ScoredResponse {
	const judgeModel = options.judgeModel ?? 'claude-sonnet-5-5';
	const list = Array.isArray(specs) ? specs : MARKETS.map(() => specs);
	const scenarios = list.map((spec, index) => market(MARKETS[index] ?? `market-${index}`, spec, judgeModel));
	const qualities = scenarios.map((s) => s.judge?.quality).filter((q): q is number => typeof q === 'number');
	const score = qualities.length === 0 ? null : qualities.reduce((a, b) => a + b, 0) / qualities.length;
	const source = options.source ?? 'judge';
	return {
		role: 'trader',
		status: 'ok',
		metrics: null,
		score,
		scoreSource: source,
		scorer: source === 'judge' ? {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel, baseline: null} : {kind: 'rubric', version: '3', judgeModel: null, baseline: null},
		compliance: scenarios[0]?.compliance ?? null,
		scenarios: source === 'judge' ? scenarios : scenarios.map((s) => ({...s, judge: null, scorer: null})),
		dimensions: [],
		relativeToBaseline: null,
		elapsedSeconds: 1,
		outputTokens: 100,
		tokensPerSecond: 10,
		ttftMs: 10,
		transcript: null,
		tail: '',
		at: AT,
	};
}
