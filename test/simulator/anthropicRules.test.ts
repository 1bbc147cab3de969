// The simulated Messages API's per-model request rules (docs/reference/servers.md, "Claude 5.5 models").
import {describe, expect, it} from 'vitest';
import {planRequest} from '../../source/simulator/anthropicRules.js';

const USER = [{role: 'user', content: 'hi'}];

describe('planRequest', () => {
	it.each([
		// model, extra body, 400 message pattern or thinking tokens
		['claude-sonnet-5-5', {}, 3500],
		['claude-sonnet-5-5', {output_config: {effort: 'low'}}, 300],
		['claude-sonnet-5-5', {thinking: {type: 'between_tools'}, output_config: {effort: 'high'}}, 0],
		['claude-sonnet-5-5', {thinking: {type: 'disabled'}}, /between_tools/],
		['claude-sonnet-5-5', {temperature: 0}, /temperature/],
		['claude-sonnet-5-5', {temperature: 1}, 3500],
		['claude-sonnet-5-5', {top_p: 0.9}, /top_p/],
		['claude-sonnet-5-5', {top_k: 5}, /top_k/],
		['claude-sonnet-5-5', {messages: [...USER, {role: 'assistant', content: '{'}]}, /Prefilling/],
		['claude-sonnet-5-5', {tool_choice: {type: 'tool', name: 'verdict'}}, /forced tool use/],
		['claude-sonnet-5-5', {tool_choice: {type: 'any'}}, /forced tool use/],
		['claude-sonnet-5-5', {tool_choice: {type: 'auto'}}, 3500],
		['claude-sonnet-5-5', {thinking: {type: 'enabled', budget_tokens: 2000}}, /budget_tokens/],
		['claude-sonnet-5-5', {thinking: {type: 'between_tools'}, output_config: {effort: 'xhigh'}}, /not available at effort "xhigh"/],
		['claude-sonnet-5-5', {output_config: {effort: 'extreme'}}, /effort/],
		['claude-opus-5-5', {}, 1500],
		['claude-opus-5-5', {thinking: {type: 'between_tools'}}, /cannot turn thinking off/],
		['claude-opus-5-5', {thinking: {type: 'disabled'}}, /not supported/],
		['claude-opus-5-5', {thinking: {type: 'adaptive'}, output_config: {effort: 'low'}}, 300],
		['claude-sonnet-5', {thinking: {type: 'disabled'}}, 0],
		['claude-sonnet-5', {temperature: 0}, 3500],
		// The 4.x models keep the old rules.
		['claude-sonnet-4-5-20250929', {}, 0],
		['claude-sonnet-4-5-20250929', {temperature: 0, messages: [...USER, {role: 'assistant', content: '{'}], tool_choice: {type: 'any'}}, 0],
		['claude-sonnet-4-5-20250929', {thinking: {type: 'enabled', budget_tokens: 1024}}, 1024],
		['claude-haiku-4-5', {thinking: {type: 'disabled'}}, 0],
	] as const)('%s %j', (model, extra, expected) => {
		const plan = planRequest(model, {model, max_tokens: 1500, messages: USER, ...extra});
		if (typeof expected === 'number') expect(plan).toEqual({ok: true, thinkingTokens: expected});
		else expect(plan.ok ? 'accepted' : plan.message).toMatch(expected);
	});
});
