// The trader's decision line, as TradingAgents writes it: FINAL TRANSACTION PROPOSAL: **BUY**.
import type {Decision} from '../domain/schema.js';

export type DecisionNote = 'absent' | 'contradictory';

export type DecisionParse = {
	decision: Decision | null;
	/** Why decision is null. */
	note: DecisionNote | null;
	/** Every FINAL line found, trimmed, for the report. */
	lines: string[];
};

const FINAL = /final\s+transaction\s+proposal\s*:?(.*)$/i;
const WORD = /\b(buy|hold|sell)\b/gi;

function decisionsIn(text: string): Decision[] {
	return [...text.matchAll(WORD)].map((m) => (m[1] ?? '').toUpperCase() as Decision);
}

export function parseDecision(text: string): DecisionParse {
	const lines = text.split('\n');
	const found: string[] = [];
	const decisions = new Set<Decision>();
	let contradictory = false;
	lines.forEach((line, i) => {
		const match = FINAL.exec(line);
		if (!match) return;
		found.push(line.trim());
		let words = decisionsIn(match[1] ?? '');
		// "FINAL TRANSACTION PROPOSAL:" with the action alone on the next line.
		if (words.length === 0) {
			const next = lines.slice(i + 1).find((l) => l.trim() !== '');
			if (next && next.trim().length <= 20) words = decisionsIn(next);
		}
		const distinct = new Set(words);
		// "**BUY/SELL**" or the template echoed back ("BUY/HOLD/SELL") decides nothing.
		if (distinct.size > 1) contradictory = true;
		for (const word of distinct) decisions.add(word);
	});
	if (contradictory || decisions.size > 1) return {decision: null, note: 'contradictory', lines: found};
	const [only] = decisions;
	return only ? {decision: only, note: null, lines: found} : {decision: null, note: 'absent', lines: found};
}
