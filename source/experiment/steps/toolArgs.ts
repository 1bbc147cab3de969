// Checking a tool call against what the request asked for. Tickers compare case-insensitively
// (the data vendors upper-case them); dates must be the exact ISO strings the request named.
import type {ToolCall} from '../../providers/types.js';

export type ExpectedCall = {
	name: string;
	/** A string must match exactly (tickers: ignoring case); a RegExp must match the value. */
	args: Record<string, string | RegExp>;
};

const TICKER_KEYS = new Set(['symbol', 'ticker']);

/**
 * True when the wire carried argument text that is not a JSON object (/v1 sends arguments as a
 * string; the adapter keeps it as `rawArguments` and parses what it can). An empty string is no arguments.
 */
function argumentsNotJson(raw: string | undefined): boolean {
	if (raw === undefined || raw.trim() === '') return false;
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed);
	} catch {
		return true;
	}
}

/** Why the call is wrong, or null when it is what the request asked for. */
export function checkCall(call: ToolCall, expected: ExpectedCall): string | null {
	if (call.name !== expected.name) return `called ${call.name || '(no name)'} instead of ${expected.name}`;
	// Without this, every argument reads as "missing", which sends the reader after the wrong failure.
	if (argumentsNotJson(call.rawArguments)) return `the arguments were not a JSON object (${call.rawArguments!.length} characters the tool could not read)`;
	const wrong: string[] = [];
	for (const [key, want] of Object.entries(expected.args)) {
		const got = call.arguments[key];
		if (got === undefined || got === null || got === '') {
			wrong.push(`${key} missing`);
			continue;
		}
		const text = typeof got === 'string' ? got.trim() : JSON.stringify(got);
		const ok = want instanceof RegExp ? want.test(text) : TICKER_KEYS.has(key) ? text.toUpperCase() === want.toUpperCase() : text === want;
		if (!ok) wrong.push(`${key} ${JSON.stringify(got)} (expected ${want instanceof RegExp ? want.source : want})`);
	}
	return wrong.length === 0 ? null : `wrong arguments: ${wrong.join(', ')}`;
}

/** e.g. get_stock_data(symbol=AAPL, start_date=2025-01-02, end_date=2025-03-31) */
export function describeCall(call: ToolCall): string {
	const args = Object.entries(call.arguments)
		.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
		.join(', ');
	return `${call.name}(${args})`;
}
