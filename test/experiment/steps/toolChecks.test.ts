import {describe, expect, it} from 'vitest';
import {findLeakedCall} from '../../../source/experiment/steps/toolLeaks.js';
import {checkCall} from '../../../source/experiment/steps/toolArgs.js';

describe('findLeakedCall', () => {
	// The tool table's "Full reasons" lines were cut at 80 characters, mid-argument.
	it('returns the whole leaked call, to its closing tag or last brace, without the prose after it', () => {
		const call = '{"name":"get_stock_data","arguments":{"symbol":"AAPL","start_date":"2025-01-02","end_date":"2025-03-31"}}';
		expect(findLeakedCall(`<tool_call>\n${call}\n</tool_call>\nI will now analyse the data.`)).toBe(`<tool_call> ${call} </tool_call>`);
		expect(findLeakedCall(`[TOOL_CALLS] [${call}] and then some prose`)).toBe(`[TOOL_CALLS] [${call}]`);
		expect(findLeakedCall(`Sure: ${call} done.`)).toBe(call);
	});

	it('finds a call written as JSON, fenced JSON, or in <tool_call> tags', () => {
		expect(findLeakedCall('{"name": "get_news", "arguments": {"ticker": "TSLA"}}')).toContain('get_news');
		expect(findLeakedCall('Sure!\n```json\n{"name":"get_stock_data","parameters":{"symbol":"AAPL"}}\n```')).toContain('get_stock_data');
		expect(findLeakedCall('<tool_call>\n{"name":"get_indicators","arguments":{}}\n</tool_call>')).toMatch(/^<tool_call>/);
		expect(findLeakedCall('[TOOL_CALLS] [{"name":"get_news","arguments":{}}]')).not.toBeNull();
	});

	it('leaves plain answers alone, even with braces or JSON data in them', () => {
		expect(findLeakedCall('The trailing P/E is 33.87 {per the fundamentals}.')).toBeNull();
		expect(findLeakedCall('Result: {"pe": 33.87, "name": "Microsoft"}')).toBeNull();
		expect(findLeakedCall('')).toBeNull();
	});
});

describe('checkCall', () => {
	const expected = {name: 'get_stock_data', args: {symbol: 'AAPL', start_date: '2025-01-02', end_date: '2025-03-31'}};

	it('accepts the right call, ignoring the case of the ticker', () => {
		expect(checkCall({name: 'get_stock_data', arguments: {symbol: 'aapl', start_date: '2025-01-02', end_date: '2025-03-31'}}, expected)).toBeNull();
	});

	it('names the wrong tool, and each wrong or missing argument', () => {
		expect(checkCall({name: 'get_news', arguments: {}}, expected)).toBe('called get_news instead of get_stock_data');
		expect(checkCall({name: 'get_stock_data', arguments: {symbol: 'AAPL', start_date: '01/02/2025'}}, expected)).toBe(
			'wrong arguments: start_date "01/02/2025" (expected 2025-01-02), end_date missing',
		);
	});

	it.each([
		['{symbol: AAPL}', 'the arguments were not a JSON object (14 characters the tool could not read)'],
		['{"symbol": "AAPL", "start_date": "2025-01-02"', 'the arguments were not a JSON object (45 characters the tool could not read)'],
		['["AAPL"]', 'the arguments were not a JSON object (8 characters the tool could not read)'],
		['"AAPL"', 'the arguments were not a JSON object (6 characters the tool could not read)'],
		['null', 'the arguments were not a JSON object (4 characters the tool could not read)'],
		// No text is no arguments: each expected one is then missing.
		['', 'wrong arguments: symbol missing, start_date missing, end_date missing'],
		['{"symbol": "AAPL", "start_date": "2025-01-02", "end_date": "2025-03-31"}', null],
	])('arguments sent as the text %j: %s', (raw, want) => {
		const parsed = (() => {
			try {
				const value: unknown = JSON.parse(raw);
				return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
			} catch {
				return {};
			}
		})();
		expect(checkCall({name: 'get_stock_data', arguments: parsed, rawArguments: raw}, expected)).toBe(want);
	});

	it('a name that is wrong is named first, even when the arguments are not JSON', () => {
		expect(checkCall({name: 'get_news', arguments: {}, rawArguments: '{bad'}, expected)).toBe('called get_news instead of get_stock_data');
	});
});
