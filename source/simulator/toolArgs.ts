// Reads a request's user text the way a competent model would: the ticker, the dates, the
// indicator and the price levels it mentions, to fill a tool call's arguments.
import {isRecord} from './wire.js';
import type {SimTool} from './conversation.js';

// Upper-case words that are not tickers in this pipeline's prompts.
const NOT_TICKERS = new Set([
	'A', 'I', 'AI', 'API', 'ATR', 'BUY', 'CEO', 'CFO', 'EMA', 'EPS', 'ETF', 'FINAL', 'GDP', 'HOLD', 'JSON', 'MACD', 'MFI', 'OHLC',
	'OHLCV', 'OK', 'P', 'E', 'PE', 'Q', 'RSI', 'SELL', 'SMA', 'US', 'USA', 'USD', 'VWMA', 'YOY', 'TTM', 'FCF', 'EBIT', 'NOTE',
]);

const INDICATORS: {pattern: RegExp; name: string}[] = [
	{pattern: /\brsi\b|relative strength/i, name: 'rsi'},
	{pattern: /\bmacd\b/i, name: 'macd'},
	{pattern: /\batr\b|average true range/i, name: 'atr'},
	{pattern: /boll/i, name: 'boll'},
	{pattern: /\bvwma\b/i, name: 'vwma'},
	{pattern: /\bmfi\b/i, name: 'mfi'},
	{pattern: /200[- ]?day|200 sma|close_200_sma/i, name: 'close_200_sma'},
	{pattern: /\b10[- ]?(?:day )?ema\b|close_10_ema/i, name: 'close_10_ema'},
	{pattern: /50[- ]?day|50 sma|close_50_sma|moving average|\bsma\b/i, name: 'close_50_sma'},
];

export function findTickers(text: string): string[] {
	const words = text.match(/\b[A-Z]{1,5}\b/g) ?? [];
	return [...new Set(words.filter((word) => !NOT_TICKERS.has(word)))];
}

export function findDates(text: string): string[] {
	return text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
}

export function findIndicator(text: string, allowed: string[] | undefined): string {
	const hit = INDICATORS.find((indicator) => indicator.pattern.test(text));
	if (allowed && allowed.length > 0) {
		return allowed.find((value) => value.toLowerCase() === hit?.name) ?? allowed.find((value) => text.toLowerCase().includes(value.toLowerCase())) ?? allowed[0] ?? 'rsi';
	}
	return hit?.name ?? 'rsi';
}

export function findLookBack(text: string): number {
	const match = /(\d{1,4})[- ]?(?:trading[- ])?days?\b/i.exec(text);
	return match ? Number(match[1]) : 30;
}

type Price = {value: number; before: string};

export function findPrices(text: string): Price[] {
	const prices: Price[] = [];
	for (const match of text.matchAll(/\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g)) {
		const value = Number((match[1] ?? '').replace(/,/g, ''));
		if (Number.isFinite(value)) prices.push({value, before: text.slice(Math.max(0, match.index - 40), match.index).toLowerCase()});
	}
	return prices;
}

export type Levels = {entry: number; stop: number; sizing: string};

/** Entry, stop and sizing as the text states them, or sensible ones derived from the entry. */
export function findLevels(text: string): Levels {
	const prices = findPrices(text);
	const entry = prices.find((price) => /entry|current|trading at|closed at|last|price of/.test(price.before))?.value ?? prices[0]?.value ?? 100;
	const statedStop = prices.find((price) => /stop/.test(price.before) && price.value < entry)?.value;
	const stop = statedStop ?? Math.round(entry * 0.93 * 100) / 100;
	const sizing = /(\d+(?:\.\d+)?)\s?%\s*(?:of (?:the )?portfolio)/i.exec(text);
	return {entry, stop, sizing: sizing ? `${sizing[1]}% of portfolio` : '5% of portfolio'};
}

export function properties(tool: SimTool): Record<string, Record<string, unknown>> {
	const props = tool.parameters['properties'];
	if (!isRecord(props)) return {};
	const out: Record<string, Record<string, unknown>> = {};
	for (const [key, value] of Object.entries(props)) out[key] = isRecord(value) ? value : {};
	return out;
}

/** A structured-output "tool" (e.g. TraderProposal) is recognised by its `action` parameter. */
export function isStructuredTool(tool: SimTool): boolean {
	return 'action' in properties(tool);
}

export function enumValues(schema: Record<string, unknown>): string[] | undefined {
	const values = schema['enum'];
	return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : undefined;
}
