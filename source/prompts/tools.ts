// The tools the pipeline binds to its analysts (docs/reference/tradingagents.md §1), shaped as the
// pipeline sends them, plus TraderProposal: with_structured_output on an OpenAI-compatible
// provider sends the schema as a function, so structured output is a tool call too (§1, §3).
import {z} from 'zod';
import type {ToolSchema} from '../providers/types.js';

function tool(name: string, description: string, properties: Record<string, unknown>, required: string[]): ToolSchema {
	return {type: 'function', function: {name, description, parameters: {type: 'object', properties, required}}};
}

const isoDate = (what: string) => ({type: 'string', description: `${what}, in yyyy-mm-dd format`});

export const getStockDataTool = tool(
	'get_stock_data',
	'Retrieve stock price data (OHLCV) for a given ticker symbol.',
	{
		symbol: {type: 'string', description: 'Ticker symbol of the company, e.g. AAPL, TSM'},
		start_date: isoDate('Start date'),
		end_date: isoDate('End date'),
	},
	['symbol', 'start_date', 'end_date'],
);

export const getIndicatorsTool = tool(
	'get_indicators',
	'Retrieve one technical indicator (e.g. rsi, macd, atr, close_50_sma) for a given ticker symbol.',
	{
		symbol: {type: 'string', description: 'Ticker symbol of the company, e.g. AAPL, TSM'},
		indicator: {type: 'string', description: 'Technical indicator to get the analysis and report of, e.g. rsi'},
		curr_date: isoDate('The current trading date you are trading on'),
		look_back_days: {type: 'integer', description: 'How many days to look back', default: 30},
	},
	['symbol', 'indicator', 'curr_date'],
);

export const getNewsTool = tool(
	'get_news',
	'Retrieve news data for a given ticker symbol.',
	{
		ticker: {type: 'string', description: 'Ticker symbol'},
		start_date: isoDate('Start date'),
		end_date: isoDate('End date'),
	},
	['ticker', 'start_date', 'end_date'],
);

export const getFundamentalsTool = tool(
	'get_fundamentals',
	'Retrieve comprehensive fundamental data for a given ticker symbol.',
	{
		ticker: {type: 'string', description: 'Ticker symbol of the company'},
		curr_date: isoDate('Current date you are trading at'),
	},
	['ticker', 'curr_date'],
);

/** The four analyst tools, in the order the pipeline's analysts run. */
export const analystTools: readonly ToolSchema[] = [getStockDataTool, getIndicatorsTool, getNewsTool, getFundamentalsTool];

export const TRADER_PROPOSAL = 'TraderProposal';

/** What a model must send for a trader proposal; the wire schema below is derived from it. */
export const traderProposalSchema = z.object({
	action: z.enum(['Buy', 'Hold', 'Sell']).describe('The trading action'),
	reasoning: z.string().min(1).describe('Why, in 2-4 sentences, anchored in the reports and plan'),
	entry_price: z.number().optional().describe('Entry price'),
	stop_loss: z.number().optional().describe('Stop-loss price'),
	position_sizing: z.string().optional().describe('Position size, e.g. "5% of portfolio"'),
});

// One schema for both sides: the JSON Schema sent to the model is the zod schema that judges its answer.
const {$schema: _dialect, ...proposalParameters} = z.toJSONSchema(traderProposalSchema, {io: 'input'});

export const traderProposalTool: ToolSchema = {
	type: 'function',
	function: {
		name: TRADER_PROPOSAL,
		description: 'A concrete trading proposal for the instrument: the action, why, and the risk levels.',
		parameters: proposalParameters,
	},
};
export type TraderProposal = z.infer<typeof traderProposalSchema>;

export type ProposalCheck = {ok: true; proposal: TraderProposal} | {ok: false; reason: string};

/** Validates a TraderProposal call's arguments; the reason names each bad field, for the grid. */
export function validateTraderProposal(args: unknown): ProposalCheck {
	const parsed = traderProposalSchema.safeParse(args);
	if (parsed.success) return {ok: true, proposal: parsed.data};
	const problems = parsed.error.issues.map((issue) => {
		const field = issue.path.map(String).join('.') || 'arguments';
		return `${field}: ${issue.message}`;
	});
	return {ok: false, reason: problems.join('; ')};
}
