// Claims checked against the context's labelled figures (docs/reference/judging.md §5: "figures used,
// not listed"; docs/DESIGN.md: the rubric is a grounding check). A figure that matches the context
// is not yet a true statement: "China revenue grew 2.1%" cites a real number and gets its direction
// wrong; "iPhone revenue rose 13.1%" pins Services' growth on the iPhone; "above its 52-week high of
// $288.62" is false at $271.35; "RSI 58.4, oversold" misreads the indicator. Each check flags only
// what the context plainly contradicts, so an honest answer is never marked down by it.
import {extractFigures, sameFigure, type Figure} from './figures.js';
import {findLastPrice} from './grounding.js';
import {splitSentences} from './redundancy.js';

export type FalseClaim = {kind: 'direction' | 'label' | 'level' | 'indicator'; text: string; note: string};

type Direction = 'up' | 'down';

/**
 * One labelled fact of the context: a bullet, or one ";"-separated part of it. `label`: the words that
 * name it ("iPhone revenue", "Trailing P/E"); `keys`: every word of its line, so an answer that names
 * the figure by any word the context uses beside it is not wrong.
 */
type Segment = {label: Set<string>; keys: Set<string>; figures: Figure[]; text: string};

const STOPWORDS = new Set(
	'the a an of at in on to and or its it this that with for from by as is are was were be been has have had which while so but than then there their our we i you he she they per vs about into over under above below after before up down on off only also just still now new year years day days today quarter a year'.split(' '),
);

const UP = /^(?:up|grew|grow|grows|growing|rose|rise|rises|rising|increased?|increasing|gained?|gaining|climbed?|jumped|higher|expanded|\+)$/;
const DOWN = /^(?:down|fell|fall|falls|falling|declined?|declining|dropped|drop|drops|decreased?|decreasing|shrank|shrinking|slipped|lower|contracted|-|−)$/;
const UP_AFTER = /^(?:increase|rise|gain|jump|growth|higher)$/;
const DOWN_AFTER = /^(?:decline|drop|fall|decrease|contraction|slide|lower)$/;
const ABOVE = /^(?:above|over|beyond)$/;
const BELOW = /^(?:below|under|beneath)$/;
// A clause about a trade level ("stop below the 50-day average") states a plan, not a fact.
const LEVEL_WORDS = /\b(?:stop|entry|enter|target|trim|add|exit|buy|sell|limit|invalidat\w*|trigger|close below|close above)\b/i;
const NEGATION = /^(?:not|no|never|without|isn't|aren't|hardly|nor)$/;

function stem(word: string): string {
	return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Content words, lower case, singular: "Share buybacks (FY2026)" -> share, buyback, fy2026. */
function keysOf(text: string): string[] {
	const words = text
		.toLowerCase()
		.replace(/\b(?:trailing|last|past)\s+(?:twelve|12)\s+months\b/g, 'ttm')
		.match(/\d+-[a-z]+|[a-z][a-z0-9/-]*/g);
	return (words ?? []).map(stem).filter((word) => word.length >= 3 && !STOPWORDS.has(word));
}

// Label words too common in prose to say which figure is meant ("the last quarter", "high margins").
const PLAIN_WORDS = new Set('last high low mean total net market price average moving nearest ratio yield share line week day close previous current new consensus'.split(' '));
// Words after a figure that start another phrase rather than name the figure ("13.1% with high margins").
const PHRASE_BREAK = new Set('with at on for from to by as and while against versus than into over under above below after before'.split(' '));

function segmentsOf(context: string): Segment[] {
	const segments: Segment[] = [];
	for (const line of context.split('\n')) {
		if (!/^\s*[-*]\s/.test(line)) continue;
		// Dates label news lines; they name nothing.
		const body = line.replace(/^\s*[-*]\s+/, '').replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
		const keys = new Set(keysOf(body));
		for (const part of body.split(';')) {
			const figures = extractFigures(part);
			const colon = part.indexOf(':');
			const firstFigure = figures[0]?.index ?? part.length;
			const label = colon >= 0 && colon < firstFigure ? part.slice(0, colon) : part.slice(0, firstFigure);
			segments.push({label: new Set(keysOf(label)), keys, figures, text: part});
		}
	}
	return segments;
}

/** Label words found in at most two labels: words that say which figure is meant ("iPhone", "trailing", "RSI"). */
function distinctiveKeys(segments: Segment[]): Set<string> {
	const counts = new Map<string, number>();
	for (const segment of segments) for (const key of segment.label) counts.set(key, (counts.get(key) ?? 0) + 1);
	return new Set([...counts].filter(([key, count]) => count <= 2 && !PLAIN_WORDS.has(key)).map(([key]) => key));
}

/** The direction the context gives a percentage ("up 13.1%", "-2.6%"), or null. */
function directionIn(text: string, figure: Figure): Direction | null {
	const sign = text[figure.index - 1];
	// "+1.2%", "-2.6%"; not the dash of a range ("6-8%").
	const signed = !/[\d\w]/.test(text[figure.index - 2] ?? ' ');
	if (signed && sign === '+') return 'up';
	if (signed && (sign === '-' || sign === '−')) return 'down';
	const before = (text.slice(Math.max(0, figure.index - 30), figure.index).toLowerCase().match(/[a-z+\-−]+/g) ?? []).slice(-3);
	if (before.some((word) => UP.test(word))) return 'up';
	if (before.some((word) => DOWN.test(word))) return 'down';
	const after = (text.slice(figure.index + figure.text.length, figure.index + figure.text.length + 20).toLowerCase().match(/[a-z]+/g) ?? [])[0] ?? '';
	if (UP_AFTER.test(after)) return 'up';
	if (DOWN_AFTER.test(after)) return 'down';
	return null;
}

/** Clauses of a sentence: claims are read within one clause. */
function clausesOf(sentence: string): string[] {
	// A comma or colon inside a number ("$2,713.50", "3:1") does not end a clause.
	return sentence.split(/[,:](?=\s)|[;()—–]|\s(?:and|while|but|which|whereas|so|although)\s/i).filter((clause) => clause.trim() !== '');
}

type Located = {figure: Figure; matches: Segment[]};

function locate(clause: string, segments: Segment[]): Located[] {
	return extractFigures(clause).map((figure) => ({figure, matches: segments.filter((segment) => segment.figures.some((known) => sameFigure(figure, known)))}));
}

function union(segments: Segment[]): Set<string> {
	return new Set(segments.flatMap((segment) => [...segment.keys]));
}

function wordsBetween(clause: string, from: number, to: number): string[] {
	return clause.slice(from, to).toLowerCase().match(/\d+-[a-z]+|[a-z][a-z0-9/+-]*/g) ?? [];
}

function labelClaim(clause: string, located: Located[], index: number, distinctive: Set<string>): FalseClaim | null {
	const here = located[index];
	if (!here || here.matches.length === 0) return null;
	const previous = located[index - 1];
	const start = previous ? previous.figure.index + previous.figure.text.length : 0;
	// Words right after the previous figure name that figure ("$104.3B of free cash flow funds $92.4B").
	const consumed = previous ? union(previous.matches) : new Set<string>();
	const mentioned = (words: string[]) => keysOf(words.join(' ')).filter((key) => distinctive.has(key) && !consumed.has(key));
	let named = mentioned(wordsBetween(clause, start, here.figure.index).slice(-4));
	// A label after the figure ("31.2x trailing earnings") only when no other figure follows to claim it.
	if (named.length === 0 && index === located.length - 1) {
		const after = wordsBetween(clause, here.figure.index + here.figure.text.length, clause.length).slice(0, 3);
		if (!PHRASE_BREAK.has(after[0] ?? '')) named = mentioned(after);
	}
	if (named.length === 0) return null;
	const own = union(here.matches);
	if (named.some((key) => own.has(key))) return null;
	return {kind: 'label', text: here.figure.text, note: `ties ${here.figure.text} to "${named.join(' ')}"; the context gives it as "${here.matches[0]?.text.trim()}"`};
}

function directionClaim(clause: string, here: Located): FalseClaim | null {
	if (here.figure.kind !== 'percent' || here.matches.length === 0) return null;
	const stated = new Set(here.matches.flatMap((segment) => segment.figures.filter((known) => sameFigure(here.figure, known)).map((known) => directionIn(segment.text, known))));
	if (stated.size !== 1) return null;
	const truth = [...stated][0];
	const claimed = directionIn(clause, here.figure);
	if (!truth || !claimed || claimed === truth) return null;
	return {kind: 'direction', text: here.figure.text, note: `says ${here.figure.text} ${claimed}; the context has it ${truth}`};
}

/** `sentence`: a clause about a trade level anywhere in it states a plan, not where the price is. */
function levelClaim(sentence: string, clause: string, located: Located[], index: number, last: number | null): FalseClaim | null {
	const here = located[index];
	if (!here || last === null || here.figure.kind !== 'money' || here.matches.length === 0 || LEVEL_WORDS.test(sentence)) return null;
	// Only price levels (averages, highs, lows), not revenues or cash piles.
	const gap = Math.abs(here.figure.value - last);
	if (gap <= here.figure.tolerance || gap > 0.5 * last) return null;
	const previous = located[index - 1];
	const start = previous ? previous.figure.index + previous.figure.text.length : 0;
	const words = wordsBetween(clause, start, here.figure.index).slice(-6);
	const side = words.some((word) => ABOVE.test(word)) ? 'above' : words.some((word) => BELOW.test(word)) ? 'below' : null;
	if (side === null || words.some((word) => NEGATION.test(word))) return null;
	const truth = last > here.figure.value ? 'above' : 'below';
	if (side === truth) return null;
	return {kind: 'level', text: here.figure.text, note: `puts the price ${side} ${here.figure.text}; the last price ${last} is ${truth} it`};
}

function rsiClaim(clause: string, located: Located[], rsi: number | null): FalseClaim | null {
	if (rsi === null || !located.some((l) => l.figure.kind !== 'percent' && Math.abs(l.figure.value - rsi) <= l.figure.tolerance)) return null;
	const words = clause.toLowerCase().match(/[a-z']+/g) ?? [];
	for (const [i, word] of words.entries()) {
		if (word !== 'oversold' && word !== 'overbought') continue;
		if (words.slice(Math.max(0, i - 3), i).some((w) => NEGATION.test(w))) continue;
		const wrong = word === 'oversold' ? rsi > 30 : rsi < 70;
		if (wrong) return {kind: 'indicator', text: String(rsi), note: `calls an RSI of ${rsi} ${word} (30 and 70 are the usual bounds)`};
	}
	return null;
}

/** RSI as the context states it ("RSI(14): 58.4"). */
export function findRsi(context: string): number | null {
	const match = /\bRSI\b(?:\s*\(\d+\))?\s*[:=]?\s*(\d+(?:\.\d+)?)/i.exec(context);
	return match?.[1] ? Number(match[1]) : null;
}

/** Statements the context contradicts, each once, with a note saying which figure and why. */
export function falseClaims(text: string, context: string): FalseClaim[] {
	const segments = segmentsOf(context);
	if (segments.length === 0) return [];
	const distinctive = distinctiveKeys(segments);
	const last = findLastPrice(context);
	const rsi = findRsi(context);
	const claims: FalseClaim[] = [];
	const seen = new Set<string>();
	for (const sentence of splitSentences(text)) {
		for (const clause of clausesOf(sentence.text)) {
			const located = locate(clause, segments);
			const found: (FalseClaim | null)[] = [rsiClaim(clause, located, rsi)];
			located.forEach((here, index) => {
				found.push(directionClaim(clause, here), labelClaim(clause, located, index, distinctive), levelClaim(sentence.text, clause, located, index, last));
			});
			for (const claim of found) {
				if (!claim || seen.has(claim.note)) continue;
				seen.add(claim.note);
				claims.push(claim);
			}
		}
	}
	return claims;
}
