import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {extractFigures} from '../../source/analysis/figures.js';
import {findLastPrice} from '../../source/analysis/grounding.js';
import {bundledPromptsDir} from '../../source/prompts/load.js';
import {MARKET_DATE, MARKET_FACTS as F} from '../../source/prompts/marketFacts.js';

const context = readFileSync(join(bundledPromptsDir(), 'market-context.md'), 'utf8');
const figures = extractFigures(context);

describe('market-context.md and marketFacts', () => {
	it.each(Object.entries(F))('states %s = %d', (_name, value) => {
		expect(figures.some((f) => Math.abs(f.value - value) <= 1e-9 * Math.max(1, value))).toBe(true);
	});

	it('is dated and names the last price', () => {
		expect(context).toContain(MARKET_DATE);
		expect(findLastPrice(context)).toBe(F.lastPrice);
	});

	it('is internally consistent', () => {
		const near = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(relative);
		near(F.lastPrice * F.sharesOutstanding, F.marketCap, 0.005);
		near(F.lastPrice / F.epsTtm, F.peTrailing, 0.005);
		near(F.lastPrice / F.epsForward, F.peForward, 0.005);
		near(F.peForward / F.longTermEpsGrowthPct, F.peg, 0.02);
		near(F.freeCashFlow / F.marketCap, F.fcfYieldPct / 100, 0.02);
		near(F.dividendQuarterly * 4, F.dividendAnnual, 1e-9);
		near(F.dividendAnnual / F.lastPrice, F.dividendYieldPct / 100, 0.02);
		near(F.cash - F.totalDebt, F.netCash, 1e-9);
		near(F.targetMean / F.lastPrice - 1, F.targetUpsidePct / 100, 0.01);
		near(F.lastPrice / F.previousClose - 1, F.dayChangePct / 100, 0.01);
		near(F.macd - F.macdSignal, F.macdHistogram, 1e-9);
		const products = F.revenueTtm - F.servicesRevenue;
		const grossProfit = products * (F.productsGrossMarginPct / 100) + F.servicesRevenue * (F.servicesGrossMarginPct / 100);
		near(grossProfit / F.revenueTtm, F.grossMarginPct / 100, 0.005);
		expect(F.low52w).toBeLessThan(F.lastPrice);
		expect(F.high52w).toBeGreaterThan(F.lastPrice);
		expect(F.targetLow).toBeLessThan(F.targetMean);
		expect(F.targetHigh).toBeGreaterThan(F.targetMean);
	});
});
