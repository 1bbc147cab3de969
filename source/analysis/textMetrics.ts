// Length, engagement with the other side of the debate, and visible structure of a response.
import type {Role} from '../domain/schema.js';

export type TextMetrics = {
	words: number;
	chars: number;
	/** Distinct places where the response addresses the opposing argument. */
	engagementHits: number;
	engagesOpponent: boolean;
	headings: number;
	bullets: number;
	numbered: number;
	structured: boolean;
};

export function countWords(text: string): number {
	return text.match(/\S+/g)?.length ?? 0;
}

const OPPONENT: Record<Role, string | null> = {bull: 'bear', bear: 'bull', trader: null};

function engagementPatterns(role: Role): RegExp[] {
	const generic = [
		/\bmy\s+(?:opponent|counterpart|colleague)\b/gi,
		/\b(?:counter(?:ing|s)?|counterpoint|rebut(?:tal|s)?|refut(?:e|es|ing)|push(?:ing)?\s+back)\b/gi,
		/\byou\s+(?:argue|claim|say|suggest|point\s+to|cite|worry)\b/gi,
		/\b(?:contrary\s+to|the\s+(?:other|opposing)\s+side)\b/gi,
	];
	const other = OPPONENT[role];
	if (other === null) return generic;
	return [
		...generic,
		// "the bear argues", "the bear's point", "my bearish colleague", "Bear Analyst".
		new RegExp(String.raw`\b(?:the|my|our)\s+${other}(?:ish)?(?:'s)?\s*(?:analyst|case|side|camp|thesis|view|argument|point|concern|colleague|claims?|argues?|says?|worr(?:y|ies))?\b`, 'gi'),
		new RegExp(String.raw`\b${other}\s+analyst\b`, 'gi'),
	];
}

export function countEngagement(text: string, role: Role): number {
	const spans: [number, number][] = [];
	for (const pattern of engagementPatterns(role)) {
		for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
	}
	// Overlapping matches ("the Bull Analyst" hits two patterns) are one act of engagement.
	spans.sort((a, b) => a[0] - b[0]);
	let count = 0;
	let end = -1;
	for (const [start, stop] of spans) {
		if (start >= end) count++;
		end = Math.max(end, stop);
	}
	return count;
}

export function textMetrics(text: string, role: Role): TextMetrics {
	const headings = text.match(/^[ \t]*(?:#{1,6}[ \t]+\S.*|\*\*[^*\n]{2,80}\*\*:?[ \t]*)$/gm)?.length ?? 0;
	const bullets = text.match(/^[ \t]*[-*•][ \t]+\S/gm)?.length ?? 0;
	const numbered = text.match(/^[ \t]*\d{1,2}[.)][ \t]+\S/gm)?.length ?? 0;
	const engagementHits = countEngagement(text, role);
	return {
		words: countWords(text),
		chars: text.length,
		engagementHits,
		engagesOpponent: engagementHits > 0,
		headings,
		bullets,
		numbered,
		structured: headings > 0 || bullets + numbered >= 3,
	};
}
