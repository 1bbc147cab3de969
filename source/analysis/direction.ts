// Which way an argument leans, from a small finance lexicon with negation ("not cheap",
// "no longer growing") flipped within three words. Only a flag for clear cases: rebuttals quote
// the other side, so a trader's text is "against" its decision only when it leans hard the other way.
import type {Decision} from '../domain/schema.js';

const POSITIVE =
	/^(?:upside|grew|grows|growing|beat|beats|strong|stronger|strength|momentum|bullish|rising|rose|rises|record|expand\w*|accelerat\w*|tailwinds?|cheap|attractive|undervalued|uptrend|outperform\w*|higher|gains?|gained|rally|rallied|improv\w*|resilient|compounding|compounds|upgrade[sd]?|support|supports|supported|healthy|robust|recover\w*|rebound\w*|breakout|positive|constructive|opportunity)$/;
const NEGATIVE =
	/^(?:downside|declin\w*|fell|fall|falls|falling|miss|missed|misses|weak|weaker|weakness|slow\w*|overvalued|expensive|bearish|headwinds?|contract\w*|downgrade[sd]?|cut|cuts|lower|losses|loss|pressure|stretched|demanding|deteriorat\w*|downtrend|broke|breakdown|shrink\w*|drop|dropped|drops|plunge[ds]?|slump\w*|risky|negative|overbought|erod\w*|squeez\w*|disappoint\w*|worse|worsening|sell-off|selloff|collapse\w*|stall\w*|risks?|fragile|vulnerable|threat\w*|fines?|antitrust|scrutiny|overhang|saturat\w*|bubble|unsustainable|priced|cautious|caution)$/;
const NEGATION = /^(?:not|no|never|without|hardly|isn't|aren't|wasn't|doesn't|don't|didn't|cannot|can't|nor|less)$/;

export type Tone = {positive: number; negative: number; /** (pos - neg) / (pos + neg), -1..1; 0 without cues. */ net: number};

export function tone(text: string): Tone {
	const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
	let positive = 0;
	let negative = 0;
	words.forEach((word, index) => {
		const sign = POSITIVE.test(word) ? 1 : NEGATIVE.test(word) ? -1 : 0;
		if (sign === 0) return;
		const negated = words.slice(Math.max(0, index - 3), index).some((w) => NEGATION.test(w));
		if ((sign > 0) !== negated) positive++;
		else negative++;
	});
	const total = positive + negative;
	return {positive, negative, net: total === 0 ? 0 : (positive - negative) / total};
}

/** Fewer cues than this and there is no argument to check. */
export const MIN_CUES = 4;
/** How hard the argument must lean against the decision to count as contradicting it. */
export const CONTRADICTION = 0.25;

export type DirectionCheck = {agrees: boolean | null; note: string; tone: Tone};

export function directionAgrees(argument: string, decision: Decision | null): DirectionCheck {
	const t = tone(argument);
	const lean = `${t.positive} bullish vs ${t.negative} bearish cues`;
	if (t.positive + t.negative < MIN_CUES) return {agrees: null, note: `no argument to check (${lean})`, tone: t};
	if (decision === null) return {agrees: null, note: `no decision to check against (${lean})`, tone: t};
	if (decision === 'BUY' && t.net <= -CONTRADICTION) return {agrees: false, note: `argues bearish (${lean}) yet BUY`, tone: t};
	if (decision === 'SELL' && t.net >= CONTRADICTION) return {agrees: false, note: `argues bullish (${lean}) yet SELL`, tone: t};
	return {agrees: true, note: `${decision} follows the argument (${lean})`, tone: t};
}

/** A debate side should lean its own way: the bull net positive, the bear net negative. */
export function sideAgrees(argument: string, side: 'bull' | 'bear'): DirectionCheck {
	// Sentences that quote the other side ("the bull says growth is re-accelerating") carry its tone, not ours.
	const other = side === 'bull' ? /\bbear(?:s|ish)?\b/i : /\bbull(?:s|ish)?\b/i;
	const own = argument
		.split(/(?<=[.!?;])\s+|\n/)
		.filter((sentence) => !other.test(sentence))
		.join(' ');
	const t = tone(own);
	const lean = `${t.positive} bullish vs ${t.negative} bearish cues`;
	if (t.positive + t.negative < MIN_CUES) return {agrees: null, note: `no argument to check (${lean})`, tone: t};
	const agrees = side === 'bull' ? t.net > 0 : t.net < 0;
	return {agrees, note: agrees ? `leans ${side}ish (${lean})` : `leans against its own side (${lean})`, tone: t};
}
