// What a simulated model does when it is sent tools: which tool it calls and with what, or the
// text it writes instead, per its ToolBehaviour. Pure: the same request gives the same turn.
import type {SimMessage, SimTool, SimToolCall} from './conversation.js';
import {enumValues, findDates, findIndicator, findLevels, findLookBack, findTickers, isStructuredTool, properties} from './toolArgs.js';
import type {ToolBehaviour} from './types.js';

export type ToolTurn = {kind: 'call'; call: SimToolCall} | {kind: 'text'; text: string};

export type ToolTurnInput = {
	behaviour: Exclude<ToolBehaviour, 'unsupported'>;
	tools: SimTool[];
	messages: SimMessage[];
	/** How many requests this model has served; alternates the leak style. */
	useCount: number;
};

const TOPICS: {tool: RegExp; words: RegExp}[] = [
	{tool: /stock|price|ohlc|quote/i, words: /\bprices?\b|ohlcv?|stock data|\bquotes?\b|closing|\bvolume\b|historical|trading data/gi},
	{tool: /indicator|technical/i, words: /indicators?|\brsi\b|\bmacd\b|moving average|\bsma\b|\bema\b|bollinger|\batr\b|technical/gi},
	{tool: /news|headline/i, words: /\bnews\b|headlines?|articles?|press/gi},
	{tool: /fundamental|financial|balance|income|cash/i, words: /fundamentals?|p\/e|\bpe ratio|balance sheet|earnings|revenue|valuation|income statement|cash ?flow|margins?/gi},
];
const STRUCTURED_WORDS = /proposal|propose|\btrade\b|decision|decide|\bbuy\b|\bsell\b|\bhold\b|position|entry|stop[- ]loss/gi;

function hits(text: string, pattern: RegExp): number {
	return text.match(pattern)?.length ?? 0;
}

function score(tool: SimTool, text: string): number {
	let total = 0;
	if (isStructuredTool(tool)) total += 3 * hits(text, STRUCTURED_WORDS);
	for (const topic of TOPICS) if (topic.tool.test(tool.name)) total += 3 * hits(text, topic.words);
	for (const word of tool.name.toLowerCase().split(/[_\W]+/)) {
		if (word.length > 2 && word !== 'get' && text.toLowerCase().includes(word)) total += 1;
	}
	return total;
}

/** The tool whose name and purpose best match the user's words; the first one on a tie. */
export function chooseTool(tools: SimTool[], text: string): SimTool | undefined {
	let best: SimTool | undefined;
	let bestScore = -1;
	for (const tool of tools) {
		const value = score(tool, text);
		if (value > bestScore) {
			best = tool;
			bestScore = value;
		}
	}
	return best;
}

function required(tool: SimTool): Set<string> {
	const list = tool.parameters['required'];
	return new Set(Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
}

function filler(schema: Record<string, unknown>): unknown {
	switch (schema['type']) {
		case 'integer':
		case 'number':
			return 0;
		case 'boolean':
			return false;
		default:
			return enumValues(schema)?.[0] ?? '';
	}
}

function yearEarlier(date: string): string {
	return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}

function dataArguments(tool: SimTool, text: string, wrong: boolean): Record<string, unknown> {
	const found = findTickers(text)[0] ?? 'AAPL';
	const ticker = wrong ? (found === 'MSFT' ? 'AAPL' : 'MSFT') : found;
	let dates = findDates(text);
	if (dates.length === 0) dates = ['2026-08-21'];
	if (wrong) dates = dates.length > 1 ? [...dates].reverse() : dates.map(yearEarlier);
	const needed = required(tool);
	const args: Record<string, unknown> = {};
	for (const [key, schema] of Object.entries(properties(tool))) {
		const name = key.toLowerCase();
		if (/symbol|ticker/.test(name)) args[key] = ticker;
		else if (/indicator/.test(name)) args[key] = findIndicator(text, enumValues(schema));
		else if (/look_?back|days/.test(name)) args[key] = findLookBack(text);
		else if (/start|from|begin|since/.test(name) && /date|day|time|^from$|^since$/.test(name)) args[key] = dates[0];
		else if (/end|until|^to$/.test(name)) args[key] = dates[1] ?? dates[0];
		else if (/date/.test(name)) args[key] = dates[dates.length - 1];
		else if (needed.has(key)) args[key] = filler(schema);
	}
	return args;
}

type StructuredMode = 'good' | 'wrong' | 'bad-schema';

function structuredArguments(tool: SimTool, text: string, mode: StructuredMode): Record<string, unknown> {
	const levels = findLevels(text);
	const ticker = findTickers(text)[0] ?? 'the stock';
	const entry = mode === 'wrong' ? levels.stop : levels.entry;
	const stop = mode === 'wrong' ? levels.entry : levels.stop;
	const values: Record<string, unknown> = {
		action: mode === 'bad-schema' ? 'Maybe' : 'Buy',
		reasoning:
			`The plan's bull case for ${ticker} rests on durable services growth and a strong balance sheet. ` +
			`Entering near $${entry} with a stop at $${stop} keeps the downside defined while the thesis plays out.`,
		entry_price: mode === 'bad-schema' ? `around $${entry}` : entry,
		stop_loss: stop,
		position_sizing: levels.sizing,
	};
	const needed = required(tool);
	const args: Record<string, unknown> = {};
	for (const [key, schema] of Object.entries(properties(tool))) {
		if (key === 'action' && mode !== 'bad-schema') {
			args[key] = enumValues(schema)?.find((value) => value.toLowerCase() === 'buy') ?? 'Buy';
		} else if (key in values) args[key] = values[key];
		else if (needed.has(key)) args[key] = filler(schema);
	}
	return args;
}

function callFor(tool: SimTool, text: string, behaviour: ToolTurnInput['behaviour']): SimToolCall {
	if (isStructuredTool(tool)) {
		const mode: StructuredMode = behaviour === 'bad-schema' ? 'bad-schema' : behaviour === 'wrong-args' ? 'wrong' : 'good';
		return {name: tool.name, arguments: structuredArguments(tool, text, mode)};
	}
	return {name: tool.name, arguments: dataArguments(tool, text, behaviour === 'wrong-args')};
}

/** A model that never learned the tool format writes the call as text (ollama#11185). */
function leak(call: SimToolCall, useCount: number): string {
	const json = JSON.stringify({name: call.name, arguments: call.arguments});
	return useCount % 2 === 1 ? json : `<tool_call>\n${json}\n</tool_call>`;
}

function answerFromResults(messages: SimMessage[]): string {
	const lastAssistant = messages.map((message) => message.role).lastIndexOf('assistant');
	const results = messages.slice(lastAssistant + 1).filter((message) => message.role === 'tool');
	const call = messages[lastAssistant]?.toolCalls?.[0];
	const toolName = results[0]?.toolName ?? call?.name ?? 'tool';
	const content = results.map((message) => message.content).join('\n');
	const figures = [...new Set(content.match(/-?\d[\d,]*\.\d+|-?\d{2,}(?:,\d{3})*/g) ?? [])].slice(0, 4);
	const symbol = typeof call?.arguments['symbol'] === 'string' ? call.arguments['symbol'] : typeof call?.arguments['ticker'] === 'string' ? call.arguments['ticker'] : undefined;
	const subject = symbol ? ` for ${symbol}` : '';
	if (figures.length === 0) {
		return `The ${toolName} result${subject} says: ${content.slice(0, 160).trim()}. That answers the question without further calls.`;
	}
	const list = figures.length > 1 ? `${figures.slice(0, -1).join(', ')} and ${figures.at(-1) ?? ''}` : (figures[0] ?? '');
	return `Based on the ${toolName} result${subject}, the key figures are ${list}. The most recent value is ${figures[0] ?? ''}, which is what the analysis should use.`;
}

export function decideToolTurn(input: ToolTurnInput): ToolTurn {
	const {behaviour, tools, messages, useCount} = input;
	const last = messages.at(-1);
	const userText = messages.filter((message) => message.role === 'user' || message.role === 'system').map((message) => message.content).join('\n');
	const lastUser = [...messages].reverse().find((message) => message.role === 'user')?.content ?? userText;
	const tool = chooseTool(tools, lastUser) ?? tools[0];
	if (!tool) return {kind: 'text', text: ''};
	// A result with no call before it (the server dropped the assistant's tool_calls) is not one the
	// model asked for: it calls the tool again, as a model that never saw its own call does.
	const lastAssistant = messages.map((message) => message.role).lastIndexOf('assistant');
	const answered = (messages[lastAssistant]?.toolCalls?.length ?? 0) > 0;
	if (last?.role === 'tool' && behaviour !== 'loops' && answered) return {kind: 'text', text: answerFromResults(messages)};
	const call = callFor(tool, userText, behaviour === 'loops' ? 'good' : behaviour);
	if (behaviour === 'leaky') return {kind: 'text', text: leak(call, useCount)};
	return {kind: 'call', call};
}
