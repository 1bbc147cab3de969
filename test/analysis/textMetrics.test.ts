import {describe, expect, it} from 'vitest';
import {countEngagement, countWords, textMetrics} from '../../source/analysis/textMetrics.js';

describe('textMetrics', () => {
	it('counts words and characters', () => {
		expect(countWords('  Apple  is\ngrowing. ')).toBe(3);
		const metrics = textMetrics('one two three', 'bull');
		expect(metrics.words).toBe(3);
		expect(metrics.chars).toBe(13);
	});

	it('counts engagement with the opposing side only', () => {
		const bull = 'The bear argues that growth stalled. I counter with Services. My opponent ignores cash flow.';
		expect(countEngagement(bull, 'bull')).toBe(3);
		// The bull naming its own side is not engagement.
		expect(countEngagement('The bull case is strong.', 'bull')).toBe(0);
		expect(countEngagement('The bull case is strong, as the Bull Analyst says.', 'bear')).toBe(2);
		expect(textMetrics('Growth is strong.', 'bull').engagesOpponent).toBe(false);
	});

	it('recognises headings, bullets and numbered points', () => {
		const text = ['# Bull case', '', '**Valuation**', '', '- one', '- two', '1. first', '2) second', '**not a heading** in a sentence'].join('\n');
		const metrics = textMetrics(text, 'bull');
		expect(metrics.headings).toBe(2);
		expect(metrics.bullets).toBe(2);
		expect(metrics.numbered).toBe(2);
		expect(metrics.structured).toBe(true);
		expect(textMetrics('Plain prose only.\n- one item', 'bear').structured).toBe(false);
	});
});
