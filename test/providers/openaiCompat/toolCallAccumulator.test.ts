import {describe, expect, it} from 'vitest';
import {ToolCallAccumulator} from '../../../source/providers/openaiCompat/toolCallAccumulator.js';

describe('ToolCallAccumulator', () => {
	it('joins argument fragments by index and parses the JSON string', () => {
		const calls = new ToolCallAccumulator();
		calls.add([{index: 0, id: 'call_a', function: {name: 'get_stock_data', arguments: '{"symbol":'}}]);
		calls.add([{index: 1, id: 'call_b', function: {name: 'get_news', arguments: '{"ticker":"AAPL"}'}}]);
		calls.add([{index: 0, function: {arguments: '"AAPL","days":30}'}}]);
		expect(calls.result()).toEqual([
			{id: 'call_a', name: 'get_stock_data', arguments: {symbol: 'AAPL', days: 30}, rawArguments: '{"symbol":"AAPL","days":30}'},
			{id: 'call_b', name: 'get_news', arguments: {ticker: 'AAPL'}, rawArguments: '{"ticker":"AAPL"}'},
		]);
	});

	it('keeps unparsable arguments raw and gives an empty object', () => {
		const calls = new ToolCallAccumulator();
		calls.add([{index: 0, function: {name: 'propose_trade', arguments: '{"action": Maybe}'}}]);
		expect(calls.result()).toEqual([{name: 'propose_trade', arguments: {}, rawArguments: '{"action": Maybe}'}]);
	});

	it('treats a JSON array or scalar as unusable arguments', () => {
		const calls = new ToolCallAccumulator();
		calls.add([{index: 0, function: {name: 'f', arguments: '[1,2]'}}]);
		expect(calls.result()[0]?.arguments).toEqual({});
	});
});
