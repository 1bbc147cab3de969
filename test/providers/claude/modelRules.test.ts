// The request shape per Claude model family: what each model accepts (docs/reference/servers.md).
import {describe, expect, it} from 'vitest';
import {rulesFor, shapeRequest} from '../../../source/providers/claude/modelRules.js';

describe('shapeRequest', () => {
	it.each([
		// model, purpose, answer tokens, thinking sent, effort sent, max_tokens
		['claude-sonnet-5-5', 'judge', 1500, {type: 'between_tools'}, 'low', 1500],
		['claude-sonnet-5-5', 'baseline', 8192, {type: 'between_tools'}, 'high', 8192],
		['claude-sonnet-5-5-20261014', 'judge', 1500, {type: 'between_tools'}, 'low', 1500],
		// Opus 5.5 and Fable 5.1 cannot turn thinking off: room for it beyond the answer.
		['claude-opus-5-5', 'judge', 1500, {type: 'adaptive'}, 'low', 5500],
		['claude-opus-5-5', 'baseline', 8192, {type: 'adaptive'}, 'medium', 16_192],
		['claude-fable-5-1', 'judge', 1500, {type: 'adaptive'}, 'low', 5500],
		// Sonnet 5 took "disabled".
		['claude-sonnet-5', 'judge', 1500, {type: 'disabled'}, 'low', 1500],
		// A 5.x model the table does not know: the shape every 5.5-class model accepts.
		['claude-haiku-5-5', 'judge', 1500, {type: 'adaptive'}, 'low', 5500],
		['claude-mythos-5-2', 'baseline', 8192, {type: 'adaptive'}, 'high', 24_192],
		// Older models: no thinking unless asked for, no effort.
		['claude-sonnet-4-5-20250929', 'judge', 1500, null, null, 1500],
		['claude-haiku-4-5', 'baseline', 8192, null, null, 8192],
		['claude-3-5-haiku-20241022', 'baseline', 8192, null, null, 8192],
		// The model's own output limit caps the room.
		['claude-opus-5-5', 'baseline', 125_000, {type: 'adaptive'}, 'medium', 128_000],
	] as const)('%s (%s, %i answer tokens)', (model, purpose, answer, thinking, effort, maxTokens) => {
		const shape = shapeRequest(model, purpose, answer);
		expect(shape.thinking).toEqual(thinking);
		expect(shape.effort).toBe(effort);
		expect(shape.maxTokens).toBe(maxTokens);
	});

	it('never reads claude-sonnet-5-5 as claude-sonnet-5, nor a look-alike id as a known family', () => {
		expect(rulesFor('claude-sonnet-5-5').family).toBe('Sonnet 5.5');
		expect(rulesFor('claude-sonnet-5').family).toBe('Sonnet 5');
		expect(rulesFor('claude-sonnet-55').family).not.toBe('Sonnet 5.5');
		expect(rulesFor('claude-opus-5-50').family).not.toBe('Opus 5.5');
	});

	it('a judge asks for less depth than the baseline on every model that takes an effort', () => {
		for (const model of ['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-sonnet-5']) {
			expect(shapeRequest(model, 'judge', 1500).effort).toBe('low');
			expect(shapeRequest(model, 'baseline', 1500).effort).not.toBe('low');
		}
	});
});
