// Simulated bear researcher replies: one long grounded argument, cut down for lesser tiers.
import type {QualityTier} from './types.js';
import {F, bn, pct, times, tn, usd, variantFor, type Variant} from './replyVariant.js';
import {debateReply, type Section} from './replyDebate.js';

function sections(v: Variant): Section[] {
	return [
		{
			heading: null,
			body: `${v.pick('bear-open', ['Let me respond to the bull analyst directly.', 'I have listened to the bull case; now let me rebut it.', 'The bull made an eloquent argument, so let me test it against the data.'])} The bull argues that Services, buybacks and momentum justify buying AAPL at ${usd(F.lastPrice)}. My view is that the stock prices in a best case that the numbers do not support: growth is modest, the most profitable revenue is under legal attack, and the valuation leaves no room for any of it to go wrong. I will take valuation, growth, Services, capital returns, the chart and the consensus in turn, and answer each of the bull's points.`,
		},
		{
			heading: 'Valuation leaves no margin of safety',
			body: `At ${times(F.peTrailing)} trailing earnings and ${times(F.peForward)} forward, Apple is priced like a high-growth company, yet diluted EPS grew only ${pct(F.epsGrowthPct)} to ${usd(F.epsTtm)}. The PEG ratio of ${F.peg} means investors pay almost three times the growth rate, even on the consensus long-term growth estimate of ${pct(F.longTermEpsGrowthPct)}. The free-cash-flow yield is ${pct(F.fcfYieldPct)} and the dividend yield ${pct(F.dividendYieldPct)}: an investor earns very little while waiting for the growth the multiple assumes. At a ${tn(F.marketCap)} market capitalisation, even a modest de-rating would erase years of the returns the bull is counting on.`,
		},
		{
			heading: 'Hardware growth is stalling',
			body: `Revenue of ${bn(F.revenueTtm)} grew ${pct(F.revenueGrowthPct)}, barely ahead of inflation plus price increases. The iPhone still brings in ${bn(F.iphoneRevenue)}, about half of all revenue, and it grew just ${pct(F.iphoneGrowthPct)}. The bull points to one strong quarter, Q4 revenue of ${bn(F.q4Revenue)} up ${pct(F.q4RevenueGrowthPct)}, and to guidance of ${F.guidanceGrowthLowPct}-${F.guidanceGrowthHighPct}%, but one quarter of a launch cycle is not a trend. Greater China revenue of ${bn(F.chinaRevenue)} fell ${pct(F.chinaGrowthPct)}, and Huawei's share held firm at ${F.huaweiSharePct}%: the competitor the bull dismisses is not losing ground. An upgrade cycle that depends on new software features is a hope, not a forecast.`,
		},
		{
			heading: "The moat is narrower than the bull claims",
			body: `The bull describes an ecosystem nobody can leave. Regulators on two continents are working precisely to make leaving easier: opening the App Store to alternative payments and stores, forcing interoperability, and questioning default-placement deals. Each of those changes lowers switching costs at the margin. Hardware innovation has become incremental, with each new phone a slightly better version of the last, and rivals now match most of the features that once set the iPhone apart. Pricing power is real at the top of the range, but it is exactly the kind of advantage that erodes slowly and then suddenly when a product cycle disappoints.\n\n- Interoperability rules weaken the lock-in the bull relies on.\n- Competitors in China and elsewhere match features at lower prices.\n- Premium pricing depends on a perception of innovation that is harder to sustain every year.`,
		},
		{
			heading: "Services: the profit engine is under legal attack",
			body: `I agree with the bull that Services is where the profit is: ${bn(F.servicesRevenue)} of revenue at a ${pct(F.servicesGrossMarginPct)} gross margin, against ${pct(F.productsGrossMarginPct)} for products. That is exactly why the legal risk matters so much. The European Commission opened a second Digital Markets Act case on 2026-11-06, with fines of up to ${F.dmaFineCapPct}% of global revenue. In the United States, the DOJ antitrust trial is set for March 2027, and the roughly ${bn(F.googleSearchPayments)} a year Apple receives from Google for default search, almost pure profit, is under review. Take those payments away and a large slice of the ${pct(F.operatingMarginPct)} operating margin goes with them.`,
		},
		{
			heading: 'Buybacks flatter the per-share numbers',
			body: `The bull celebrates ${bn(F.buybacks)} of buybacks and a new ${bn(F.buybackAuthorization)} authorisation. But that spending consumed most of the ${bn(F.freeCashFlow)} of free cash flow, and much of the EPS growth comes from a shrinking share count rather than from a growing business. Net income of ${bn(F.netIncome)} is impressive, yet buying back stock at ${times(F.peTrailing)} earnings is an expensive way to return cash. The balance sheet is strong but no longer a fortress: ${bn(F.cash)} of cash against ${bn(F.totalDebt)} of debt leaves net cash of ${bn(F.netCash)}, a fraction of one year's buyback.`,
		},
		{
			heading: 'The chart is weaker than it looks',
			body: `- Volume: today's ${(F.volume / 1e6).toFixed(1)}M shares is below the 30-day average of ${(F.avgVolume30d / 1e6).toFixed(1)}M; the rally lacks conviction.\n- Resistance: the stock is still below the 52-week high of ${usd(F.high52w)}, which has capped it since July.\n- Support: the 50-day average at ${usd(F.sma50)} is the first line; below it, the 200-day at ${usd(F.sma200)} is well under the price.\n- Volatility: an ATR(14) of ${usd(F.atr14)} and a beta of ${F.beta} mean a bad headline moves this stock quickly.\n\nThe bull's MACD crossover (histogram ${F.macdHistogram}) is a short-term signal, and RSI(14) at ${F.rsi14} says momentum is neither strong nor oversold.`,
		},
		{
			heading: 'Execution risks the bull ignores',
			body: `Apple's strength has always been execution, and that is now priced as a certainty. Supply chains remain concentrated in a few countries, which exposes margins to tariffs and to political shocks between the United States and China. The push into on-device intelligence puts Apple in a race where it is not the leader, and the bull's upgrade-cycle thesis assumes customers will pay up for features rivals already offer. Meanwhile the company must defend its Services pricing against regulators, app developers and its own users at the same time. None of these risks needs to materialise in full to hurt the stock; at this valuation, a partial disappointment is enough.`,
		},
		{
			heading: 'The consensus is crowded',
			body: `${F.ratingsBuy} of ${F.analystCount} analysts already rate the stock a Buy, with ${F.ratingsHold} Holds. When nearly everyone is positive, the marginal buyer is scarce. The mean target of ${usd(F.targetMean)} is only ${pct(F.targetUpsidePct)} above the last price, a thin reward for the risks above, while the low target of ${usd(F.targetLow)} shows how far the stock could fall if the legal cases go badly. The bull quotes the high target of ${usd(F.targetHigh)}; I would weigh the distribution, not its best tail.`,
		},
		{
			heading: 'Rebutting the bull point by point',
			body: `The bull says growth is re-accelerating; I say one quarter of ${pct(F.q4RevenueGrowthPct)} after a year of ${pct(F.revenueGrowthPct)} is a launch effect. The bull says Services is a compounding engine; I agree, and that is why the legal threats to its most profitable parts are the central risk, not a footnote. The bull says the buyback is a compounding machine; I counter that it is an expensive use of cash at this multiple. The bull says the tape agrees; I note that the rally runs on below-average volume into resistance. On each point the bull describes the best case and calls it the base case.`,
		},
		{
			heading: 'What would make me less bearish',
			body: `To be fair to the other side, here is what would change my view:\n\n- A price well below the mean target, closer to the low of ${usd(F.targetLow)}, which would restore a margin of safety.\n- A clear legal outcome in Europe and in the DOJ case that leaves the Google payments intact.\n- Greater China returning to growth, not just one model selling better.\n\nUntil then, the risk-reward is skewed to the downside.`,
		},
		{
			heading: 'Conclusion',
			body: `${v.pick('bear-close', ['So, to the bull:', 'My answer to the bull analyst, then:', 'To sum up for my bull counterpart:'])} Apple is a great company, but that is not the question. The question is whether AAPL at ${usd(F.lastPrice)} rewards the risk, and at ${times(F.peForward)} forward earnings, with mid-single-digit growth and its richest profits under legal review, it does not. The prudent course is to avoid new buying, or to trim into strength near ${usd(F.high52w)}. Investors who already own the stock should size it as a mature, fully valued holding rather than a growth compounder, and keep cash ready for the better entry that a legal setback or a soft holiday quarter would offer. Patience costs little here; overpaying could cost a great deal.`,
		},
	];
}

export function bearReply(model: string, quality: QualityTier): string {
	const v = variantFor(model);
	return debateReply(quality, {
		title: v.pick('bear-title', ['Bear Case for AAPL', 'The Bear Case: Apple (AAPL)', 'Why AAPL Is Not a Buy Here']),
		sections: sections(v),
		goodKeep: [0, 1, 2, 4, 5, 6, 11],
		unsupported: 'Services growth could slow to 4.5% if the anti-steering case goes against Apple.',
		partial: `The bull is too optimistic. Apple trades at ${times(F.peForward)} forward earnings while revenue grew only ${pct(F.revenueGrowthPct)}, which is expensive for a company of this size. Regulators in Europe and the United States are also looking at the App Store and the Google search deal, and China remains difficult. I think the risks are bigger than the market assumes.\n\nThe stock has done well, but a lot of good news is already in the price. Competition is getting stronger, and new products have not changed the picture much. Investors should be careful about buying at these levels and wait for a better entry point, or reduce exposure if they already own a lot of it.`,
		vague: v.pick('bear-vague', [
			'Apple is a good company, but the stock might be expensive and there are risks. Competition is strong and the economy is uncertain. Investors should be careful and think about the downside before buying.',
			'There are some risks with Apple, such as competition, regulation and the economy. The stock may be overvalued. It might be wise to be cautious and wait.',
		]),
	});
}
