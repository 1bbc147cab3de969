import {describe, expect, it} from 'vitest';
import {analystTools, traderProposalTool} from '../../source/prompts/tools.js';
import {parseTools} from '../../source/simulator/conversation.js';
import {parseKeepAlive} from '../../source/simulator/keepAlive.js';
import {tokenize} from '../../source/simulator/tokenize.js';
import {chooseTool, decideToolTurn} from '../../source/simulator/toolDecision.js';

const tools = parseTools([...analystTools, traderProposalTool]);

describe('tool choice', () => {
	it.each([
		['Fetch OHLCV prices for AAPL', 'get_stock_data'],
		['Compute the 50-day moving average of AAPL', 'get_indicators'],
		['Latest headlines on AAPL', 'get_news'],
		['What is the P/E and balance sheet of AAPL?', 'get_fundamentals'],
		['Make your final trade decision: buy, hold or sell AAPL?', 'TraderProposal'],
	])('%s -> %s', (text, name) => {
		expect(chooseTool(tools, text)?.name).toBe(name);
	});

	it('is deterministic: the same request gives the same turn', () => {
		const input = {behaviour: 'good' as const, tools, messages: [{role: 'user', content: 'RSI for AAPL on 2026-08-20'}], useCount: 1};
		expect(decideToolTurn(input)).toEqual(decideToolTurn(input));
	});

	it('defaults look_back_days to 30 and reads a stated one', () => {
		const turn = (content: string) => decideToolTurn({behaviour: 'good', tools, messages: [{role: 'user', content}], useCount: 1});
		expect(turn('RSI for AAPL on 2026-08-20')).toMatchObject({kind: 'call', call: {arguments: {look_back_days: 30}}});
		expect(turn('RSI for AAPL on 2026-08-20 over the last 60 days')).toMatchObject({kind: 'call', call: {arguments: {look_back_days: 60}}});
	});

	it('derives a stop below the entry when the text gives none', () => {
		const turn = decideToolTurn({behaviour: 'good', tools: parseTools([traderProposalTool]), messages: [{role: 'user', content: 'Propose a trade; AAPL trades at $200.'}], useCount: 1});
		expect(turn).toMatchObject({kind: 'call', call: {arguments: {action: 'Buy', entry_price: 200, stop_loss: 186}}});
	});
});

describe('keep_alive', () => {
	it.each([
		[undefined, {kind: 'for', ms: 300_000}],
		['30m', {kind: 'for', ms: 1_800_000}],
		['1h30m', {kind: 'for', ms: 5_400_000}],
		[120, {kind: 'for', ms: 120_000}],
		[0, {kind: 'unload'}],
		['0', {kind: 'unload'}],
		[-1, {kind: 'forever'}],
		['-1m', {kind: 'forever'}],
	])('%s', (value, expected) => {
		expect(parseKeepAlive(value)).toEqual(expected);
	});
});

describe('tokenizer', () => {
	it('counts words and concatenates back to the text', () => {
		const text = 'Apple  earns $94.9B\nin revenue. ';
		expect(tokenize(text)).toHaveLength(5);
		expect(tokenize(text).join('')).toBe(text);
		expect(tokenize('')).toEqual([]);
	});
});
