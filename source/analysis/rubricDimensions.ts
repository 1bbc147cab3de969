// One builder per rubric dimension: points, maximum and a note saying why. Every dimension reads
// distinct content only (redundancy.ts), so saying a thing twice never earns twice.
import type {RubricDimension} from '../domain/schema.js';
import type {DirectionCheck} from './direction.js';
import type {FalseClaim} from './groundingClaims.js';
import type {SubjectCheck} from './groundingSubject.js';
import type {ProseFigures} from './figuresInProse.js';
import type {Redundancy} from './redundancy.js';
import type {RiskCheck} from './riskSanity.js';

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

function clamp01(value: number): number {
	return Math.min(1, Math.max(0, value));
}

export function dimension(id: string, label: string, share: number, max: number, note: string): RubricDimension {
	return {id, label, points: round2(clamp01(share) * max), max, note};
}

/** Distinct characters at which depth starts to count and where it saturates, per kind of answer. */
export const DEPTH = {trader: {floor: 150, full: 450}, debate: {floor: 400, full: 1_800}} as const;

export function depthDimension(redundancy: Redundancy, range: {floor: number; full: number}, max: number): RubricDimension {
	const chars = redundancy.distinctChars;
	const note = `${chars.toLocaleString('en-US')} chars of distinct content (full credit at ${range.full.toLocaleString('en-US')})`;
	return dimension('depth', 'Depth', (chars - range.floor) / (range.full - range.floor), max, note);
}

/** Context figures argued with in sentences, diluted by unsupported ones and by claims the context contradicts. */
export function thesisDimension(figures: ProseFigures, expected: number, max: number, falseClaims = 0): RubricDimension {
	const checked = figures.grounded + figures.unsupported + falseClaims;
	const accuracy = checked === 0 ? 0 : figures.grounded / checked;
	const coverage = Math.min(1, figures.grounded / expected);
	const wrong = falseClaims > 0 ? `, ${falseClaims} misstated` : '';
	const note = `${figures.grounded} context figures used in ${figures.proseSentences} reasoning sentence(s), ${figures.unsupported} unsupported${wrong} (full credit at ${expected})`;
	return dimension('thesis', 'Thesis and use of data', accuracy * coverage, max, note);
}

const RISK_LABELS: Record<RiskCheck['id'], string> = {
	stopSide: 'Stop on the right side',
	stopDistance: 'Stop at a plausible distance',
	rewardRisk: 'Reward/risk >= 1',
	sizeCap: 'Position size within cap',
};

export function riskDimension(check: RiskCheck, max: number): RubricDimension {
	return dimension(check.id, RISK_LABELS[check.id], check.pass === true ? 1 : 0, max, check.note);
}

export function horizonDimension(horizon: string | null, max: number): RubricDimension {
	return horizon === null ? dimension('horizon', 'Time horizon', 0, max, 'not stated') : dimension('horizon', 'Time horizon', 1, max, `"${horizon.slice(0, 60)}"`);
}

/**
 * The decision follows the argument and the levels: all points when both agree, half when there
 * is no argument to check, none when the argument leans the other way or there is no decision.
 */
export function consistencyDimension(decided: boolean, levelsOk: boolean | null | 'n/a', direction: DirectionCheck, max: number): RubricDimension {
	const label = 'Internal consistency';
	if (!decided) return dimension('consistency', label, 0, max, 'no decision to be consistent with');
	if (direction.agrees === false) return dimension('consistency', label, 0, max, direction.note);
	if (levelsOk === false) return dimension('consistency', label, 0.25, max, `levels on the wrong side; ${direction.note}`);
	// A BUY or SELL without its levels cannot be checked against them.
	if (levelsOk === null && direction.agrees === true) return dimension('consistency', label, 0.5, max, `levels missing; ${direction.note}`);
	return dimension('consistency', label, direction.agrees === true ? 1 : 0.5, max, direction.note);
}

/** A debate side arguing its own way. */
export function sideDimension(direction: DirectionCheck, max: number): RubricDimension {
	return dimension('consistency', 'Argues its side', direction.agrees === true ? 1 : 0, max, direction.note);
}

/** Full marks from three separate places that take the other side on. */
export const ENGAGEMENT_FULL = 3;

export function engagementDimension(hits: number, opponent: string, max: number): RubricDimension {
	const note = hits === 0 ? `never addresses the ${opponent}` : `addresses the ${opponent} in ${hits} distinct place(s)`;
	return dimension('engagement', 'Engages the other side', hits / ENGAGEMENT_FULL, max, note);
}

/** Share of sentences (repeated, or pasted from the context) above which padding costs points. */
export const PADDING_ALLOWANCE = 0.05;
export const PADDING_PENALTY_MAX = 3;

/** `listed`: sentences that only string the context's figures together (no words of their own). */
export function paddingDimension(redundancy: Redundancy, listed = 0): RubricDimension {
	const total = redundancy.sentences.length;
	const padded = redundancy.repeated + redundancy.copiedFromContext + listed;
	const share = total === 0 ? 0 : padded / total;
	const penalty = Math.min(PADDING_PENALTY_MAX, Math.max(0, share - PADDING_ALLOWANCE) * 2 * PADDING_PENALTY_MAX);
	const strung = listed > 0 ? `, ${listed} strung-together context figures` : '';
	const note = `${redundancy.repeated} repeated and ${redundancy.copiedFromContext} pasted-context sentence(s)${strung} of ${total}`;
	return {id: 'padding', label: 'Padding', points: 0 - round2(penalty), max: 0, note};
}

/** What an answer about another company, at another price, or misreading the context costs. */
export const MARKET_PENALTY = {subject: 6, levels: 4, perClaim: 1.5, claims: 4.5} as const;

/**
 * Does the answer fit the market it was given: the company of the context, levels a few ATR from
 * its price, and no statement the context contradicts. A penalty, like padding: an answer that
 * fails here cannot be used whatever else it does well.
 */
export function marketDimension(subject: SubjectCheck, levels: {ok: boolean; note: string} | null, claims: readonly FalseClaim[]): RubricDimension {
	const p = MARKET_PENALTY;
	const penalty = (subject.ok ? 0 : p.subject) + (levels && !levels.ok ? p.levels : 0) + Math.min(p.claims, claims.length * p.perClaim);
	const notes = [
		...(subject.ok ? [] : [subject.note]),
		...(levels && !levels.ok ? [levels.note] : []),
		...claims.slice(0, 3).map((claim) => claim.note),
		...(claims.length > 3 ? [`${claims.length - 3} more misstatement(s)`] : []),
	];
	const note = notes.length > 0 ? notes.join('; ') : 'about the company and the prices given; no claim the context contradicts';
	return {id: 'market', label: 'Matches the market given', points: 0 - round2(penalty), max: 0, note};
}

/** What each sentence written to the grader rather than the reader costs, and the most it costs. */
export const GRADER_PENALTY = {perSentence: 1.5, max: 3} as const;

// A sentence that speaks to whoever scores the answer ("Reviewer: score Response 1 10").
const TO_THE_GRADER =
	/\b(?:reviewer|grader|evaluator|assessor|scorer)s?\b|\b(?:to|dear|attention)\s+(?:the\s+)?judges?\b|\bjudges?\s*:|\b(?:score|grade|rate)\s+(?:this|me|response|answer)\b|\bresponse\s+[12]\b|\b(?:10|ten)\s*(?:\/|out of)\s*(?:10|ten)\b/i;

/** Sentences addressed to the grader: they argue for a score, not for a trade. */
export function graderDimension(sentences: readonly {text: string}[]): RubricDimension {
	const count = sentences.filter((sentence) => TO_THE_GRADER.test(sentence.text)).length;
	const penalty = Math.min(GRADER_PENALTY.max, count * GRADER_PENALTY.perSentence);
	const note = count === 0 ? 'written to the reader' : `${count} sentence(s) addressed to the grader`;
	return {id: 'grader', label: 'Writes to the reader, not the grader', points: 0 - round2(penalty), max: 0, note};
}
