import {describe, expect, it} from 'vitest';
import {claudeFromEnv} from '../../../source/providers/claude.js';

describe('claudeFromEnv', () => {
	it('skips the baseline with --no-claude even when a key is set', () => {
		expect(claudeFromEnv({env: {ANTHROPIC_API_KEY: 'sk-test'}, model: 'claude-sonnet-4-5', noClaude: true})).toEqual({
			provider: null,
			skipReason: '--no-claude',
		});
	});

	it('skips the baseline when ANTHROPIC_API_KEY is missing or blank', () => {
		for (const env of [{}, {ANTHROPIC_API_KEY: '  '}]) {
			expect(claudeFromEnv({env, model: 'claude-sonnet-4-5', noClaude: false})).toEqual({
				provider: null,
				skipReason: 'ANTHROPIC_API_KEY is not set',
			});
		}
	});

	it('builds a provider for the configured model when the key is set', () => {
		const {provider, skipReason} = claudeFromEnv({env: {ANTHROPIC_API_KEY: 'sk-test'}, model: 'claude-sonnet-4-5-20250929', noClaude: false});
		expect(skipReason).toBeNull();
		expect(provider?.model).toBe('claude-sonnet-4-5-20250929');
		expect(provider?.deprecation()).toMatch(/November 30th, 2026/);
	});
});
