// The quality rubric (DESIGN.md "Quality"): deterministic, 0-10, every point explained.
import type {ResponseMetrics, Role, RubricDimension} from '../output/schema.js';
import {measureResponse} from './responseMetrics.js';
import {
	coherenceDimension,
	decisionDimension,
	depthDimension,
	engagementDimension,
	groundingDimension,
	levelDimension,
	structureDimension,
	textDimension,
} from './rubricDimensions.js';

/** Typical lengths of a good response (tradingagents.md §4), used when no baseline is given. */
export const REFERENCE_CHARS: Record<Role, number> = {bull: 8_000, bear: 8_000, trader: 1_600};

/** Grounded figures a response needs for full grounding credit. */
export const EXPECTED_FIGURES: Record<Role, number> = {bull: 8, bear: 8, trader: 4};

// Depth weighs most because the gap the team saw was depth (8.6K vs 18K chars); the risk
// elements together (decision, stop, target, sizing, horizon, coherence) weigh 6 of 10.
export const TRADER_WEIGHTS = {
	decision: 1.5,
	stopLoss: 1.25,
	target: 1,
	sizing: 0.75,
	horizon: 0.5,
	coherence: 1,
	grounding: 1.5,
	depth: 2.5,
} as const;

export const DEBATE_WEIGHTS = {depth: 3, grounding: 3, engagement: 2, structure: 2} as const;

export type ScoreInput = {
	role: Role;
	text: string;
	context: string;
	/** Length of the baseline's response for the same role; the built-in reference otherwise. */
	baselineChars?: number | null;
};

export type RubricScore = {
	metrics: ResponseMetrics;
	/** 0..10, two decimals. */
	score: number;
	dimensions: RubricDimension[];
};

export function scoreResponse(input: ScoreInput): RubricScore {
	const {role, text, context} = input;
	const {metrics, text: shape, grounding} = measureResponse(role, text, context);
	const fromBaseline = input.baselineChars != null && input.baselineChars > 0;
	const reference = fromBaseline ? (input.baselineChars as number) : REFERENCE_CHARS[role];
	let dimensions: RubricDimension[];
	if (role === 'trader') {
		const w = TRADER_WEIGHTS;
		dimensions = [
			decisionDimension(metrics, w.decision),
			levelDimension('stopLoss', 'Stop-loss level', metrics.stopLoss, w.stopLoss),
			levelDimension('target', 'Price target level', metrics.target, w.target),
			textDimension('sizing', 'Position sizing', metrics.positionSizing, w.sizing),
			textDimension('horizon', 'Time horizon', metrics.timeHorizon, w.horizon),
			coherenceDimension(metrics, w.coherence),
			groundingDimension(grounding, EXPECTED_FIGURES.trader, w.grounding),
			depthDimension(metrics.chars, reference, fromBaseline, w.depth),
		];
	} else {
		const w = DEBATE_WEIGHTS;
		dimensions = [
			depthDimension(metrics.chars, reference, fromBaseline, w.depth),
			groundingDimension(grounding, EXPECTED_FIGURES[role], w.grounding),
			engagementDimension(shape, role === 'bull' ? 'bear' : 'bull', w.engagement),
			structureDimension(shape, w.structure),
		];
	}
	const score = Math.round(dimensions.reduce((sum, d) => sum + d.points, 0) * 100) / 100;
	return {metrics, score, dimensions};
}

/** score / baseline score; null without a usable baseline. */
export function relativeToBaseline(score: number | null | undefined, baselineScore: number | null | undefined): number | null {
	if (score == null || baselineScore == null || !(baselineScore > 0)) return null;
	return score / baselineScore;
}
