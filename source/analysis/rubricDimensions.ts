// One builder per rubric dimension: points, maximum and a note saying why.
import type {ResponseMetrics, RubricDimension} from '../output/schema.js';
import type {GroundingResult} from './grounding.js';
import type {TextMetrics} from './textMetrics.js';

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}

export function dimension(id: string, label: string, share: number, max: number, note: string): RubricDimension {
	return {id, label, points: round2(clamp01(share) * max), max, note};
}

/** Length ratio at or below which depth earns nothing, and at or above which it earns everything. */
export const DEPTH_FLOOR = 0.2;
export const DEPTH_FULL = 0.9;

export function depthDimension(chars: number, referenceChars: number, fromBaseline: boolean, max: number): RubricDimension {
	const ratio = referenceChars > 0 ? chars / referenceChars : 0;
	const share = (ratio - DEPTH_FLOOR) / (DEPTH_FULL - DEPTH_FLOOR);
	const what = fromBaseline ? "the baseline's length" : 'the reference length';
	const note = `${Math.round(ratio * 100)}% of ${what} (${chars.toLocaleString('en-US')} of ${Math.round(referenceChars).toLocaleString('en-US')} chars)`;
	return dimension('depth', 'Depth', share, max, note);
}

/**
 * Share of checkable figures the context supports, scaled down when fewer than `expected` are
 * grounded (a two-number answer is not "fully grounded" analysis).
 */
export function groundingDimension(grounding: GroundingResult, expected: number, max: number): RubricDimension {
	const checked = grounding.grounded + grounding.unsupported;
	if (checked === 0) return dimension('grounding', 'Figures grounded', 0, max, 'cites no checkable figures');
	const share = grounding.grounded / checked;
	const coverage = Math.min(1, grounding.grounded / expected);
	const examples = grounding.unsupportedExamples.length > 0 ? ` (e.g. ${grounding.unsupportedExamples.slice(0, 3).join(', ')})` : '';
	const few = coverage < 1 ? `; fewer than ${expected} grounded` : '';
	const note = `${grounding.grounded} of ${checked} grounded, ${grounding.unsupported} unsupported${examples}${few}`;
	return dimension('grounding', 'Figures grounded', share * coverage, max, note);
}

export function decisionDimension(metrics: ResponseMetrics, max: number): RubricDimension {
	if (metrics.decision !== null) return dimension('decision', 'Decision line', 1, max, `FINAL TRANSACTION PROPOSAL: ${metrics.decision}`);
	const note = metrics.decisionNote === 'contradictory' ? 'FINAL lines disagree' : 'no FINAL TRANSACTION PROPOSAL line';
	return dimension('decision', 'Decision line', 0, max, note);
}

export function levelDimension(id: string, label: string, value: number | null, max: number): RubricDimension {
	return value === null
		? dimension(id, label, 0, max, 'no level given')
		: dimension(id, label, 1, max, `level ${value.toLocaleString('en-US', {maximumFractionDigits: 2})}`);
}

export function textDimension(id: string, label: string, value: string | null, max: number): RubricDimension {
	return value === null ? dimension(id, label, 0, max, 'not stated') : dimension(id, label, 1, max, `"${value.slice(0, 60)}"`);
}

export function coherenceDimension(metrics: ResponseMetrics, max: number): RubricDimension {
	const label = 'Levels coherent';
	if (metrics.levelsCoherent === true) {
		const side = metrics.decision === 'SELL' ? 'target < entry < stop' : 'stop < entry < target';
		return dimension('coherence', label, 1, max, side);
	}
	if (metrics.levelsCoherent === false) return dimension('coherence', label, 0, max, `levels on the wrong side for ${metrics.decision ?? 'the decision'}`);
	if (metrics.decision === 'HOLD' && (metrics.stopLoss !== null || metrics.target !== null)) {
		return dimension('coherence', label, 1, max, 'HOLD: levels stated, no direction to check');
	}
	return dimension('coherence', label, 0, max, 'cannot check: decision or levels missing');
}

/** Full marks from three separate places that take the other side on. */
export const ENGAGEMENT_FULL = 3;

export function engagementDimension(text: TextMetrics, opponent: string, max: number): RubricDimension {
	const note = text.engagementHits === 0 ? `never addresses the ${opponent}` : `addresses the ${opponent} ${text.engagementHits} time(s)`;
	return dimension('engagement', 'Engages the other side', text.engagementHits / ENGAGEMENT_FULL, max, note);
}

export function structureDimension(text: TextMetrics, max: number): RubricDimension {
	const lists = text.bullets + text.numbered;
	const share = (text.headings > 0 ? 0.5 : 0) + (lists >= 3 ? 0.5 : 0);
	const note = `${text.headings} heading(s), ${lists} list item(s)`;
	return dimension('structure', 'Structure', share, max, note);
}
