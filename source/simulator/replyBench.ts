// The simulated answer to the speed benchmark prompt (about 230 words) and the generic fallback.
import {F, bn, pct, times, usd, variantFor} from './replyVariant.js';

export function benchReply(model: string): string {
	const v = variantFor(model);
	const opening = v.pick('bench-open', [
		'The bull case for Apple rests on durable growth, exceptional margins and enormous cash returns.',
		'Apple offers investors a rare mix of steady growth, premium margins and aggressive capital returns.',
		'Bulls see Apple as a compounding machine whose numbers keep improving.',
	]);
	return [
		opening,
		`Trailing revenue reached ${bn(F.revenueTtm)}, up ${pct(F.revenueGrowthPct)}, and the latest quarter accelerated to ${pct(F.q4RevenueGrowthPct)} growth with revenue of ${bn(F.q4Revenue)}, while management guided ${F.guidanceGrowthLowPct}-${F.guidanceGrowthHighPct}% growth for the December quarter.`,
		`Services is the engine: ${bn(F.servicesRevenue)} of revenue grew ${pct(F.servicesGrowthPct)} at a ${pct(F.servicesGrossMarginPct)} gross margin, lifting the company's gross margin to ${pct(F.grossMarginPct)} and its operating margin to ${pct(F.operatingMarginPct)}.`,
		`Free cash flow of ${bn(F.freeCashFlow)} funds ${bn(F.buybacks)} of annual buybacks, a new ${bn(F.buybackAuthorization)} authorisation and a dividend of ${usd(F.dividendAnnual)} a year, and the balance sheet still carries ${bn(F.netCash)} of net cash.`,
		`The iPhone, supposedly mature, still produced ${bn(F.iphoneRevenue)} of revenue, up ${pct(F.iphoneGrowthPct)}, and early iPhone 18 Pro sell-through in China rose ${F.chinaSellThroughPct}% year over year.`,
		`Regulatory cases in Europe and the United States are real risks, but Apple has adapted to such pressure before without breaking its Services trend.`,
		`Diluted EPS of ${usd(F.epsTtm)} grew ${pct(F.epsGrowthPct)}, and consensus expects ${usd(F.epsForward)} next year.`,
		`The valuation, ${times(F.peForward)} forward earnings, is a premium, but it buys a business with a loyal installed base, pricing power and recurring revenue that few companies can match.`,
		`Technically the stock is healthy: at ${usd(F.lastPrice)} it sits above its 50-day (${usd(F.sma50)}) and 200-day (${usd(F.sma200)}) averages with RSI at ${F.rsi14}.`,
		`Wall Street agrees: ${F.ratingsBuy} of ${F.analystCount} analysts rate it a Buy, with a mean target of ${usd(F.targetMean)}.`,
		v.pick('bench-close', [
			'For long-term investors, that combination of growth, margins and cash returns makes Apple a compelling holding.',
			'Taken together, these metrics support owning Apple for the long run.',
		]),
	].join(' ');
}

/** A short, helpful answer for anything that is not one of the known prompts. */
export function genericReply(model: string, lastUserMessage: string): string {
	const numbers = [...lastUserMessage.matchAll(/[$€£]?\d[\d,]*(?:\.\d+)?%?/g)].map((m) => m[0]).slice(0, 4);
	const v = variantFor(model);
	const lead = v.pick('generic-lead', ['Here is a short answer.', 'Happy to help.', 'Sure.']);
	if (numbers.length === 0) {
		return `${lead} Based on what you have shared, the key points are clear; let me know if you want more detail on any of them.`;
	}
	return `${lead} Based on the figures you gave (${numbers.join(', ')}), the answer follows directly from them: ${numbers[0]} is the key number to focus on. Let me know if you want a more detailed breakdown.`;
}
