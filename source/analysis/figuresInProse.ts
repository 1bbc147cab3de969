// Figures that carry an argument: context numbers cited inside a sentence that reasons with them
// ("Services grew 13.1%, so ..."), counted once each. A bare list ("RSI: 58.4") or the context
// pasted back earns nothing: the number has to move the decision to count.
import {extractFigures, sameFigure} from './figures.js';
import {groundFigures} from './grounding.js';
import type {Sentence} from './redundancy.js';

const CONNECTIVE =
	/\b(?:is|are|was|were|be|has|have|had|grew|grow|grows|fell|falls|fall|rose|rise|rises|trades?|trading|sits?|implies|imply|so|because|since|which|while|but|although|above|below|under|over|supports?|leaves?|gives?|shows?|means|keeps?|funds?|lifts?|reads?|suggests?|puts?|remains?|stays?|closed|holds?|caps?|limits?|justif(?:y|ies)|reflects?|signals?|points?|argues?|expands?|shrinks?|slowed|slows|declined?|beat|missed|dropped|jumped|compares?|against|versus|vs\.?|therefore|thus|despite|if|when|given)\b/i;

/** Enough words and a verb or connective: a sentence that says something about its numbers. */
export function isProse(sentence: Sentence): boolean {
	const words = sentence.text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word));
	return words.length >= 7 && CONNECTIVE.test(sentence.text);
}

export type ProseFigures = {
	/** Distinct context figures cited in prose. */
	grounded: number;
	/** Figures in prose the context does not support (levels the trader derived excluded). */
	unsupported: number;
	/** Prose sentences (distinct, not copied from the context). */
	proseSentences: number;
};

export function figuresInProse(distinct: readonly Sentence[], context: string, contextNorms: ReadonlySet<string>): ProseFigures {
	const prose = distinct.filter((sentence) => !contextNorms.has(sentence.norm) && isProse(sentence));
	const known = extractFigures(context);
	const used = new Set<number>();
	const text = prose.map((sentence) => sentence.text).join('\n');
	for (const figure of extractFigures(text)) {
		const index = known.findIndex((candidate) => sameFigure(figure, candidate));
		if (index >= 0) used.add(index);
	}
	// The same value written twice in the context ("$7.92" in two lines) is one figure.
	const values = new Set([...used].map((index) => known[index]?.value));
	return {grounded: values.size, unsupported: groundFigures(text, context).unsupported, proseSentences: prose.length};
}
