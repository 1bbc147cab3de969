// Is the answer about the market it was given? The context names its company and ticker in its
// heading ("# Market context: Apple Inc. (AAPL), ..."); an answer that never names them and puts
// another ticker in their place ("MSFT at $271.35") is the context's figures relabelled, not an
// analysis of this stock. Without a heading there is nothing to check.
import {findLastPrice} from './grounding.js';

export type MarketSubject = {ticker: string; company: string};

export type SubjectCheck = {ok: boolean; note: string};

/** The ticker and the company's first name word from the context heading, or null. */
export function marketSubject(context: string): MarketSubject | null {
	const heading = /^# Market context:\s*(?:The\s+)?([A-Z][\w&.-]*)[^\n(]*\(([A-Z][A-Z0-9.]{0,9})\)/m.exec(context);
	if (!heading?.[1] || !heading[2]) return null;
	return {company: heading[1].replace(/[.,]+$/, ''), ticker: heading[2]};
}

// Capitals that are words or abbreviations in a trade note, not tickers.
const NOT_TICKERS = new Set(
	'BUY SELL HOLD FINAL TRANSACTION PROPOSAL ACTION ENTRY STOP LOSS TARGET PRICE POSITION SIZING SIZE TIME HORIZON RISK REWARD NOTE THE AND ATR RSI MACD EPS PEG FCF TTM YOY QOQ USD CEO CFO AI US USA EU UK ETF IPO GDP CPI FOMC FED SEC DOJ DMA ROI ROE ROIC NAV NYSE NASDAQ SMA EMA ADX VWAP OTC ATH EV EBIT EBITDA DCF TAM ASP GPU CPU API IT PE FY NA OK'.split(' '),
);

// A ticker in the place of the subject: "MSFT at $271.35", "MSFT closed", "(MSFT)", "MSFT shares".
const SUBJECT_TICKER = /\(([A-Z]{2,5})\)|\b([A-Z]{2,5})\b(?=\s+(?:at|closed|closes|trades|is trading|is at|sits|holds|shares|stock)\b)/g;

// "MSFT at $271.35": another ticker quoted at this market's last price.
const TICKER_AT_PRICE = /\b([A-Z]{2,5})\b\s+(?:at|closed at|trades at|is at|trading at)\s+\$?(\d[\d,]*(?:\.\d+)?)/g;

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function checkSubject(text: string, context: string): SubjectCheck {
	const subject = marketSubject(context);
	if (!subject) return {ok: true, note: 'no ticker in the context to check'};
	const names = new RegExp(`\\b(?:${escape(subject.ticker)}|${escape(subject.company)})\\b`, 'i');
	const others = new Set<string>();
	for (const match of text.matchAll(SUBJECT_TICKER)) {
		const ticker = match[1] ?? match[2] ?? '';
		if (ticker === subject.ticker || NOT_TICKERS.has(ticker) || context.includes(ticker)) continue;
		others.add(ticker);
	}
	const last = findLastPrice(context);
	const atLastPrice = [...text.matchAll(TICKER_AT_PRICE)].some(
		(match) => others.has(match[1] ?? '') && last !== null && Math.abs(Number((match[2] ?? '').replace(/,/g, '')) - last) < 0.01 * last,
	);
	if (others.size > 0 && (atLastPrice || !names.test(text))) {
		return {ok: false, note: `about ${[...others].join(', ')}, not ${subject.ticker}: the context's figures under another name`};
	}
	return {ok: true, note: names.test(text) ? `about ${subject.ticker}` : `no company named`};
}
