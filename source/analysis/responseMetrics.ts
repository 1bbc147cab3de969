// Everything measurable in one response, in the shape the results file keeps.
import type {ResponseMetrics, Role} from '../domain/schema.js';
import {parseDecision} from './decision.js';
import {groundFigures, type GroundingResult} from './grounding.js';
import {extractLevels, levelsCoherent} from './levels.js';
import {textMetrics, type TextMetrics} from './textMetrics.js';

export type MeasuredResponse = {
	metrics: ResponseMetrics;
	text: TextMetrics;
	grounding: GroundingResult;
};

export function measureResponse(role: Role, text: string, context: string): MeasuredResponse {
	const shape = textMetrics(text, role);
	const grounding = groundFigures(text, context);
	const decision = parseDecision(text);
	// Levels are the trader's job; a bull quoting the analysts' target is not proposing a trade.
	const levels =
		role === 'trader'
			? extractLevels(text)
			: {entry: null, stopLoss: null, target: null, positionSizing: null, timeHorizon: null};
	return {
		text: shape,
		grounding,
		metrics: {
			words: shape.words,
			chars: shape.chars,
			figures: grounding.figures,
			grounded: grounding.grounded,
			unsupported: grounding.unsupported,
			unsupportedExamples: grounding.unsupportedExamples,
			decision: decision.decision,
			decisionNote: decision.note,
			...levels,
			levelsCoherent: levelsCoherent(decision.decision, levels),
			engagesOpponent: shape.engagesOpponent,
			structured: shape.structured,
		},
	};
}
