// The text every simulated model (and simulated Claude) writes: role-appropriate, deterministic,
// grounded in the shipped market context, and as good as the model's quality tier.
import {isBenchPrompt} from '../prompts/bench.js';
import {roleOfPrompt} from '../prompts/roles.js';
import type {Role} from '../domain/schema.js';
import {bearReply} from './replyBear.js';
import {benchReply, genericReply} from './replyBench.js';
import {bullReply} from './replyBull.js';
import {marketOf, marketReply} from './replyMarket.js';
import {MARKET_TICKER} from '../prompts/marketFacts.js';
import {traderReply} from './replyTrader.js';
import type {QualityTier} from './types.js';

export type SimulatedReplyInput = {
	model: string;
	quality: QualityTier;
	messages: {role: string; content: string}[];
	maxTokens: number;
	/**
	 * Which sample of this exact request this is (0 first). Claude samples at its default temperature,
	 * so asking it the same question twice gets another wording of an answer of the same quality:
	 * that is what the noise floor measures.
	 */
	sample?: number;
};

const samples = new WeakMap<object, Map<string, number>>();

/** 0 for the first time `owner` (one simulator) sees this request, 1 the second time, and so on. */
export function nextSample(owner: object, request: unknown): number {
	const counts = samples.get(owner) ?? new Map<string, number>();
	samples.set(owner, counts);
	const key = JSON.stringify(request);
	const sample = counts.get(key) ?? 0;
	counts.set(key, sample + 1);
	return sample;
}

type Recognised = {kind: 'role'; role: Role} | {kind: 'bench'} | {kind: 'other'};

function recognise(messages: SimulatedReplyInput['messages']): Recognised {
	// System prompts first: that is where the templates put the role line; a client that sends the
	// whole template as a user message still gets recognised.
	const ordered = [...messages.filter((m) => m.role === 'system'), ...messages.filter((m) => m.role !== 'system')];
	for (const message of ordered) {
		const role = roleOfPrompt(message.content);
		if (role) return {kind: 'role', role};
	}
	const lastUser = [...messages].reverse().find((m) => m.role === 'user');
	if (lastUser && isBenchPrompt(lastUser.content)) return {kind: 'bench'};
	return {kind: 'other'};
}

/** Keeps the first maxTokens tokens, a token being a word and its trailing whitespace. */
export function truncateToTokens(text: string, maxTokens: number): string {
	if (!Number.isFinite(maxTokens) || maxTokens <= 0) return '';
	const pieces = text.match(/\S+\s*/g) ?? [];
	if (pieces.length <= maxTokens) return text;
	return pieces.slice(0, Math.floor(maxTokens)).join('').trimEnd();
}

/** Deterministic reply text of the given quality for bull/bear/trader/bench prompts. */
export function simulatedReply(input: SimulatedReplyInput): string {
	const recognised = recognise(input.messages);
	let text: string;
	if (recognised.kind === 'role') {
		// Another market than the shipped AAPL one: write about the figures the prompt carries.
		const market = marketOf(input.messages.map((m) => m.content).join('\n'));
		const write = {bull: bullReply, bear: bearReply, trader: traderReply}[recognised.role];
		// A later sample words the answer as another writer of the same tier would.
		const writer = input.sample ? `${input.model}#sample${input.sample}` : input.model;
		text = market && market.ticker !== MARKET_TICKER ? marketReply(recognised.role, market, writer, input.quality) : write(writer, input.quality);
	} else if (recognised.kind === 'bench') {
		text = benchReply(input.model);
	} else {
		const lastUser = [...input.messages].reverse().find((m) => m.role === 'user');
		text = genericReply(input.model, lastUser?.content ?? '');
	}
	return truncateToTokens(text, input.maxTokens);
}
