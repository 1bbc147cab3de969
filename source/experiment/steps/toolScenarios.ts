// The five tool-calling scenarios, each what the pipeline really asks of a model:
// a single call, choosing among the analysts' four tools, finishing after a tool result (the
// analyst loop), structured output as a function call (the trader), and calls kept out of text.
// Each request names its ticker and ISO dates so the right arguments are checkable.
import type {ChatMessage, ToolCall, ToolSchema} from '../../providers/types.js';
import type {ToolScenarioId} from '../../domain/schema.js';
import {analystTools, getStockDataTool, TRADER_PROPOSAL, traderProposalTool, validateTraderProposal} from '../../prompts/tools.js';
import {checkCall, describeCall, type ExpectedCall} from './toolArgs.js';
import type {ToolDriver, ToolTurn} from './toolDrivers.js';
import {findLeakedCall} from './toolLeaks.js';

export type ScenarioVerdict = {pass: boolean; reason: string; calls: ToolCall[]};

export type ToolScenario = {
	id: ToolScenarioId;
	title: string;
	run(driver: ToolDriver): Promise<ScenarioVerdict>;
};

/** Tool rounds answered before a model that keeps calling is failed (the pipeline would recurse to its limit). */
export const MAX_TOOL_ROUNDS = 3;

const SYSTEM = 'You are a financial research assistant. Use the provided tools when they can answer the request.';

function conversation(user: string, system = SYSTEM): ChatMessage[] {
	return [
		{role: 'system', content: system},
		{role: 'user', content: user},
	];
}

/** Why no call came: the budget ran out (said as such), else what the scenario says. */
function noCall(turn: ToolTurn, reason: string): string {
	return turn.cutOff ? `no tool call: ${turn.cutOff}` : reason;
}

function leakVerdict(content: string, calls: ToolCall[]): ScenarioVerdict | null {
	const leak = findLeakedCall(content);
	return leak === null ? null : {pass: false, reason: `leaked into text: ${leak}`, calls};
}

async function expectOneCall(driver: ToolDriver, messages: ChatMessage[], tools: ToolSchema[], expected: ExpectedCall): Promise<ScenarioVerdict> {
	const turn = await driver(messages, tools);
	const leaked = leakVerdict(turn.content, turn.toolCalls);
	if (leaked) return leaked;
	const call = turn.toolCalls[0];
	if (!call) return {pass: false, reason: noCall(turn, `no tool call: answered in text instead of calling ${expected.name}`), calls: []};
	const problem = checkCall(call, expected);
	if (problem) return {pass: false, reason: problem, calls: turn.toolCalls};
	return {pass: true, reason: describeCall(call), calls: turn.toolCalls};
}

const singleCall: ToolScenario = {
	id: 'single-call',
	title: 'one call, right arguments',
	run: (driver) =>
		expectOneCall(driver, conversation('Get the daily stock price data for AAPL from 2025-01-02 to 2025-03-31.'), [getStockDataTool], {
			name: 'get_stock_data',
			args: {symbol: 'AAPL', start_date: '2025-01-02', end_date: '2025-03-31'},
		}),
};

const chooseTool: ToolScenario = {
	id: 'choose-tool',
	title: 'right tool among four',
	run: (driver) =>
		expectOneCall(
			driver,
			conversation('What is the RSI indicator for NVDA on 2025-03-14, looking back 30 days?'),
			[...analystTools],
			{name: 'get_indicators', args: {symbol: 'NVDA', indicator: /rsi/i, curr_date: '2025-03-14'}},
		),
};

/** What the tools "return" in the use-result scenario; the figures let us see the answer used it. */
const TOOL_RESULTS: Record<string, string> = {
	get_fundamentals:
		'MSFT fundamentals: trailing P/E 33.87, forward P/E 29.41, market cap $2.89T, ' +
		'revenue (TTM) $261.80B, free cash flow (TTM) $69.41B, gross margin 69.35%.',
	get_stock_data: 'MSFT last session: open 383.21, high 389.57, low 381.09, close 388.56, volume 19,952,800.',
	get_indicators: 'MSFT rsi (14): 38.72.',
	get_news: 'MSFT news: Azure growth of 31% reported; new AI capacity announced.',
};
const RESULT_FIGURES = ['33.87', '29.41', '2.89', '261.80', '261.8', '69.41', '69.35', '388.56', '38.72'];

function resultFor(call: ToolCall): string {
	return TOOL_RESULTS[call.name] ?? `Unknown tool ${call.name}: no data.`;
}

function citedFigure(text: string): string | null {
	const numbers = new Set(text.replace(/,/g, '').match(/\d+(?:\.\d+)?/g) ?? []);
	return RESULT_FIGURES.find((figure) => numbers.has(figure)) ?? null;
}

const useResult: ToolScenario = {
	id: 'use-result',
	title: 'uses the result, then stops',
	async run(driver) {
		const messages = conversation('Look up the fundamentals for MSFT as of 2025-03-14 and tell me its trailing P/E ratio.');
		const tools = [...analystTools];
		const calls: ToolCall[] = [];
		for (let round = 0; ; round++) {
			const turn = await driver(messages, tools);
			calls.push(...turn.toolCalls);
			const leaked = leakVerdict(turn.content, calls);
			if (leaked) return leaked;
			if (turn.toolCalls.length === 0) {
				if (round === 0) return {pass: false, reason: noCall(turn, 'answered without calling a tool, so it had no result to use'), calls};
				if (turn.cutOff) return {pass: false, reason: `final ${turn.cutOff}`, calls};
				const figure = citedFigure(turn.content);
				if (figure === null) return {pass: false, reason: "final answer cites no figure from the tool's result", calls};
				return {pass: true, reason: `answered with the result (${figure}) after ${round} tool round${round === 1 ? '' : 's'}`, calls};
			}
			if (round >= MAX_TOOL_ROUNDS) {
				return {pass: false, reason: `kept calling tools after ${MAX_TOOL_ROUNDS} rounds; the pipeline would hang`, calls};
			}
			messages.push({role: 'assistant', content: turn.content, toolCalls: turn.toolCalls});
			turn.toolCalls.forEach((call, index) => {
				messages.push({role: 'tool', content: resultFor(call), toolName: call.name, toolCallId: call.id ?? `call_${round}_${index}`});
			});
		}
	},
};

const TRADER_SYSTEM =
	'You are a trading agent. Based on the proposed investment plan, make a specific Buy, Hold or Sell ' +
	`recommendation with entry price, stop loss and position sizing. Respond by calling ${TRADER_PROPOSAL}.`;

const TRADER_USER =
	'Proposed Investment Plan: accumulate AAPL on pullbacks; the services margin of 75.6% and $108.8B of free cash flow ' +
	'support the thesis, but the P/E of 34.2 leaves little room for error. Instrument: AAPL, as of 2025-03-14. ' +
	'Last close $213.49, ATR(14) $5.87, 50-day SMA $228.10, 200-day SMA $224.35. Give your trader proposal.';

const structuredOutput: ToolScenario = {
	id: 'structured-output',
	title: 'TraderProposal via a call',
	async run(driver) {
		const turn = await driver(conversation(TRADER_USER, TRADER_SYSTEM), [traderProposalTool]);
		const leaked = leakVerdict(turn.content, turn.toolCalls);
		if (leaked) return leaked;
		const call = turn.toolCalls[0];
		if (!call) return {pass: false, reason: noCall(turn, `no ${TRADER_PROPOSAL} call: answered in text (the pipeline falls back to free text)`), calls: []};
		if (call.name !== TRADER_PROPOSAL) return {pass: false, reason: `called ${call.name} instead of ${TRADER_PROPOSAL}`, calls: turn.toolCalls};
		const check = validateTraderProposal(call.arguments);
		if (!check.ok) return {pass: false, reason: `arguments fail the schema: ${check.reason}`, calls: turn.toolCalls};
		const {action, entry_price: entry, stop_loss: stop} = check.proposal;
		const levels = [entry === undefined ? null : `entry ${entry}`, stop === undefined ? null : `stop ${stop}`].filter(Boolean).join(', ');
		return {pass: true, reason: `valid proposal: ${action}${levels ? `, ${levels}` : ''}`, calls: turn.toolCalls};
	},
};

const noLeak: ToolScenario = {
	id: 'no-leak',
	title: 'call not leaked into text',
	async run(driver) {
		const turn = await driver(conversation('Get the news for TSLA from 2025-03-01 to 2025-03-14.'), [...analystTools]);
		const leaked = leakVerdict(turn.content, turn.toolCalls);
		if (leaked) return leaked;
		const call = turn.toolCalls[0];
		if (!call) return {pass: false, reason: noCall(turn, 'no tool call: answered in plain text'), calls: []};
		return {pass: true, reason: `call arrived in tool_calls: ${describeCall(call)}`, calls: turn.toolCalls};
	},
};

export const toolScenarios: readonly ToolScenario[] = [singleCall, chooseTool, useResult, structuredOutput, noLeak];
