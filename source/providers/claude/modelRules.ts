// What each Claude model accepts, by model family, and the request shape trifecta sends it
// (docs/reference/servers.md, "Claude 5.5 models"). On the 5.5 generation thinking is adaptive by
// default at effort high and counts toward max_tokens, and "disabled", sampling parameters,
// prefill, budget_tokens and forced tool use are 400s: the lowest thinking a request can ask for
// is "between_tools" on Sonnet 5.5, while Opus 5.5 (and Fable 5.1) cannot turn thinking off, so
// their requests leave room for it. Older models keep the old rules: no thinking unless asked for.
// Pure: the provider applies the shape; tests read the table.

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
export type ThinkingSetting = {type: 'between_tools'} | {type: 'disabled'} | {type: 'adaptive'};

export type ModelRules = {
	/** A name for the family, for notes and messages. */
	family: string;
	/** The lowest thinking the model accepts; null: send none (it does not think unless asked). */
	lowestThinking: ThinkingSetting | null;
	/** output_config.effort is accepted, and the model's default when none is sent. */
	effort: Effort | null;
	/** Removed on the 5.5 generation: temperature/top_p/top_k, a final assistant turn, forced tool use. */
	samplingAndPrefill: boolean;
	/** The largest max_tokens the model takes. */
	maxOutputTokens: number;
	/** Shorter cacheable prefixes are silently not cached. */
	minCacheableTokens: number;
};

const SONNET_5_5: ModelRules = {family: 'Sonnet 5.5', lowestThinking: {type: 'between_tools'}, effort: 'high', samplingAndPrefill: false, maxOutputTokens: 128_000, minCacheableTokens: 512};
const OPUS_5_5: ModelRules = {family: 'Opus 5.5', lowestThinking: {type: 'adaptive'}, effort: 'medium', samplingAndPrefill: false, maxOutputTokens: 128_000, minCacheableTokens: 512};
const FABLE_5_1: ModelRules = {...OPUS_5_5, family: 'Fable 5.1'};
/** Sonnet 5 took thinking "disabled" (a between_tools answer without tools is the same text). */
const SONNET_5: ModelRules = {family: 'Sonnet 5', lowestThinking: {type: 'disabled'}, effort: 'high', samplingAndPrefill: true, maxOutputTokens: 64_000, minCacheableTokens: 1024};
/**
 * A model of the 5.x generation this table does not know yet: assume the 5.5 removals and that
 * thinking may be impossible to turn off (adaptive, with room for it), the shape every 5.5-class
 * model accepts.
 */
const UNKNOWN_5X: ModelRules = {family: 'a Claude 5.x model', lowestThinking: {type: 'adaptive'}, effort: 'high', samplingAndPrefill: false, maxOutputTokens: 64_000, minCacheableTokens: 512};
const OLDER: ModelRules = {family: 'a Claude 4.x or older model', lowestThinking: null, effort: null, samplingAndPrefill: true, maxOutputTokens: 32_000, minCacheableTokens: 1024};

/** Longest prefix wins (claude-sonnet-5-5 is not claude-sonnet-5); dated ids find their family. */
const FAMILIES: [string, ModelRules][] = [
	['claude-sonnet-5-5', SONNET_5_5],
	['claude-opus-5-5', OPUS_5_5],
	['claude-fable-5-1', FABLE_5_1],
	['claude-sonnet-5', SONNET_5],
];

export function rulesFor(model: string): ModelRules {
	const known = FAMILIES.filter(([prefix]) => model === prefix || model.startsWith(`${prefix}-`)).sort((a, b) => b[0].length - a[0].length)[0];
	if (known) return known[1];
	const generation = /^claude-[a-z]+-(\d+)(?:-|$)/.exec(model)?.[1];
	return generation !== undefined && Number(generation) >= 5 ? UNKNOWN_5X : OLDER;
}

/** What the request is for: a judge verdict wants little depth; a baseline answer is what the pipeline would get. */
export type Purpose = 'judge' | 'baseline';

/**
 * Thinking tokens to leave room for beyond the answer, when thinking cannot be turned off, at
 * the effort the request asks for (generous: an answer cut at max_tokens is a failed call).
 */
const THINKING_ROOM: Record<Effort, number> = {low: 4000, medium: 8000, high: 16_000, xhigh: 24_000, max: 32_000};

export type RequestShape = {
	thinking: ThinkingSetting | null;
	effort: Effort | null;
	/** The answer's own budget plus room for any thinking, within the model's maximum. */
	maxTokens: number;
	/** Thinking tokens the request makes room for (0 when thinking is off). */
	thinkingRoom: number;
	/** One line for notes: "thinking between_tools, effort low". */
	summary: string;
};

/**
 * The shape of one request to `model` whose answer needs `answerTokens`. A judge asks for the
 * least depth the model allows (effort low); a baseline answer keeps the model's default effort,
 * which is what the pipeline gets, with thinking as low as the model allows.
 */
export function shapeRequest(model: string, purpose: Purpose, answerTokens: number): RequestShape {
	const rules = rulesFor(model);
	const effort = rules.effort === null ? null : purpose === 'judge' ? 'low' : rules.effort;
	const thinking = rules.lowestThinking;
	const thinkingRoom = thinking?.type === 'adaptive' ? THINKING_ROOM[effort ?? 'high'] : 0;
	const maxTokens = Math.min(rules.maxOutputTokens, answerTokens + thinkingRoom);
	const parts = [thinking ? `thinking ${thinking.type}` : 'no thinking', ...(effort ? [`effort ${effort}`] : [])];
	return {thinking, effort, maxTokens, thinkingRoom, summary: parts.join(', ')};
}
