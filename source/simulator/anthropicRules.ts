// What each simulated Claude model accepts and how much it thinks, as the real Messages API does
// (docs/reference/servers.md, "Claude 5.5 models"; the platform docs' "What's new in Claude Sonnet
// 5.5" and the models overview). Sonnet 5.5 thinks adaptively unless told otherwise, at effort
// high by default, and its thinking counts toward max_tokens; thinking "disabled", non-default
// sampling parameters, a final assistant turn (prefill), budget_tokens and forced tool use are
// 400 invalid_request_error. Opus 5.5 cannot turn thinking off at all (default effort medium).
// Sonnet 5 accepted thinking "disabled"; the 4.x models keep the old rules (no thinking unless
// asked for with budget_tokens, sampling parameters and prefill allowed).
import {isRecord} from './wire.js';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
const EFFORTS: readonly string[] = ['low', 'medium', 'high', 'xhigh', 'max'];

type SimModelRules = {
	/** Adaptive thinking when the request says nothing. */
	thinksByDefault: boolean;
	defaultEffort: Effort;
	/** thinking {type:"disabled"} accepted. */
	disabled: boolean;
	/** thinking {type:"between_tools"} accepted (at effort low/medium/high only). */
	betweenTools: boolean;
	/** The 5.5 generation's removals: sampling parameters, prefill, budget_tokens, forced tool use. */
	strict: boolean;
};

const SONNET_5_5: SimModelRules = {thinksByDefault: true, defaultEffort: 'high', disabled: false, betweenTools: true, strict: true};
const OPUS_5_5: SimModelRules = {thinksByDefault: true, defaultEffort: 'medium', disabled: false, betweenTools: false, strict: true};
const SONNET_5: SimModelRules = {thinksByDefault: true, defaultEffort: 'high', disabled: true, betweenTools: true, strict: false};
const OLDER: SimModelRules = {thinksByDefault: false, defaultEffort: 'high', disabled: true, betweenTools: false, strict: false};

/** Longest prefix wins, so claude-sonnet-5-5 is not read as claude-sonnet-5. */
const FAMILIES: [string, SimModelRules][] = [
	['claude-sonnet-5-5', SONNET_5_5],
	['claude-opus-5-5', OPUS_5_5],
	['claude-fable-5-1', OPUS_5_5],
	['claude-sonnet-5', SONNET_5],
];

export function simRulesFor(model: string): SimModelRules {
	const match = FAMILIES.filter(([prefix]) => model === prefix || model.startsWith(`${prefix}-`)).sort((a, b) => b[0].length - a[0].length)[0];
	return match?.[1] ?? OLDER;
}

/**
 * Thinking tokens an adaptive thinker spends on a judge-sized or baseline-sized answer at each
 * effort: at the default (high) more than a 1,500-token judge budget, and its 3,000-token retry, before any JSON.
 */
const ADAPTIVE_THINKING: Record<Effort, number> = {low: 300, medium: 1500, high: 3500, xhigh: 6000, max: 10000};

export type SimPlan = {ok: true; thinkingTokens: number} | {ok: false; message: string};

function effortOf(body: Record<string, unknown>): unknown {
	const config = body['output_config'];
	return isRecord(config) ? config['effort'] : undefined;
}

/** How the model answers this request: how much it thinks, or the 400 it sends. */
export function planRequest(model: string, body: Record<string, unknown>): SimPlan {
	const rules = simRulesFor(model);
	const rawEffort = effortOf(body);
	if (rawEffort !== undefined && rawEffort !== null && !EFFORTS.includes(String(rawEffort))) {
		return {ok: false, message: `output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'`};
	}
	const effort = (rawEffort ?? rules.defaultEffort) as Effort;
	const thinking = isRecord(body['thinking']) ? body['thinking'] : null;
	const type = thinking ? thinking['type'] : undefined;
	if (rules.strict) {
		const problem = strictProblem(model, body, rules, type, effort);
		if (problem) return {ok: false, message: problem};
	}
	if (type === 'disabled') return rules.disabled ? {ok: true, thinkingTokens: 0} : {ok: false, message: `thinking.type: "disabled" is not supported for ${model}; use thinking.type "between_tools" for the lowest setting`};
	if (type === 'between_tools') {
		if (!rules.betweenTools) return {ok: false, message: `thinking.type: "between_tools" is not supported for ${model}; this model cannot turn thinking off`};
		return {ok: true, thinkingTokens: 0};
	}
	if (type === 'enabled') {
		const budget = thinking?.['budget_tokens'];
		return {ok: true, thinkingTokens: typeof budget === 'number' ? Math.min(budget, ADAPTIVE_THINKING[effort]) : 0};
	}
	if (type === 'adaptive' || (type === undefined && rules.thinksByDefault)) return {ok: true, thinkingTokens: ADAPTIVE_THINKING[effort]};
	return {ok: true, thinkingTokens: 0};
}

function strictProblem(model: string, body: Record<string, unknown>, rules: SimModelRules, type: unknown, effort: Effort): string | null {
	const temperature = body['temperature'];
	if (temperature !== undefined && temperature !== 1) return `temperature: only the default value is supported for ${model}`;
	for (const key of ['top_p', 'top_k']) if (body[key] !== undefined) return `${key}: is not supported for ${model}`;
	const messages = Array.isArray(body['messages']) ? body['messages'] : [];
	const last: unknown = messages.at(-1);
	if (isRecord(last) && last['role'] === 'assistant') return `Prefilling the assistant message is not supported for ${model}; the final message must be a user message`;
	const choice = body['tool_choice'];
	if (isRecord(choice) && (choice['type'] === 'tool' || choice['type'] === 'any')) return `tool_choice.type: "${String(choice['type'])}" (forced tool use) is not supported for ${model}; use "auto" or "none"`;
	if (type === 'enabled') return `thinking.type: "enabled" with budget_tokens is not supported for ${model}; use output_config.effort`;
	if (type === 'between_tools' && rules.betweenTools && (effort === 'xhigh' || effort === 'max')) return `thinking.type: "between_tools" is not available at effort "${effort}"`;
	return null;
}
