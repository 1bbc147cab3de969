// The risk elements of a trader proposal: entry, stop-loss, target, sizing and horizon.
import type {Decision} from '../domain/schema.js';
import {extractFigures} from './figures.js';

export type TradeLevels = {
	entry: number | null;
	stopLoss: number | null;
	target: number | null;
	positionSizing: string | null;
	timeHorizon: string | null;
};

const ENTRY = /\b(?:entry(?:\s+(?:price|zone|point|level))?|enter(?:ing)?|buy\s+(?:at|near|around|below|on|zone|limit)|limit\s+(?:order|buy))\b/gi;
const STOP = /\bstop(?:[- ]?loss)?\b/gi;
const TARGET = /\b(?:price\s+target|target(?:\s+price)?|take[- ]profit|profit\s+target|upside\s+target)\b/gi;

// A line that starts with the label: "- **Stop-loss**: $182.40", "Entry Price: 258.67".
const LABEL_PREFIX = String.raw`^[ \t>#*_-]*(?:\d+[.)]\s*)?[*_]*`;
const LABEL_SUFFIX = String.raw`[*_]*\s*(?:\([^)\n]*\))?\s*[*_]*\s*[:–—-]`;

function labelledLine(text: string, label: RegExp): string | null {
	const pattern = new RegExp(`${LABEL_PREFIX}(?:${label.source})${LABEL_SUFFIX}(.*)$`, 'im');
	const match = pattern.exec(text);
	return match ? (match[1] ?? '') : null;
}

/** First price-like figure (money or a bare number, not a percentage or multiple) in a snippet. */
function firstPrice(snippet: string): number | null {
	const figure = extractFigures(snippet).find((f) => f.kind === 'money' || f.kind === 'number');
	return figure ? figure.value : null;
}

function levelFor(text: string, label: RegExp): number | null {
	const labelled = labelledLine(text, label);
	if (labelled !== null) {
		const value = firstPrice(labelled);
		if (value !== null) return value;
	}
	for (const match of text.matchAll(new RegExp(label.source, 'gi'))) {
		const rest = text.slice(match.index + match[0].length);
		// Only the same clause: "stop at 182" but not a number two sentences later.
		const clause = rest.split(/\n|[.;](?=\s)/)[0] ?? '';
		const value = firstPrice(clause.slice(0, 80));
		if (value !== null) return value;
	}
	return null;
}

function clean(value: string): string {
	const text = value.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
	return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

const SIZING_LABEL = /position\s+siz(?:e|ing)|sizing|size|allocation/;
const SIZING_PHRASES: RegExp[] = [
	/\b\d+(?:\.\d+)?\s?%\s+(?:of\s+(?:the\s+)?)?(?:portfolio|capital|equity|book|NAV|account|assets)\b[^.\n]*/i,
	/\b\d[\d,]*\s+shares\b[^.\n]*/i,
	/\b(?:half|full|quarter|third|starter|small|partial|core|initial)[- ](?:sized?\s+)?position\b[^.\n]*/i,
];

export function positionSizing(text: string): string | null {
	const labelled = labelledLine(text, SIZING_LABEL);
	if (labelled !== null && labelled.trim() !== '') return clean(labelled);
	for (const phrase of SIZING_PHRASES) {
		const match = phrase.exec(text);
		if (match) return clean(match[0]);
	}
	return null;
}

const HORIZON_LABEL = /time\s+horizon|horizon|holding\s+period|time\s*frame/;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const HORIZON_PHRASES: RegExp[] = [
	/\b(?<!(?:trailing|past|last|previous|first)\s)\d+(?:\s*(?:-|–|to)\s*\d+)?\s+(?:trading\s+)?(?:days|weeks|months|years|quarters)\b/i,
	/\b\d+-(?:day|week|month|year|quarter)\s+(?:horizon|hold(?:ing)?|period|view|time\s*frame|swing)\b/i,
	new RegExp(String.raw`\bby\s+(?:the\s+end\s+of\s+)?(?:Q[1-4]\s*(?:FY)?\s*'?\d{2,4}|FY\s?\d{2,4}|(?:${MONTHS})\s+\d{4}|\d{4}|year[- ]end)\b`, 'i'),
];

export function timeHorizon(text: string): string | null {
	const labelled = labelledLine(text, HORIZON_LABEL);
	if (labelled !== null && labelled.trim() !== '') return clean(labelled);
	for (const phrase of HORIZON_PHRASES) {
		const match = phrase.exec(text);
		if (match) return clean(match[0]);
	}
	return null;
}

export function extractLevels(text: string): TradeLevels {
	return {
		entry: levelFor(text, ENTRY),
		stopLoss: levelFor(text, STOP),
		target: levelFor(text, TARGET),
		positionSizing: positionSizing(text),
		timeHorizon: timeHorizon(text),
	};
}

/** Long: stop < entry < target; short: target < entry < stop; null for HOLD or missing levels. */
export function levelsCoherent(
	decision: Decision | null,
	levels: Pick<TradeLevels, 'entry' | 'stopLoss' | 'target'>,
): boolean | null {
	const {entry, stopLoss, target} = levels;
	if (decision === null || decision === 'HOLD') return null;
	if (entry === null || stopLoss === null || target === null) return null;
	return decision === 'BUY' ? stopLoss < entry && entry < target : target < entry && entry < stopLoss;
}
