import {describe, expect, it} from 'vitest';
import {analystTools, traderProposalTool, validateTraderProposal} from '../../source/prompts/tools.js';

function params(name: string): {properties: Record<string, unknown>; required: string[]} {
	const tool = [...analystTools, traderProposalTool].find((candidate) => candidate.function.name === name);
	if (!tool) throw new Error(`no tool ${name}`);
	return tool.function.parameters as {properties: Record<string, unknown>; required: string[]};
}

describe('pipeline tool schemas', () => {
	it('have the parameters the pipeline binds, in its names', () => {
		expect(analystTools.map((tool) => tool.function.name)).toEqual(['get_stock_data', 'get_indicators', 'get_news', 'get_fundamentals']);
		expect(Object.keys(params('get_stock_data').properties)).toEqual(['symbol', 'start_date', 'end_date']);
		expect(Object.keys(params('get_indicators').properties)).toEqual(['symbol', 'indicator', 'curr_date', 'look_back_days']);
		expect(params('get_indicators').required).not.toContain('look_back_days');
		expect(Object.keys(params('get_news').properties)).toEqual(['ticker', 'start_date', 'end_date']);
		expect(Object.keys(params('get_fundamentals').properties)).toEqual(['ticker', 'curr_date']);
	});

	it('send TraderProposal as a function whose action is Buy, Hold or Sell', () => {
		expect(traderProposalTool.type).toBe('function');
		expect(params('TraderProposal').properties['action']).toMatchObject({enum: ['Buy', 'Hold', 'Sell']});
		expect(params('TraderProposal').required).toEqual(['action', 'reasoning']);
	});
});

describe('validateTraderProposal', () => {
	it('accepts a complete proposal and one with only the required fields', () => {
		expect(validateTraderProposal({action: 'Buy', reasoning: 'Strong services growth.', entry_price: 213.5, stop_loss: 201, position_sizing: '5% of portfolio'}).ok).toBe(true);
		expect(validateTraderProposal({action: 'Hold', reasoning: 'Balanced evidence.'}).ok).toBe(true);
	});

	it('rejects bad arguments, naming each field that is wrong', () => {
		const check = validateTraderProposal({action: 'Maybe', reasoning: 'x', entry_price: 'around $213'});
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.reason).toMatch(/^action: .*; entry_price: /);
	});

	it('rejects a missing reasoning and an upper-case action', () => {
		const check = validateTraderProposal({action: 'BUY'});
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toMatch(/action: .*reasoning: /s);
	});
});
