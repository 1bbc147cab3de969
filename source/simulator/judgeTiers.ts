// Which quality tier wrote a text: the simulated judge knows its own writers. Every simulated answer
// comes from a tier's template (reply*.ts) with a few wordings picked per model, so a text is
// recognised by how much of it one tier's templates contain, whatever model wrote it. A text the
// simulator did not write (a test's own, a gamed one) or one padded past its tier's length is
// recognised by nothing: null.
import {MARKET_TICKER} from '../prompts/marketFacts.js';
import type {Role} from '../domain/schema.js';
import {bearReply} from './replyBear.js';
import {bullReply} from './replyBull.js';
import {marketOf, marketReply} from './replyMarket.js';
import {traderReply} from './replyTrader.js';
import type {QualityTier} from './types.js';

export const TIERS: readonly QualityTier[] = ['excellent', 'good', 'partial', 'vague'];

/** Seeds standing in for the models: enough that every wording a template offers is among them. */
const WRITERS = Array.from({length: 16}, (_, i) => `writer-${i}`);

/** Below this share of its word triples found in one tier's templates, a text is not the simulator's. */
export const RECOGNISED = 0.6;

/** A recognised text much shorter than its tier's answers was cut off (max_tokens): it reads a tier lower. */
export const CUT_SHARE = 0.7;

/** A text much longer than any its tier writes was padded: it is measured, not recognised. */
export const PADDED_SHARE = 1.3;

export type Recognised = {tier: QualityTier; cut: boolean; share: number};

function triples(text: string): string[] {
	const words = text.toLowerCase().match(/[a-z0-9$%.,:'-]+/g) ?? [];
	const grams: string[] = [];
	for (let i = 0; i + 3 <= words.length; i++) grams.push(words.slice(i, i + 3).join(' '));
	return grams;
}

type TierModel = {grams: Set<string>; shortest: number; longest: number};

const cache = new Map<string, Map<QualityTier, TierModel>>();

function write(role: Role, context: string, writer: string, tier: QualityTier): string {
	const market = marketOf(context);
	if (market && market.ticker !== MARKET_TICKER) return marketReply(role, market, writer, tier);
	return {bull: bullReply, bear: bearReply, trader: traderReply}[role](writer, tier);
}

function tierModels(role: Role, context: string): Map<QualityTier, TierModel> {
	const key = `${role}\u0000${context}`;
	const known = cache.get(key);
	if (known) return known;
	const models = new Map<QualityTier, TierModel>();
	for (const tier of TIERS) {
		const texts = WRITERS.map((writer) => write(role, context, writer, tier));
		const lengths = texts.map((text) => text.length);
		models.set(tier, {grams: new Set(texts.flatMap(triples)), shortest: Math.min(...lengths), longest: Math.max(...lengths)});
	}
	// A handful of markets and three roles: the cache stays small.
	if (cache.size > 64) cache.clear();
	cache.set(key, models);
	return models;
}

function lengthGap(length: number, model: TierModel): number {
	return length < model.shortest ? model.shortest - length : length > model.longest ? length - model.longest : 0;
}

/**
 * The tier whose templates hold most of the text, or null when none holds enough of it. A lower
 * tier's text can be held by a higher tier's templates too (a partial debate is a good one's
 * first paragraphs), so among tiers that hold it about as well the one of its length wins.
 */
export function recogniseTier(text: string, role: Role, context: string): Recognised | null {
	const grams = triples(text);
	if (grams.length === 0) return null;
	const models = tierModels(role, context);
	const shares = [...models].map(([tier, model]) => ({tier, model, share: grams.filter((gram) => model.grams.has(gram)).length / grams.length}));
	const top = Math.max(...shares.map((s) => s.share));
	if (top < RECOGNISED) return null;
	const close = shares.filter((s) => s.share >= top - 0.05).sort((a, b) => lengthGap(text.length, a.model) - lengthGap(text.length, b.model));
	const best = close[0];
	if (!best || text.length > PADDED_SHARE * best.model.longest) return null;
	return {tier: best.tier, share: best.share, cut: text.length < CUT_SHARE * best.model.shortest};
}
