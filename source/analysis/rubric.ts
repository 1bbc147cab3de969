// The offline quality rubric (docs/DESIGN.md "Quality"): deterministic, 0-10, every point explained,
// made hard to fool (docs/reference/judging.md §5). Repetition earns nothing and costs points, depth
// saturates at a moderate length of distinct content, figures count only inside reasoning
// sentences, the argument's direction is checked against the decision, and the levels must pass
// a risk desk's sanity checks. The baseline is scored by exactly these rules.
import type {Compliance, ResponseMetrics, Role, RubricDimension} from '../domain/schema.js';
import {complianceOf} from './compliance.js';
import {directionAgrees, sideAgrees} from './direction.js';
import {figuresInProse, ownWords, wordsOf} from './figuresInProse.js';
import {extractFigures, sameFigure} from './figures.js';
import {falseClaims} from './groundingClaims.js';
import {checkSubject} from './groundingSubject.js';
import {measureRedundancy, splitSentences, type Sentence} from './redundancy.js';
import {measureResponse} from './responseMetrics.js';
import {levelsNearPrice, riskChecks} from './riskSanity.js';
import {countEngagement} from './textMetrics.js';
import {
	DEPTH,
	consistencyDimension,
	depthDimension,
	engagementDimension,
	graderDimension,
	horizonDimension,
	marketDimension,
	paddingDimension,
	riskDimension,
	sideDimension,
	thesisDimension,
} from './rubricDimensions.js';

/** Bump on any change that moves a score: stored scores of another version are recomputed. */
export const RUBRIC_VERSION = '3';

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

/** Distinct sentences that string two or more context figures together with no words of their own. */
function listedSentences(distinct: readonly Sentence[], context: string): number {
	const known = extractFigures(context);
	const contextWords = new Set(wordsOf(context));
	return distinct.filter((sentence) => {
		const cited = extractFigures(sentence.text).filter((figure) => known.some((k) => sameFigure(figure, k)));
		return cited.length >= 2 && ownWords(sentence, contextWords).length === 0;
	}).length;
}

export function scoreResponse(input: ScoreInput): RubricScore {
	const {role, text, context} = input;
	const {metrics} = measureResponse(role, text, context);
	const redundancy = measureRedundancy(text, context);
	const contextNorms = new Set(splitSentences(context).map((s) => s.norm));
	const figures = figuresInProse(redundancy.distinct, context, contextNorms);
	const argument = redundancy.distinct.filter((s) => !contextNorms.has(s.norm)).map((s) => s.text).join('\n');
	const claims = falseClaims(redundancy.distinct.map((s) => s.text).join('\n'), context);
	const subject = checkSubject(text, context);
	let dimensions: RubricDimension[];
	if (role === 'trader') {
		const w = TRADER_WEIGHTS;
		const risk = riskChecks(metrics, context);
		const levelsOk = metrics.decision === 'HOLD' ? 'n/a' : metrics.levelsCoherent;
		dimensions = [
			thesisDimension(figures, EXPECTED_FIGURES.trader, w.thesis, claims.length),
			...risk.map((check) => riskDimension(check, w[check.id])),
			horizonDimension(metrics.timeHorizon, w.horizon),
			consistencyDimension(metrics.decision !== null, levelsOk, directionAgrees(argument, metrics.decision), w.consistency),
			depthDimension(redundancy, DEPTH.trader, w.depth),
		];
	} else {
		const w = DEBATE_WEIGHTS;
		const opponent = role === 'bull' ? 'bear' : 'bull';
		dimensions = [
			thesisDimension(figures, EXPECTED_FIGURES[role], w.thesis, claims.length),
			sideDimension(sideAgrees(argument, role), w.consistency),
			engagementDimension(countEngagement(argument, role), opponent, w.engagement),
			depthDimension(redundancy, DEPTH.debate, w.depth),
		];
	}
	dimensions.push(paddingDimension(redundancy, listedSentences(redundancy.distinct, context)));
	dimensions.push(graderDimension(redundancy.distinct));
	dimensions.push(marketDimension(subject, role === 'trader' ? levelsNearPrice(metrics, context) : null, claims));
	const total = dimensions.reduce((sum, d) => sum + d.points, 0);
	const score = Math.round(Math.min(10, Math.max(0, total)) * 100) / 100;
	return {metrics, score, dimensions, compliance: complianceOf(role, metrics), version: RUBRIC_VERSION};
}

/** score / baseline score; null without a usable baseline. */
export function relativeToBaseline(score: number | null | undefined, baselineScore: number | null | undefined): number | null {
	if (score == null || baselineScore == null || !(baselineScore > 0)) return null;
	return score / baselineScore;
}
