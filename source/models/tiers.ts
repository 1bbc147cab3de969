// Where a model sits in the incremental strategy (docs/DESIGN.md, "The experiment"): round one
// measures a model of step 0; a round that does not settle the question offers the ladder's models
// of the next escalation step, one step at a time. The catalog names each model's tier; the words
// every sentence uses for a tier live here and nowhere else (docs/ARCHITECTURE.md, glossary).

export type TierSpec = {
	/** 0: what round one picks from; 1, 2, ...: escalation steps, offered in this order. */
	step: number;
	/** What a sentence calls a model of this tier: "the other 70B-class model". */
	words: string;
	/** Never two installed at once: each holds a third of the machine's memory or more. */
	oneAtATime: boolean;
};

export const TIERS = {
	base: {step: 0, words: 'smaller', oneAtATime: false},
	large: {step: 1, words: '70B-class', oneAtATime: true},
} as const satisfies Record<string, TierSpec>;

export type Tier = keyof typeof TIERS;

/** The words for the models that are never installed two at a time ("70B-class"). */
export const ONE_AT_A_TIME_WORDS = TIERS.large.words;

/** The memory rule, as every sentence that cites it says it. */
export const NEVER_TWO = `never two ${ONE_AT_A_TIME_WORDS} models at once`;

/**
 * A 70B model at Q4 weighs 40 GB or more: the tier of a model the catalog does not know (one the
 * user typed into the ladder), read off its size when that is known.
 */
const LARGE_BYTES = 40e9;

export function tierBySize(sizeBytes: number): Tier {
	return sizeBytes > LARGE_BYTES ? 'large' : 'base';
}
