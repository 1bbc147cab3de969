// Simulated trader proposals, one per quality tier, built on the market-context figures.
import type {QualityTier} from './types.js';
import {F, bn, pct, times, usd, variantFor, type Variant} from './replyVariant.js';

// The levels a careful trader derives: entry just under the close, stop under the 50-day
// average (about 1.5 ATR away), target at the analysts' mean.
const ENTRY = 269.8;
const STOP = 262;
const TARGET = F.targetMean;

function excellent(v: Variant): string {
	const opener = v.pick('open', [
		`AAPL closed at ${usd(F.lastPrice)}, above both its 50-day (${usd(F.sma50)}) and 200-day (${usd(F.sma200)}) moving averages`,
		`At ${usd(F.lastPrice)}, AAPL is trading above its 50-day (${usd(F.sma50)}) and 200-day (${usd(F.sma200)}) averages`,
		`The trend is intact: AAPL sits at ${usd(F.lastPrice)}, over the 50-day (${usd(F.sma50)}) and the 200-day (${usd(F.sma200)}) averages`,
	]);
	const momentum = v.pick('momentum', [
		`with RSI(14) at ${F.rsi14} and a fresh MACD bullish crossover (histogram ${F.macdHistogram}): momentum without overbought conditions.`,
		`while RSI(14) reads ${F.rsi14} and MACD has just crossed above its signal line (histogram ${F.macdHistogram}), so momentum is positive but not stretched.`,
	]);
	const bearPoint = v.pick('bear', [
		"The bear's valuation point is fair",
		'I take the bear case on valuation seriously',
		"The bears are right that valuation is demanding",
	]);
	return [
		'**Action**: Buy',
		'',
		`**Reasoning**: ${opener}, ${momentum} Fundamentals back the move: Services revenue of ${bn(F.servicesRevenue)} grew ${pct(F.servicesGrowthPct)} at a ${pct(F.servicesGrossMarginPct)} gross margin, lifting the group gross margin to ${pct(F.grossMarginPct)}, and ${bn(F.freeCashFlow)} of free cash flow funds ${bn(F.buybacks)} of buybacks a year. ${bearPoint}: ${times(F.peTrailing)} trailing and ${times(F.peForward)} forward earnings leave little room for error, and regulatory risk (the DMA case, the DOJ trial over the roughly ${bn(F.googleSearchPayments)} Google payment) is real, so the position is sized modestly and the stop is tight.`,
		'',
		`**Entry Price**: ${usd(ENTRY)} (limit order, about a third of an ATR below the close)`,
		`**Stop Loss**: ${usd(STOP)}, just under the 50-day average of ${usd(F.sma50)} and about 1.5x the ATR(14) of ${usd(F.atr14)} below entry; exit on a daily close below it`,
		`**Price Target**: ${usd(TARGET)}, the analysts' mean target; trim a third into the 52-week high at ${usd(F.high52w)}`,
		`**Position Sizing**: ${v.pick('size', ['3% of portfolio', '3% of the portfolio'])}, half at entry and half on a daily close above ${usd(F.high52w)}; the stop caps the loss near 0.1% of the portfolio`,
		`**Time Horizon**: ${v.pick('horizon', ['3-6 months', '3 to 6 months'])}, through the December-quarter report`,
		'**Reward/Risk**: about 3.3:1 from entry to target',
		`**Catalysts**: ${v.pick('catalyst', ['the Q4 FY2026 beat', 'last quarter\'s beat'])} (revenue ${bn(F.q4Revenue)}, up ${pct(F.q4RevenueGrowthPct)}, with record Services revenue of ${bn(F.q4ServicesRevenue)}), the new ${bn(F.buybackAuthorization)} buyback authorisation, and ${F.ratingsBuy} Buy ratings among ${F.analystCount} analysts.`,
		`**Invalidation**: a daily close below the stop, a December quarter below the guided ${F.guidanceGrowthLowPct}-${F.guidanceGrowthHighPct}% growth, or a sharper slide in Greater China, where revenue of ${bn(F.chinaRevenue)} already fell ${pct(F.chinaGrowthPct)}.`,
		'',
		'FINAL TRANSACTION PROPOSAL: **BUY**',
	].join('\n');
}

function good(v: Variant): string {
	const lead = v.pick('good-lead', ['AAPL trades at', 'AAPL is at', 'The stock trades at']);
	return [
		'**Action**: Buy',
		'',
		// The Services projection is the one figure the context does not support.
		`**Reasoning**: ${lead} ${usd(F.lastPrice)}, above the 50-day (${usd(F.sma50)}) and 200-day (${usd(F.sma200)}) averages, with RSI(14) at ${F.rsi14}. Services revenue grew ${pct(F.servicesGrowthPct)} and free cash flow was ${bn(F.freeCashFlow)}. At ${times(F.peForward)} forward earnings the stock is not cheap, but the mean target of ${usd(F.targetMean)} still implies upside, and Services could reach $140.0B next year. Gross margin of ${pct(F.grossMarginPct)} and ${bn(F.buybacks)} of buybacks support earnings per share. The main risks are regulation (the DMA case and the DOJ trial) and China, where revenue fell ${pct(F.chinaGrowthPct)}, so I keep the position small. Technically, MACD has turned positive and the 52-week high of ${usd(F.high52w)} is the first resistance, and net cash of ${bn(F.netCash)} is a cushion if the tape turns.`,
		'',
		`**Entry**: ${usd(270)} (near the close)`,
		`**Stop-loss**: ${usd(261.5)} (below the 50-day average)`,
		`**Target**: ${usd(295)} (near the analysts' mean target)`,
		`**Position sizing**: ${v.pick('good-size', ['2% of portfolio', '2% of the portfolio'])}`,
		`**Time horizon**: ${v.pick('good-horizon', ['3 months', '3-4 months'])}`,
		'',
		'FINAL TRANSACTION PROPOSAL: **BUY**',
	].join('\n');
}

function partial(v: Variant): string {
	const open = v.pick('partial-open', ['Recommendation: Buy.', 'My recommendation is to buy.']);
	return [
		open,
		'',
		`Apple remains a high-quality business. Services revenue grew ${pct(F.servicesGrowthPct)}, the company generated ${bn(F.freeCashFlow)} of free cash flow and returned ${bn(F.buybacks)} through buybacks, and the stock is above its 200-day average of ${usd(F.sma200)}. Analysts are mostly positive, with ${F.ratingsBuy} Buy ratings among ${F.analystCount} analysts. I would build a small starter position over the next 6-12 months and add on weakness rather than chase strength.`,
		'',
		'FINAL TRANSACTION PROPOSAL: **BUY**',
	].join('\n');
}

function vague(v: Variant): string {
	return v.pick('vague', [
		'Apple is a great company with strong products and a loyal customer base. The stock could go higher over time, but there are also risks such as competition and regulation. Investors should consider their own risk tolerance and do their own research before making any decision. Overall, the outlook seems reasonably positive.',
		'Apple has a strong brand and a large ecosystem, which is positive for the long term. However, the market is uncertain and there are risks from competition and regulators. It may be reasonable to consider the stock, depending on your goals and risk tolerance. Please do your own research.',
	]);
}

export function traderReply(model: string, quality: QualityTier): string {
	const v = variantFor(model);
	switch (quality) {
		case 'excellent':
			return excellent(v);
		case 'good':
			return good(v);
		case 'partial':
			return partial(v);
		case 'vague':
			return vague(v);
	}
}
