import {afterEach, describe, expect, it, vi} from 'vitest';
import {captureConsoleWarn, deprecationFor} from '../../../source/providers/claude/deprecation.js';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('deprecationFor', () => {
	it("reads the SDK's table: claude-sonnet-4-5-20250929 reaches end-of-life on November 30th, 2026", () => {
		expect(deprecationFor('claude-sonnet-4-5-20250929')).toMatch(
			/^The model 'claude-sonnet-4-5-20250929' is deprecated and will reach end-of-life on November 30th, 2026\./,
		);
	});

	it('returns null for a model the SDK does not list', () => {
		expect(deprecationFor('claude-haiku-4-5')).toBeNull();
		expect(deprecationFor('toString')).toBeNull();
	});
});

describe('captureConsoleWarn', () => {
	it('sends console.warn to the sink as one line while fn runs, then restores console.warn', () => {
		const original = console.warn;
		const captured: string[] = [];
		const result = captureConsoleWarn(() => {
			console.warn('line one\nline two');
			return 42;
		}, (message) => captured.push(message));
		expect(result).toBe(42);
		expect(captured).toEqual(['line one. line two.']);
		expect(console.warn).toBe(original);
	});

	it('restores console.warn when fn throws', () => {
		const original = console.warn;
		expect(() => captureConsoleWarn(() => {
			throw new Error('boom');
		}, () => {})).toThrow('boom');
		expect(console.warn).toBe(original);
	});
});
