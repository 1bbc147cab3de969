import {describe, expect, it} from 'vitest';
import {falseClaims, findRsi} from '../../source/analysis/groundingClaims.js';
import {checkSubject, marketSubject} from '../../source/analysis/groundingSubject.js';
import {levelsNearPrice} from '../../source/analysis/riskSanity.js';
import {CONTEXT} from './fixtures/gamedTexts.js';

const kinds = (text: string) => falseClaims(text, CONTEXT).map((claim) => claim.kind);

describe('falseClaims: statements the context contradicts', () => {
	it.each([
		// [sentence, the kinds of false claim found]
		['Greater China revenue grew 2.1% last year.', ['direction']],
		['Greater China revenue fell 2.1% last year.', []],
		['Services revenue of $123.5B rose 13.1%, a strong engine.', []],
		['iPhone revenue rose 13.1%, which shows demand is accelerating.', ['label']],
		['Free cash flow of $123.5B funds the buybacks.', ['label']],
		['Free cash flow of $104.3B funds $92.4B of buybacks and supports earnings.', []],
		['Valuation at 31.2x trailing earnings is reasonable.', ['label']],
		['Valuation at 31.2x forward earnings is demanding.', []],
		['The stock has broken out above its 52-week high of $288.62.', ['level']],
		['The stock remains well below the 52-week high of $288.62.', []],
		['AAPL at $271.35 holds above its 50-day average of $262.90.', []],
		// A plan, not a fact: the stop below the average is where the trader puts it.
		['Stop Loss: $262.00, just under the 50-day average of $262.90.', []],
		['With RSI at 58.4 the stock is oversold.', ['indicator']],
		['RSI at 58.4 gives momentum without overbought conditions.', []],
		['Revenue over the trailing twelve months reached $440.8B, up 5.9%.', []],
		['Services revenue of $123.5B is growing 13.1% with high margins.', []],
		['Management guided growth of 6-8% for the December quarter.', []],
	])('%s -> %j', (sentence, expected) => {
		expect(kinds(sentence)).toEqual(expected);
	});

	it('says which figure is wrong and what the context has', () => {
		expect(falseClaims('Greater China revenue grew 2.1%.', CONTEXT)[0]?.note).toBe('says 2.1% up; the context has it down');
		expect(findRsi(CONTEXT)).toBe(58.4);
		expect(falseClaims('Anything at all grew 2.1%.', '')).toEqual([]);
	});
});

describe('checkSubject: the company of the context', () => {
	it.each([
		['AAPL at $271.35 holds its trend.', true],
		['Apple keeps compounding.', true],
		['MSFT at $271.35 holds above its 50-day average.', false],
		// Another ticker quoted at this market's price is a relabelling even when Apple is named.
		['MSFT at $271.35 looks like Apple did.', false],
		['Apple outgrew MSFT shares this year.', true],
		['BUY at $269.80 with a STOP at $262.00.', true],
		['No company named at all.', true],
	])('%s -> ok %s', (text, ok) => {
		expect(checkSubject(text, CONTEXT).ok).toBe(ok);
	});

	it('reads the ticker and the company from the heading', () => {
		expect(marketSubject(CONTEXT)).toEqual({company: 'Apple', ticker: 'AAPL'});
		expect(marketSubject('# Market context: The Coca-Cola Company (KO), NYSE')).toEqual({company: 'Coca-Cola', ticker: 'KO'});
		expect(marketSubject('Last price: $10')).toBeNull();
	});
});

describe('levelsNearPrice', () => {
	const levels = (entry: number | null, stopLoss: number | null, target: number | null) => levelsNearPrice({entry, stopLoss, target}, CONTEXT);
	it.each([
		['levels around the last price', levels(269.8, 262, 295.4), true],
		['an entry 2.9 ATR away', levels(271.35 - 15, 250, 290), true],
		['an entry 4 ATR away', levels(251, 245, 290), false],
		['every price ten times the market', levels(2698, 2620, 2954), false],
		['a target 60% above the price', levels(270, 262, 435), false],
		['a stop only', levels(null, 262, null), true],
	])('%s -> ok %s', (_name, result, ok) => {
		expect(result?.ok).toBe(ok);
	});

	it('has nothing to check without levels or a last price', () => {
		expect(levels(null, null, null)).toBeNull();
		expect(levelsNearPrice({entry: 10, stopLoss: 9, target: 12}, 'no price')).toBeNull();
	});
});
