// Figures that carry an argument: context numbers cited inside a sentence that reasons with them
// ("Services grew 13.1%, so ..."), counted once each. A bare list ("RSI: 58.4") or the context
// pasted back earns nothing: the number has to move the decision to count.
import {extractFigures, sameFigure} from './figures.js';
import {groundFigures} from './grounding.js';
import type {Sentence} from './redundancy.js';

const CONNECTIVE =
	/\b(?:is|are|was|were|be|has|have|had|grew|grow|grows|fell|falls|fall|rose|rise|rises|trades?|trading|sits?|implies|imply|so|because|since|which|while|but|although|above|below|under|over|supports?|leaves?|gives?|shows?|means|keeps?|funds?|lifts?|reads?|suggests?|puts?|remains?|stays?|closed|holds?|caps?|limits?|justif(?:y|ies)|reflects?|signals?|points?|argues?|expands?|shrinks?|slowed|slows|declined?|beat|missed|dropped|jumped|compares?|against|versus|vs\.?|therefore|thus|despite|if|when|given)\b/i;

// Function words: they join a sentence, they say nothing about its numbers.
const FUNCTION_WORDS = new Set(
	'the a an of at in on to and or its it this that these those with for from by as is are was were be been being has have had which while so but than then there their our we i you he she they per vs about into also just still now very more most much such both each any all some its own'.split(' '),
);

/** The lower-case words of a text, for the vocabulary a sentence shares with the context. */
export function wordsOf(text: string): string[] {
	return text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
}

/**
 * Words of its own a sentence needs: enough to say something the context does not. A sentence made
 * of the context's labels and figures joined by "is", "while" and "so" ("the RSI is 58.4 while the
 * 50-day average is $262.90") is a list in sentence form: a reasoning sentence is more than a connective.
 */
export const MIN_OWN_WORDS = 3;

/** The words of a sentence that are neither function words nor the context's own vocabulary. */
export function ownWords(sentence: Sentence, contextWords: ReadonlySet<string>): string[] {
	return wordsOf(sentence.text).filter((word) => word.length >= 3 && !FUNCTION_WORDS.has(word) && !contextWords.has(word));
}

/** Enough words, a verb or connective, and words of its own: a sentence that says something about its numbers. */
export function isProse(sentence: Sentence, contextWords: ReadonlySet<string> = new Set()): boolean {
	const words = sentence.text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word));
	return words.length >= 7 && CONNECTIVE.test(sentence.text) && ownWords(sentence, contextWords).length >= MIN_OWN_WORDS;
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
	const contextWords = new Set(wordsOf(context));
	const prose = distinct.filter((sentence) => !contextNorms.has(sentence.norm) && isProse(sentence, contextWords));
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
