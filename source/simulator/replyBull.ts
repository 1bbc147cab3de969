// Simulated bull researcher replies: one long grounded argument, cut down for lesser tiers.
import type {QualityTier} from './types.js';
import {F, bn, pct, times, tn, usd, variantFor, type Variant} from './replyVariant.js';
import {debateReply, type Section} from './replyDebate.js';

function sections(v: Variant): Section[] {
	return [
		{
			heading: null,
			body: `${v.pick('bull-open', ['Let me answer my bear colleague directly.', 'I want to take the bear argument head on.', 'Thank you for the challenge; let me respond point by point.'])} The bear argues that Apple already prices in years of flawless execution and that its core product is mature. The numbers in front of us say something different: AAPL at ${usd(F.lastPrice)} is a business still growing revenue, expanding margins and returning more cash than almost any company in the market, with a trend and a consensus that both point up. I will go through growth, competitive position, Services, cash returns, valuation and the technical picture, and then answer each of the bear's risks in turn.`,
		},
		{
			heading: 'Growth is re-accelerating, not stalling',
			body: `Revenue over the trailing twelve months reached ${bn(F.revenueTtm)}, up ${pct(F.revenueGrowthPct)} year over year, and the latest quarter was better still: Q4 FY2026 revenue of ${bn(F.q4Revenue)} grew ${pct(F.q4RevenueGrowthPct)} and beat estimates, with EPS of ${usd(F.q4Eps)}. Management then guided December-quarter growth of ${F.guidanceGrowthLowPct}-${F.guidanceGrowthHighPct}%, which is acceleration, not the stall the bear describes. The iPhone, supposedly mature, still brought in ${bn(F.iphoneRevenue)}, up ${pct(F.iphoneGrowthPct)}, and Counterpoint reports that iPhone 18 Pro sell-through in China rose ${F.chinaSellThroughPct}% in its first eight weeks. Diluted EPS of ${usd(F.epsTtm)} grew ${pct(F.epsGrowthPct)}, and consensus expects ${usd(F.epsForward)} for FY2027.\n\nThe product cycle also matters. On-device intelligence features need newer hardware, which gives owners of older phones a concrete reason to upgrade, and upgrade cycles have historically lifted both unit volumes and the average selling price. The bear looks at one year of modest iPhone growth and calls it a ceiling; I see a large installed base that is due to refresh.`,
		},
		{
			heading: 'Competitive advantages the bear overlooks',
			body: `The "mature product" framing misses what the iPhone actually is: the entry point to an ecosystem that is very hard to leave. Customers who own an iPhone tend to add a Watch, AirPods, a Mac and a stack of subscriptions, and each added device raises the cost of switching. Apple designs its own silicon, controls its operating systems and owns the distribution of software to its users, which gives it pricing power few hardware companies have ever had. That pricing power is visible in the numbers: a products gross margin of ${pct(F.productsGrossMarginPct)} is far above what commodity hardware earns. Privacy and security have become part of the brand, and regulators forcing more openness have so far changed the terms of the App Store without changing why people buy the devices.\n\n- Ecosystem lock-in turns one sale into a decade-long relationship.\n- In-house chips give a cost and performance edge that competitors have to pay others for.\n- The brand lets Apple raise prices at the top of the range without losing its customers.`,
		},
		{
			heading: 'Services is the margin engine',
			body: `The bear wants to value Apple as a hardware company. Services revenue of ${bn(F.servicesRevenue)} grew ${pct(F.servicesGrowthPct)} at a ${pct(F.servicesGrossMarginPct)} gross margin, against ${pct(F.productsGrossMarginPct)} for products, and it posted a record ${bn(F.q4ServicesRevenue)} in the last quarter alone. That mix shift is why the group gross margin is ${pct(F.grossMarginPct)} and the operating margin ${pct(F.operatingMarginPct)}.\n\n- Every point of Services growth adds more profit than a point of hardware growth.\n- The installed base that feeds Services keeps widening with each iPhone cycle.\n- Net income of ${bn(F.netIncome)} shows how much of the revenue reaches shareholders.`,
		},
		{
			heading: 'A cash machine that shrinks the share count',
			body: `Free cash flow over the last twelve months was ${bn(F.freeCashFlow)}, a ${pct(F.fcfYieldPct)} yield on a ${tn(F.marketCap)} market capitalisation. Apple spent ${bn(F.buybacks)} on buybacks in FY2026 and announced a new ${bn(F.buybackAuthorization)} authorisation, on top of a dividend of ${usd(F.dividendAnnual)} a year. The balance sheet still holds ${bn(F.cash)} of cash and marketable securities against ${bn(F.totalDebt)} of debt, a net cash position of ${bn(F.netCash)}. My opponent calls the buyback financial engineering; I call it a compounding machine that turns ${(F.sharesOutstanding / 1e9).toFixed(2)}B shares into fewer shares every year.`,
		},
		{
			heading: 'Valuation: a premium that is earned',
			body: `Yes, the stock trades at ${times(F.peTrailing)} trailing and ${times(F.peForward)} forward earnings, and the PEG ratio is ${F.peg}. I will not pretend that is cheap. But the bear treats the multiple as if it were attached to a no-growth hardware vendor. Consensus long-term EPS growth is ${pct(F.longTermEpsGrowthPct)}, and a business with a ${pct(F.operatingMarginPct)} operating margin, net cash and a recurring Services stream deserves a premium. To counter the "no margin of safety" point: the margin of safety is the cash flow itself, which covers the buyback and the dividend with room to spare.`,
		},
		{
			heading: 'The tape and the Street agree',
			body: `- Price: ${usd(F.lastPrice)}, above the 50-day average of ${usd(F.sma50)} and the 200-day average of ${usd(F.sma200)}.\n- Momentum: RSI(14) at ${F.rsi14}, positive but not overbought; MACD at ${F.macd} over a signal of ${F.macdSignal}, a bullish crossover on 2026-11-13 with a histogram of ${F.macdHistogram}.\n- Range: well above the 52-week low of ${usd(F.low52w)} and within reach of the 52-week high of ${usd(F.high52w)}.\n- Street: ${F.ratingsBuy} Buy and ${F.ratingsHold} Hold ratings among ${F.analystCount} analysts, a mean target of ${usd(F.targetMean)} (${pct(F.targetUpsidePct)} above the last price) and a high of ${usd(F.targetHigh)}.\n\nVolume of ${(F.volume / 1e6).toFixed(1)}M shares against a 30-day average of ${(F.avgVolume30d / 1e6).toFixed(1)}M is quiet, not distribution.`,
		},
		{
			heading: 'What the bear gets right, and why it is not enough',
			body: `I will grant the bear two things. First, the multiple is demanding, and a stock at ${times(F.peForward)} forward earnings will not forgive a bad quarter. Second, the legal calendar is crowded, in Europe and in the United States at once. But a debate is about weighing, not listing. Against a full multiple we have accelerating revenue, a Services stream compounding in the double digits and a capital-return programme that retires shares every quarter. Against legal risk we have a company that has absorbed regulatory changes for years while its Services line kept growing. The bear's argument is a list of things that could go wrong; mine is a record of what is going right, measured in the reported numbers rather than in scenarios.`,
		},
		{
			heading: "Rebutting the bear's risks",
			body: `Regulation: the European Commission's new Digital Markets Act case can in theory bring fines of up to ${F.dmaFineCapPct}% of global revenue, but that is a ceiling, not a forecast, and Apple has adapted its App Store terms before without breaking the Services trend. Antitrust: the DOJ trial is set for March 2027, and the roughly ${bn(F.googleSearchPayments)} a year from Google is at risk only in the worst outcome, more than a year away. China: Greater China revenue of ${bn(F.chinaRevenue)} fell ${pct(F.chinaGrowthPct)}, but the new iPhone is gaining and Huawei's share held at ${F.huaweiSharePct}%, so the feared collapse is not happening. Volatility: with a beta of ${F.beta} and an ATR(14) of ${usd(F.atr14)}, the risk is manageable with sensible stops.`,
		},
		{
			heading: 'What would change my mind',
			body: `A good bull should say what would make them wrong, so here it is:\n\n- Services growth falling well below the current ${pct(F.servicesGrowthPct)}, which would undermine the margin story.\n- A December quarter that misses the guided ${F.guidanceGrowthLowPct}-${F.guidanceGrowthHighPct}% growth, which would end the re-acceleration argument.\n- A decisive close below the 200-day average of ${usd(F.sma200)}, which would break the trend.\n- An adverse ruling in the DOJ case that removes the Google payment outright.\n\nNone of these is happening today, which is exactly why the bull case holds.`,
		},
		{
			heading: 'Conclusion',
			body: `${v.pick('bull-close', ['So, to the bear:', 'To sum up for my bear counterpart:', 'My answer to the bear, then:'])} the growth is accelerating, the margin mix is improving, the cash returns are enormous and the trend is up. The risks are real but priced, bounded and distant. Paying a premium for Apple has rarely been a mistake when the company was growing Services, buying back stock and beating its own guidance, and that is exactly the situation today. The bull case is the stronger one, and the evidence above is why.`,
		},
	];
}

export function bullReply(model: string, quality: QualityTier): string {
	const v = variantFor(model);
	return debateReply(quality, {
		title: v.pick('bull-title', ['Bull Case for AAPL', 'The Bull Case: Apple (AAPL)', 'Why AAPL Is a Buy']),
		sections: sections(v),
		goodKeep: [0, 1, 3, 4, 5, 6, 10],
		unsupported: 'Wearables revenue should top $45.0B next year, another leg of growth.',
		partial: `The bear worries about valuation, but I think that misses the bigger picture. Apple is a strong long-term holding. Services revenue of ${bn(F.servicesRevenue)} is growing ${pct(F.servicesGrowthPct)} with high margins, the company produced ${bn(F.freeCashFlow)} of free cash flow, and the stock trades above its 200-day average. The valuation is high, but quality companies usually deserve a premium, and the buyback keeps supporting earnings per share. I think the upside outweighs the risks.\n\nThe company also has a loyal customer base and a strong ecosystem, which make its revenue more predictable than that of most hardware companies. New products and features should keep customers upgrading, and the balance sheet gives management room to keep investing while returning cash. Regulation and competition are worth watching, but they have been around for years and Apple has handled them well so far. Overall, I would stay bullish on the stock.`,
		vague: v.pick('bull-vague', [
			'Apple is a great company with an amazing brand and loyal customers. Its products are popular all over the world and it keeps innovating. I believe the stock will do well in the long run because the company is strong and well managed.',
			'Apple has a very strong brand and an ecosystem people love. The company is innovative and well run, so the stock should keep doing well over time. Investors can feel confident holding it for the long term.',
		]),
	});
}
