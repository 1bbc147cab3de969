// What the Claude side of an experiment will cost, before it starts: the baseline's answers and the
// judge's calls, at the model's list price (providers/claudePricing.ts), with the shared prefix read
// from the prompt cache after its first write. Sizes from docs/reference/tradingagents.md §4: bull
// and bear answers about 2K tokens, the trader's about 0.4K (we allow 1K: Claude writes it out in
// prose); a prompt is the role's system prompt, the market context (cacheable) and the opponent's
// text. Rough by nature: shown as "about", with the measured cost after the run beside it. Pure.
import {costUsd, priceFor} from '../providers/claudePricing.js';

export type ClaudeCostPlan = {
	/** The baseline's model. */
	model: string;
	/** The judge's model, or null when quality comes from the offline rubric (no judge calls). */
	judgeModel: string | null;
	scenarios: number;
	/** Local models whose answers the judge compares with Claude's. */
	localModels: number;
};

export type ClaudeCostEstimate = {usd: number | null; calls: number};

/** Output tokens of one answer, per role (bull, bear, trader). */
const ANSWER_TOKENS = [2000, 2000, 1000];
/** The market context and system prompt every call about one market repeats (cacheable). */
const PREFIX_TOKENS = 900;
/** The rest of a baseline prompt: the opponent's argument or the debate summary. */
const REST_TOKENS = 600;
/** A judge call reads two answers besides the prefix, and writes four short reasons and scores. */
const JUDGE_OUTPUT_TOKENS = 500;

export function estimateClaudeCost(plan: ClaudeCostPlan): ClaudeCostEstimate {
	const judged = plan.judgeModel !== null;
	let usd = 0;
	let calls = 0;
	const known = priceFor(plan.model) !== null && (!judged || priceFor(plan.judgeModel ?? '') !== null);
	for (const answer of ANSWER_TOKENS) {
		// With a judge, each answer is asked twice: the second sample is the noise floor.
		const samples = plan.scenarios * (judged ? 2 : 1);
		for (let sample = 0; sample < samples; sample++) {
			// The first sample of each market writes the prefix to the cache; the repeat reads it.
			const first = sample < plan.scenarios;
			usd += costUsd(plan.model, REST_TOKENS, answer, first ? {cacheWriteTokens: PREFIX_TOKENS} : {cacheReadTokens: PREFIX_TOKENS}) ?? 0;
			calls += 1;
		}
		if (!judged || plan.judgeModel === null) continue;
		// Both orders, for each local model and for Claude's own second sample.
		const pairs = 2 * (plan.localModels + 1) * plan.scenarios;
		const input = REST_TOKENS + 2 * answer;
		for (let pair = 0; pair < pairs; pair++) {
			const first = pair < plan.scenarios;
			usd += costUsd(plan.judgeModel, input, JUDGE_OUTPUT_TOKENS, first ? {cacheWriteTokens: PREFIX_TOKENS} : {cacheReadTokens: PREFIX_TOKENS}) ?? 0;
			calls += 1;
		}
	}
	return {usd: known ? usd : null, calls};
}

/**
 * "about $0.42 for 126 Claude calls (claude-sonnet-5-5, list prices)", or why there is no figure.
 * `named: false` leaves out a lone model name where the reader has it beside the sentence (the
 * plan's settings); a separate judge model is always named.
 */
export function describeEstimate(plan: ClaudeCostPlan, estimate: ClaudeCostEstimate = estimateClaudeCost(plan), {named = true}: {named?: boolean} = {}): string {
	const judged = plan.judgeModel !== null && plan.judgeModel !== plan.model;
	const models = judged ? `${plan.model} and judge ${plan.judgeModel}` : plan.model;
	if (estimate.usd === null) return `${estimate.calls} Claude calls (${models}: price unknown)`;
	const about = `about $${estimate.usd.toFixed(2)} for ${estimate.calls} Claude calls`;
	return named || judged ? `${about} (${models}, list prices)` : `${about} at list prices`;
}
