import {Ollama} from 'ollama';
import {afterEach, describe, expect, it} from 'vitest';
import {analystTools, traderProposalTool, validateTraderProposal} from '../../source/prompts/tools.js';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle, ToolBehaviour} from '../../source/simulator/index.js';
import {profileFor} from '../../source/simulator/profiles.js';
import {ndjson, post, sse} from './wireHelpers.js';
import type {Json} from './wireHelpers.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const STOCK_ASK = 'Get the daily OHLCV price data for AAPL from 2026-07-01 to 2026-08-20.';

async function withBehaviour(tools: ToolBehaviour): Promise<SimulatorHandle> {
	return startSimulator({profiles: [profileFor('qwen2.5:14b', {tools})], installed: ['qwen2.5:14b']});
}

async function nativeChat(messages: unknown[], tools: readonly unknown[] = analystTools): Promise<Json[]> {
	return ndjson(await post(`${sim?.url}/api/chat`, {model: 'qwen2.5:14b', messages, tools}));
}

function callsIn(lines: Json[]): Json[] {
	return lines.flatMap((line) => ((line['message'] as Json | undefined)?.['tool_calls'] as Json[] | undefined) ?? []);
}

describe('tool calling on /api/chat', () => {
	it('sends one call chunk with an id, an index and arguments as an object, then the done chunk', async () => {
		sim = await withBehaviour('good');
		const lines = await nativeChat([{role: 'user', content: STOCK_ASK}]);
		expect(lines).toHaveLength(2);
		const call = callsIn(lines)[0] ?? {};
		expect(String(call['id'])).toMatch(/^call_[a-z0-9]{8}$/);
		expect(call['function']).toEqual({
			index: 0,
			name: 'get_stock_data',
			arguments: {symbol: 'AAPL', start_date: '2026-07-01', end_date: '2026-08-20'},
		});
		expect(lines[1]).toMatchObject({done: true, done_reason: 'stop', message: {role: 'assistant', content: ''}});
	});

	it.each([
		['What is the 14-day RSI of NVDA as of 2026-08-20?', 'get_indicators', {symbol: 'NVDA', indicator: 'rsi', curr_date: '2026-08-20', look_back_days: 14}],
		['Any news headlines about TSLA between 2026-08-01 and 2026-08-20?', 'get_news', {ticker: 'TSLA', start_date: '2026-08-01', end_date: '2026-08-20'}],
		['Pull the fundamentals of MSFT (P/E, balance sheet) for 2026-08-20.', 'get_fundamentals', {ticker: 'MSFT', curr_date: '2026-08-20'}],
		['Show the MACD for AAPL on 2026-08-20.', 'get_indicators', {symbol: 'AAPL', indicator: 'macd', curr_date: '2026-08-20', look_back_days: 30}],
	])('picks the right tool among several: %s', async (ask, name, args) => {
		sim = await withBehaviour('good');
		const call = callsIn(await nativeChat([{role: 'user', content: ask}]))[0] ?? {};
		expect(call['function']).toMatchObject({name, arguments: args});
	});

	it('answers from a tool result with its figures and makes no further call', async () => {
		sim = await withBehaviour('good');
		const lines = await nativeChat([
			{role: 'user', content: STOCK_ASK},
			{role: 'assistant', content: '', tool_calls: [{function: {name: 'get_stock_data', arguments: {symbol: 'AAPL'}}}]},
			{role: 'tool', tool_name: 'get_stock_data', content: 'Date,Close\n2026-08-19,227.18\n2026-08-20,229.87'},
		]);
		expect(callsIn(lines)).toEqual([]);
		const text = lines.map((line) => String((line['message'] as Json)['content'])).join('');
		expect(text).toContain('227.18');
		expect(text).toContain('229.87');
	});

	it('returns a TraderProposal structured call that passes the schema, using the figures given', async () => {
		sim = await withBehaviour('good');
		const ask = 'Give your trade proposal for AAPL. Current price $229.87; put the stop-loss at $214.50; size it at 4% of portfolio.';
		const call = callsIn(await nativeChat([{role: 'user', content: ask}], [...analystTools, traderProposalTool]))[0] ?? {};
		const fn = call['function'] as Json;
		expect(fn['name']).toBe('TraderProposal');
		expect(validateTraderProposal(fn['arguments']).ok).toBe(true);
		expect(fn['arguments']).toMatchObject({action: 'Buy', entry_price: 229.87, stop_loss: 214.5, position_sizing: '4% of portfolio'});
	});

	it("'bad-schema' sends proposal arguments that fail the schema", async () => {
		sim = await withBehaviour('bad-schema');
		const call = callsIn(await nativeChat([{role: 'user', content: 'Trade proposal for AAPL at $229.87.'}], [traderProposalTool]))[0] ?? {};
		const args = (call['function'] as Json)['arguments'] as Json;
		expect(args['action']).toBe('Maybe');
		expect(typeof args['entry_price']).toBe('string');
		expect(validateTraderProposal(args).ok).toBe(false);
	});

	it("'leaky' writes the call into content, as JSON and then as <tool_call> tags, with no tool_calls", async () => {
		sim = await withBehaviour('leaky');
		const texts: string[] = [];
		for (let i = 0; i < 2; i++) {
			const lines = await nativeChat([{role: 'user', content: STOCK_ASK}]);
			expect(callsIn(lines)).toEqual([]);
			texts.push(lines.map((line) => String((line['message'] as Json)['content'])).join(''));
		}
		expect(JSON.parse(texts[0] ?? '')).toMatchObject({name: 'get_stock_data', arguments: {symbol: 'AAPL'}});
		expect(texts[1]).toMatch(/^<tool_call>\n\{"name":"get_stock_data".*\}\n<\/tool_call>$/s);
	});

	it("'wrong-args' calls the right tool with another ticker and swapped dates", async () => {
		sim = await withBehaviour('wrong-args');
		const call = callsIn(await nativeChat([{role: 'user', content: STOCK_ASK}]))[0] ?? {};
		expect(call['function']).toMatchObject({name: 'get_stock_data', arguments: {symbol: 'MSFT', start_date: '2026-08-20', end_date: '2026-07-01'}});
	});

	it("'loops' keeps calling after the result arrives", async () => {
		sim = await withBehaviour('loops');
		const lines = await nativeChat([
			{role: 'user', content: STOCK_ASK},
			{role: 'assistant', content: '', tool_calls: [{function: {name: 'get_stock_data', arguments: {symbol: 'AAPL'}}}]},
			{role: 'tool', content: '229.87'},
		]);
		expect(callsIn(lines)).toHaveLength(1);
	});

	it("'unsupported' answers 400 with the fully qualified name", async () => {
		sim = await withBehaviour('unsupported');
		const response = await post(`${sim.url}/api/chat`, {model: 'qwen2.5:14b', messages: [{role: 'user', content: STOCK_ASK}], tools: analystTools});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({error: 'registry.ollama.ai/library/qwen2.5:14b does not support tools'});
	});

	it('gives plain text when the request has no tools', async () => {
		sim = await withBehaviour('good');
		const lines = await ndjson(await post(`${sim.url}/api/chat`, {model: 'qwen2.5:14b', messages: [{role: 'user', content: STOCK_ASK}]}));
		expect(callsIn(lines)).toEqual([]);
	});

	it('delivers tool calls to the real ollama client', async () => {
		sim = await withBehaviour('good');
		const client = new Ollama({host: sim.url});
		const calls = [];
		for await (const part of await client.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: STOCK_ASK}], tools: [...analystTools], stream: true})) {
			calls.push(...(part.message.tool_calls ?? []));
		}
		expect(calls[0]?.function).toMatchObject({name: 'get_stock_data', arguments: {symbol: 'AAPL'}});
	});
});

describe('tool calling on /v1/chat/completions', () => {
	it('streams the call with arguments as a JSON string and finish_reason tool_calls', async () => {
		sim = await withBehaviour('good');
		const frames = await sse(await post(`${sim.url}/v1/chat/completions`, {model: 'qwen2.5:14b', stream: true, messages: [{role: 'user', content: STOCK_ASK}], tools: analystTools}));
		const chunks = frames.map((frame) => frame.data).filter((data): data is Json => typeof data === 'object');
		const deltas = chunks.map((chunk) => ((chunk['choices'] as Json[])[0] ?? {}) as Json);
		const withCall = deltas.find((choice) => (choice['delta'] as Json)['tool_calls']);
		const call = (((withCall?.['delta'] as Json)['tool_calls'] as Json[]) ?? [])[0] ?? {};
		expect(call).toMatchObject({index: 0, type: 'function', function: {name: 'get_stock_data'}});
		expect(typeof (call['function'] as Json)['arguments']).toBe('string');
		expect(JSON.parse(String((call['function'] as Json)['arguments']))).toEqual({symbol: 'AAPL', start_date: '2026-07-01', end_date: '2026-08-20'});
		expect(deltas.at(-1)?.['finish_reason']).toBe('tool_calls');
		expect(frames.at(-1)?.data).toBe('[DONE]');
	});

	it('accepts OpenAI-shaped tool results (tool_call_id, string arguments) and answers in text', async () => {
		sim = await withBehaviour('good');
		const response = await post(`${sim.url}/v1/chat/completions`, {
			model: 'qwen2.5:14b',
			messages: [
				{role: 'user', content: STOCK_ASK},
				{role: 'assistant', content: null, tool_calls: [{id: 'call_1', type: 'function', function: {name: 'get_stock_data', arguments: '{"symbol":"AAPL"}'}}]},
				{role: 'tool', tool_call_id: 'call_1', content: 'close 229.87'},
			],
			tools: analystTools,
		});
		const body = (await response.json()) as Json;
		const choice = (body['choices'] as Json[])[0] ?? {};
		expect(choice['finish_reason']).toBe('stop');
		expect(String((choice['message'] as Json)['content'])).toContain('229.87');
	});

	it("wraps 'does not support tools' in the OpenAI error shape with status 400", async () => {
		sim = await withBehaviour('unsupported');
		const response = await post(`${sim.url}/v1/chat/completions`, {model: 'qwen2.5:14b', messages: [{role: 'user', content: 'x'}], tools: analystTools});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: {message: 'registry.ollama.ai/library/qwen2.5:14b does not support tools', type: 'invalid_request_error', param: null, code: null},
		});
	});
});
