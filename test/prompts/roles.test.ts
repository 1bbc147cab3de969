import {describe, expect, it} from 'vitest';
import {benchPrompt} from '../../source/prompts/bench.js';
import {bundledPromptsDir, loadPrompts} from '../../source/prompts/load.js';
import {roleOfPrompt} from '../../source/prompts/roles.js';

describe('roleOfPrompt', () => {
	it('recognises each bundled template by its first line', () => {
		const prompts = loadPrompts(bundledPromptsDir());
		expect(roleOfPrompt(prompts.bull)).toBe('bull');
		// The bear template mentions the bull analyst in its body; only the first line counts.
		expect(roleOfPrompt(prompts.bear)).toBe('bear');
		expect(roleOfPrompt(prompts.trader)).toBe('trader');
	});

	it('does not mistake the bench prompt or other text for a role', () => {
		expect(roleOfPrompt(benchPrompt('ab12'))).toBeNull();
		expect(roleOfPrompt('You are a helpful assistant.\nThe trader wants a quote.')).toBeNull();
	});
});
