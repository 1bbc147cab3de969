import {describe, expect, it} from 'vitest';
import {extractLevels, levelsCoherent, positionSizing, timeHorizon} from '../../source/analysis/levels.js';

describe('extractLevels', () => {
	it('reads labelled lines', () => {
		const text = ['**Entry Price**: $258.67', '**Stop Loss**: $254.28 (~1x ATR)', '**Price Target**: $280.00', '**Position Sizing**: 5% of portfolio', '**Time Horizon**: 1-3 months'].join('\n');
		expect(extractLevels(text)).toEqual({
			entry: 258.67,
			stopLoss: 254.28,
			target: 280,
			positionSizing: '5% of portfolio',
			timeHorizon: '1-3 months',
		});
	});

	it('reads levels from phrases and takes the first number of a range', () => {
		const text = 'I would buy at $186, with a stop at 182 and a price target of $215-220.';
		const levels = extractLevels(text);
		expect(levels.entry).toBe(186);
		expect(levels.stopLoss).toBe(182);
		expect(levels.target).toBe(215);
	});

	it('prefers the labelled line over a target quoted in the reasoning', () => {
		const text = "Analysts' mean price target of $295.40 implies upside.\nTarget: $288.00";
		expect(extractLevels(text).target).toBe(288);
	});

	it('ignores ATR multiples and percentages when looking for a level', () => {
		expect(extractLevels('Stop-loss: 1.5x ATR below, i.e. $262.00').stopLoss).toBe(262);
		expect(extractLevels('Keep a tight stop, 4% below entry.').stopLoss).toBeNull();
	});

	it('returns nulls when nothing is stated', () => {
		expect(extractLevels('Apple is a great company.')).toEqual({entry: null, stopLoss: null, target: null, positionSizing: null, timeHorizon: null});
	});
});

describe('positionSizing', () => {
	it.each([
		['Allocate 3% of portfolio to the trade.', '3% of portfolio to the trade'],
		['Start with a half position, add on a close above $190.', 'half position, add on a close above $190'],
		['Buy 100 shares now.', '100 shares now'],
		['- Sizing: 2 tranches of 1.5% each', '2 tranches of 1.5% each'],
	])('finds sizing in "%s"', (text, expected) => {
		expect(positionSizing(text)).toBe(expected);
	});
});

describe('timeHorizon', () => {
	it.each([
		['Hold for 3-6 months.', '3-6 months'],
		['A swing trade over 6 weeks.', '6 weeks'],
		['Exit by Q2 2027 at the latest.', 'by Q2 2027'],
		['Time horizon: 12-18 months', '12-18 months'],
	])('finds the horizon in "%s"', (text, expected) => {
		expect(timeHorizon(text)).toBe(expected);
	});

	it('does not mistake a look-back window for a horizon', () => {
		expect(timeHorizon('Revenue over the trailing 12 months and the 52-week high.')).toBeNull();
	});
});

describe('levelsCoherent', () => {
	it('checks the side of each level for the direction', () => {
		expect(levelsCoherent('BUY', {entry: 270, stopLoss: 262, target: 295})).toBe(true);
		expect(levelsCoherent('BUY', {entry: 270, stopLoss: 275, target: 295})).toBe(false);
		expect(levelsCoherent('SELL', {entry: 270, stopLoss: 280, target: 250})).toBe(true);
		expect(levelsCoherent('SELL', {entry: 270, stopLoss: 262, target: 295})).toBe(false);
	});

	it('cannot check HOLD or missing levels', () => {
		expect(levelsCoherent('HOLD', {entry: 270, stopLoss: 262, target: 295})).toBeNull();
		expect(levelsCoherent('BUY', {entry: null, stopLoss: 262, target: 295})).toBeNull();
		expect(levelsCoherent(null, {entry: 270, stopLoss: 262, target: 295})).toBeNull();
	});
});
