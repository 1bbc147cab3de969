// Simulated replies for the market files other than the shipped AAPL one: the figures come from
// the context the request carries ("- Label: value" lines), so each market's answers cite that
// market's numbers, and the levels follow its last price and ATR. Deterministic, by quality tier.
import {findLastPrice} from '../analysis/grounding.js';
import {findAtr} from '../analysis/riskSanity.js';
import type {Role} from '../domain/schema.js';
import type {QualityTier} from './types.js';
import {variantFor} from './replyVariant.js';

type Fact = {label: string; value: string};

export type Market = {ticker: string; last: number; atr: number; sma200: number | null; facts: Fact[]};

/** The market a prompt carries, or null when it has no "# Market context" heading or no last price. */
export function marketOf(text: string): Market | null {
	const heading = /^# Market context:.*\(([A-Z][A-Z0-9.]{0,9})\)/m.exec(text);
	const last = findLastPrice(text);
	if (!heading?.[1] || last === null) return null;
	const facts: Fact[] = [];
	for (const line of text.split('\n')) {
		const match = /^- ([^:\n]{3,60}):\s*(.+\d.*)$/.exec(line.trim());
		if (match?.[1] && match[2] && !/^\d{4}-\d{2}-\d{2}$/.test(match[1])) facts.push({label: match[1], value: match[2].split(';')[0]?.trim() ?? match[2]});
	}
	const sma200 = /200-day moving average:\s*\$?(\d+(?:\.\d+)?)/i.exec(text)?.[1];
	return {ticker: heading[1], last, atr: findAtr(text) ?? last * 0.02, sma200: sma200 ? Number(sma200) : null, facts};
}

const BULL_FORMS = [
	(f: Fact) => `The ${f.label.toLowerCase()} is ${f.value}, which supports the upside case.`,
	(f: Fact) => `Look at the ${f.label.toLowerCase()}: ${f.value} gives a patient buyer an attractive opportunity.`,
	(f: Fact) => `With the ${f.label.toLowerCase()} at ${f.value}, the strength of the franchise is easy to underrate.`,
	(f: Fact) => `I read the ${f.label.toLowerCase()} of ${f.value} as a sign that the recovery has room to run.`,
];
const BEAR_FORMS = [
	(f: Fact) => `The ${f.label.toLowerCase()} is ${f.value}, which adds to the downside risk.`,
	(f: Fact) => `Look at the ${f.label.toLowerCase()}: ${f.value} leaves the stock exposed to further pressure.`,
	(f: Fact) => `With the ${f.label.toLowerCase()} at ${f.value}, the weakness in the business is easy to underrate.`,
	(f: Fact) => `I read the ${f.label.toLowerCase()} of ${f.value} as a warning that expectations are still too high.`,
];
const ENGAGE = {
	bull: ['The bear argues that the risks dominate; the figures say otherwise.', 'My bear colleague worries about the trend, but a trend is not a thesis.', 'To counter the bear on valuation: the price already discounts a great deal of bad news.'],
	bear: ['The bull argues that the worst is priced in; the data does not show that.', 'My bull colleague points to the consensus target, but targets follow prices.', 'To counter the bull on value: a low multiple on falling earnings is not cheap.'],
} as const;

function money(value: number): string {
	return `$${value.toFixed(2)}`;
}

function debate(side: 'bull' | 'bear', market: Market, quality: QualityTier, model: string): string {
	if (quality === 'vague') return `${market.ticker} has strengths and weaknesses, and the outlook is uncertain. Investors should weigh the risks and do their own research.`;
	const forms = side === 'bull' ? BULL_FORMS : BEAR_FORMS;
	const v = variantFor(model);
	const shown = quality === 'excellent' ? market.facts : quality === 'good' ? market.facts.slice(0, Math.ceil(market.facts.length * 0.6)) : market.facts.slice(0, 4);
	const engage = quality === 'partial' ? ENGAGE[side].slice(0, 1) : ENGAGE[side];
	const open = v.pick(`${side}-market-open`, [`Let me make the ${side} case for ${market.ticker} at ${money(market.last)}.`, `Here is why I am ${side}ish on ${market.ticker} at ${money(market.last)}.`]);
	const body = shown.map((fact, i) => forms[i % forms.length]?.(fact) ?? '');
	const paragraphs: string[] = [open];
	for (let i = 0; i < body.length; i += 4) paragraphs.push(body.slice(i, i + 4).join(' '));
	paragraphs.push(engage.join(' '));
	return paragraphs.join('\n\n');
}

function trader(market: Market, quality: QualityTier, model: string): string {
	if (quality === 'vague') return `${market.ticker} could move either way from here. Investors should consider their own risk tolerance and do their own research.`;
	const short = market.sma200 !== null && market.last < market.sma200;
	const sign = short ? -1 : 1;
	const entry = market.last - sign * 0.3 * market.atr;
	const stop = entry - sign * 1.5 * market.atr;
	const target = entry + sign * 4 * market.atr;
	const decision = short ? 'SELL' : 'BUY';
	const forms = short ? BEAR_FORMS : BULL_FORMS;
	const facts = market.facts.slice(0, quality === 'excellent' ? 6 : quality === 'good' ? 3 : 2).map((fact, i) => forms[i % forms.length]?.(fact) ?? '');
	// Like the AAPL 'good' tier, one projection the context does not support.
	if (quality === 'good') facts.push('Earnings could rise 25.0% next year if the plan works.');
	const lines = [`**Action**: ${decision === 'BUY' ? 'Buy' : 'Sell'}`, '', `**Reasoning**: ${facts.join(' ')}`];
	if (quality === 'partial') return [...lines, '', `FINAL TRANSACTION PROPOSAL: **${decision}**`].join('\n');
	const v = variantFor(model);
	return [
		...lines,
		'',
		`**Entry Price**: ${money(entry)}`,
		`**Stop Loss**: ${money(stop)}, about 1.5x the ATR of ${money(market.atr)} from entry`,
		`**Price Target**: ${money(target)}`,
		`**Position Sizing**: ${v.pick('market-size', ['2% of portfolio', '3% of portfolio'])}`,
		`**Time Horizon**: ${v.pick('market-horizon', ['2-4 months', '3 months'])}`,
		'',
		`FINAL TRANSACTION PROPOSAL: **${decision}**`,
	].join('\n');
}

export function marketReply(role: Role, market: Market, model: string, quality: QualityTier): string {
	return role === 'trader' ? trader(market, quality, model) : debate(role, market, quality, model);
}
