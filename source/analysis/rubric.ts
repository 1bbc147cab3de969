// The offline quality rubric (docs/DESIGN.md "Quality"): deterministic, 0-10, every point explained,
// made hard to fool (docs/reference/judging.md §5). Repetition earns nothing and costs points, depth
// saturates at a moderate length of distinct content, figures count only inside reasoning
// sentences, the argument's direction is checked against the decision, and the levels must pass
// a risk desk's sanity checks. The baseline is scored by exactly these rules.
import type {Compliance, ResponseMetrics, Role, RubricDimension} from '../domain/schema.js';
import {complianceOf} from './compliance.js';
import {directionAgrees, sideAgrees} from './direction.js';
import {figuresInProse} from './figuresInProse.js';
import {measureRedundancy, splitSentences} from './redundancy.js';
import {measureResponse} from './responseMetrics.js';
import {riskChecks} from './riskSanity.js';
import {countEngagement} from './textMetrics.js';
import {
	DEPTH,
	consistencyDimension,
	depthDimension,
	engagementDimension,
	horizonDimension,
	paddingDimension,
	riskDimension,
	sideDimension,
	thesisDimension,
} from './rubricDimensions.js';

/** Bump on any change that moves a score: stored scores of another version are recomputed. */
export const RUBRIC_VERSION = '2';

/** Distinct context figures argued with for full thesis credit. */
export const EXPECTED_FIGURES: Record<Role, number> = {bull: 6, bear: 6, trader: 4};

export const TRADER_WEIGHTS = {
	thesis: 3,
	stopSide: 0.75,
	stopDistance: 0.75,
	rewardRisk: 0.75,
	sizeCap: 0.5,
	horizon: 0.25,
	consistency: 2,
	depth: 2,
} as const;

export const DEBATE_WEIGHTS = {thesis: 4, consistency: 2, engagement: 2, depth: 2} as const;

export type ScoreInput = {role: Role; text: string; context: string};

export type RubricScore = {
	metrics: ResponseMetrics;
	/** 0..10, two decimals. */
	score: number;
	dimensions: RubricDimension[];
	compliance: Compliance;
	version: string;
};

export function scoreResponse(input: ScoreInput): RubricScore {
	const {role, text, context} = input;
	const {metrics} = measureResponse(role, text, context);
	const redundancy = measureRedundancy(text, context);
	const contextNorms = new Set(splitSentences(context).map((s) => s.norm));
	const figures = figuresInProse(redundancy.distinct, context, contextNorms);
	const argument = redundancy.distinct.filter((s) => !contextNorms.has(s.norm)).map((s) => s.text).join('\n');
	let dimensions: RubricDimension[];
	if (role === 'trader') {
		const w = TRADER_WEIGHTS;
		const risk = riskChecks(metrics, context);
		const levelsOk = metrics.decision === 'HOLD' ? 'n/a' : metrics.levelsCoherent;
		dimensions = [
			thesisDimension(figures, EXPECTED_FIGURES.trader, w.thesis),
			...risk.map((check) => riskDimension(check, w[check.id])),
			horizonDimension(metrics.timeHorizon, w.horizon),
			consistencyDimension(metrics.decision !== null, levelsOk, directionAgrees(argument, metrics.decision), w.consistency),
			depthDimension(redundancy, DEPTH.trader, w.depth),
		];
	} else {
		const w = DEBATE_WEIGHTS;
		const opponent = role === 'bull' ? 'bear' : 'bull';
		dimensions = [
			thesisDimension(figures, EXPECTED_FIGURES[role], w.thesis),
			sideDimension(sideAgrees(argument, role), w.consistency),
			engagementDimension(countEngagement(argument, role), opponent, w.engagement),
			depthDimension(redundancy, DEPTH.debate, w.depth),
		];
	}
	dimensions.push(paddingDimension(redundancy));
	const total = dimensions.reduce((sum, d) => sum + d.points, 0);
	const score = Math.round(Math.min(10, Math.max(0, total)) * 100) / 100;
	return {metrics, score, dimensions, compliance: complianceOf(role, metrics), version: RUBRIC_VERSION};
}

/** score / baseline score; null without a usable baseline. */
export function relativeToBaseline(score: number | null | undefined, baselineScore: number | null | undefined): number | null {
	if (score == null || baselineScore == null || !(baselineScore > 0)) return null;
	return score / baselineScore;
}
