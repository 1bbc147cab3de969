import {describe, expect, it} from 'vitest';
import {findLastPrice, groundFigures} from '../../source/analysis/grounding.js';

const CONTEXT = [
	'Last price: $189.48; ATR(14): $3.10; 50-day average $185.20',
	'Revenue (TTM): $391.0B, up 2.0%; gross margin 46.2%; market cap $2.98T',
	'Services revenue $96.2B, up 24.3%; trailing P/E 29.6x',
].join('\n');

describe('findLastPrice', () => {
	it('reads the last price from the context', () => {
		expect(findLastPrice(CONTEXT)).toBe(189.48);
		expect(findLastPrice('AAPL last close $271.35')).toBe(271.35);
		expect(findLastPrice('no price here')).toBeNull();
	});
});

describe('groundFigures', () => {
	it('grounds figures within rounding and flags invented ones', () => {
		const text = 'At $189.5 with Services up 24% and a $3.0T market cap, P/E 29.6x; margins of 52.0% and $120B of buybacks.';
		const result = groundFigures(text, CONTEXT);
		expect(result).toEqual({figures: 6, grounded: 4, derived: 0, unsupported: 2, unsupportedExamples: ['52.0%', '$120B']});
	});

	it('treats levels on entry/stop/target lines near the price as derived', () => {
		const text = ['Entry: $188.00', 'Stop-loss: $182.40 (about 2x ATR, 3% below entry)', 'Target: $215', 'Position: 3% of portfolio, 100 shares'].join('\n');
		const result = groundFigures(text, CONTEXT);
		expect(result.grounded).toBe(0);
		expect(result.unsupported).toBe(0);
		expect(result.derived).toBe(result.figures);
		expect(result.figures).toBe(7);
	});

	it('counts a level far from the price as unsupported', () => {
		// $400 is more than 30% above $189.48.
		const result = groundFigures('Target: $400', CONTEXT);
		expect(result.unsupported).toBe(1);
		expect(result.unsupportedExamples).toEqual(['$400']);
	});

	it('does not treat a price on an ordinary line as derived', () => {
		expect(groundFigures('The stock could trade at $200 soon.', CONTEXT).unsupported).toBe(1);
	});

	it('keeps at most the requested number of examples', () => {
		const result = groundFigures('$1.11B $2.22B $3.33B $4.44B', CONTEXT, {maxExamples: 2});
		expect(result.unsupported).toBe(4);
		expect(result.unsupportedExamples).toEqual(['$1.11B', '$2.22B']);
	});
});
