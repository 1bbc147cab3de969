// What a response says once: sentences and lines normalised and de-duplicated, near-duplicates
// (the same sentence with a word swapped) folded into their first occurrence, and the length of
// what is left. Padding by repetition earns nothing here, and the share it takes is a penalty.

export type Sentence = {text: string; norm: string; line: number};

export type Redundancy = {
	sentences: Sentence[];
	/** First occurrence of each sentence, near-duplicates folded. */
	distinct: Sentence[];
	/** Sentences that repeat an earlier one (exactly or nearly). */
	repeated: number;
	/** repeated / all sentences, 0..1. */
	repeatedShare: number;
	/** Characters of the distinct sentences: the length that counts. */
	distinctChars: number;
	/** Distinct sentences copied from the context (pasting the data is not analysis). */
	copiedFromContext: number;
};

export function normaliseSentence(text: string): string {
	return text
		.toLowerCase()
		.replace(/[*_`#>|]+/g, ' ')
		.replace(/[^\p{L}\p{N}$%.\s-]/gu, ' ')
		.replace(/\s+/g, ' ')
		.replace(/[.\s]+$/, '')
		.trim();
}

/** Sentences per line: a bullet or a label line is one sentence, prose splits at . ! ? */
export function splitSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	text.split('\n').forEach((line, index) => {
		// Split after sentence punctuation followed by a space and a capital or a quote; decimals stay whole.
		for (const part of line.split(/(?<=[.!?])\s+(?=["'(*A-Z])/)) {
			const norm = normaliseSentence(part);
			if (norm.length >= 2) sentences.push({text: part.trim(), norm, line: index});
		}
	});
	return sentences;
}

function shingles(norm: string): Set<string> {
	const words = norm.split(' ');
	const grams = new Set<string>();
	if (words.length < 3) {
		grams.add(norm);
		return grams;
	}
	for (let i = 0; i + 3 <= words.length; i++) grams.add(words.slice(i, i + 3).join(' '));
	return grams;
}

/** Jaccard similarity of word 3-grams; 1 for identical sentences. */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const x = shingles(a);
	const y = shingles(b);
	let shared = 0;
	for (const gram of x) if (y.has(gram)) shared++;
	const union = x.size + y.size - shared;
	return union === 0 ? 0 : shared / union;
}

/** At or above this 3-gram overlap two sentences say the same thing. */
export const NEAR_DUPLICATE = 0.6;

export function measureRedundancy(text: string, context = ''): Redundancy {
	const sentences = splitSentences(text);
	const contextNorms = new Set(splitSentences(context).map((s) => s.norm));
	const distinct: Sentence[] = [];
	const seen = new Set<string>();
	let repeated = 0;
	for (const sentence of sentences) {
		const duplicate =
			seen.has(sentence.norm) ||
			// Near-duplicates only among sentences long enough to compare; the quadratic scan is bounded by distinct sentences.
			(sentence.norm.length >= 24 && distinct.some((kept) => kept.norm.length >= 24 && similarity(kept.norm, sentence.norm) >= NEAR_DUPLICATE));
		if (duplicate) {
			repeated++;
			continue;
		}
		seen.add(sentence.norm);
		distinct.push(sentence);
	}
	const copiedFromContext = distinct.filter((s) => s.norm.length >= 12 && contextNorms.has(s.norm)).length;
	const distinctChars = distinct.filter((s) => !contextNorms.has(s.norm)).reduce((sum, s) => sum + s.text.length, 0);
	return {
		sentences,
		distinct,
		repeated,
		repeatedShare: sentences.length === 0 ? 0 : repeated / sentences.length,
		distinctChars,
		copiedFromContext,
	};
}
