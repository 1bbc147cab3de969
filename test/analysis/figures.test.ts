import {describe, expect, it} from 'vitest';
import {extractFigures, sameFigure, type Figure} from '../../source/analysis/figures.js';

function texts(text: string): string[] {
	return extractFigures(text).map((f) => f.text);
}

function only(text: string): Figure {
	const [figure, ...rest] = extractFigures(text);
	if (!figure || rest.length > 0) throw new Error(`expected one figure in "${text}", got ${texts(text).join(', ')}`);
	return figure;
}

describe('extractFigures', () => {
	it('finds money, percentages, multiples and plain numbers with their kinds', () => {
		const figures = extractFigures('Price $189.50, margin 46.2%, P/E 28.5x, RSI 61.3, revenue $391.0B.');
		expect(figures.map((f) => [f.text, f.kind])).toEqual([
			['$189.50', 'money'],
			['46.2%', 'percent'],
			['28.5x', 'multiple'],
			['61.3', 'number'],
			['$391.0B', 'money'],
		]);
	});

	it('normalises units so values compare', () => {
		expect(only('$391.0B').value).toBe(391e9);
		expect(only('$1.2 trillion').value).toBe(1.2e12);
		expect(only('48.2M shares').value).toBeCloseTo(48.2e6, 0);
		expect(only('$110 billion').value).toBe(110e9);
		expect(only('1,600 characters').value).toBe(1600);
		expect(only('13.1 percent').kind).toBe('percent');
	});

	it('records the precision as written', () => {
		expect(only('$189.5').tolerance).toBeCloseTo(0.05, 10);
		expect(only('24%').tolerance).toBe(0.5);
		expect(only('$3.0T').tolerance).toBeCloseTo(0.05e12, 0);
	});

	it('skips years, dates, durations, indicator periods, list numbers and names', () => {
		const text = [
			'1. On 2026-11-20 (November 20, 2026) the Q4 FY2026 report landed.',
			'2) RSI(14) and the 50-day average; MACD (12,26,9); the 52-week high.',
			'Hold for 3-6 months; M3 Max; v0.3.0; the 10-K; 3 reasons; reward 3.3:1 at 10:30.',
		].join('\n');
		expect(texts(text)).toEqual([]);
	});

	it('reads ranges with the unit written once', () => {
		const figures = extractFigures('a target of $215-220 and growth of 6-8%');
		expect(figures.map((f) => [f.value, f.kind])).toEqual([
			[215, 'money'],
			[220, 'money'],
			[6, 'percent'],
			[8, 'percent'],
		]);
	});

	it('gives each figure its line', () => {
		expect(extractFigures('Entry $270\nStop $262\n\nTarget $295').map((f) => f.line)).toEqual([0, 1, 3]);
	});
});

describe('sameFigure', () => {
	it('compares at the precision cited', () => {
		expect(sameFigure(only('$189.5'), only('$189.48'))).toBe(true);
		expect(sameFigure(only('24%'), only('24.3%'))).toBe(true);
		expect(sameFigure(only('$3.0T'), only('$2.98T'))).toBe(true);
		expect(sameFigure(only('$3,967B'), only('$3.97T'))).toBe(true);
		expect(sameFigure(only('$189.6'), only('$189.48'))).toBe(false);
		expect(sameFigure(only('25%'), only('24.3%'))).toBe(false);
	});

	it('never matches a percentage with a price, but lets bare numbers match', () => {
		expect(sameFigure(only('24%'), only('$24'))).toBe(false);
		expect(sameFigure(only('31.2x'), only('31.2'))).toBe(true);
		expect(sameFigure(only('31.2x'), only('31.2%'))).toBe(false);
		expect(sameFigure(only('$271.35'), only('271.35'))).toBe(true);
	});
});
