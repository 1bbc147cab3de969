import {describe, expect, it} from 'vitest';
import {parseDecision} from '../../source/analysis/decision.js';

describe('parseDecision', () => {
	it.each([
		['FINAL TRANSACTION PROPOSAL: **BUY**', 'BUY'],
		['FINAL TRANSACTION PROPOSAL: **HOLD**', 'HOLD'],
		['Final Transaction Proposal: Hold', 'HOLD'],
		['FINAL TRANSACTION PROPOSAL: SELL', 'SELL'],
		['final transaction proposal:**buy**', 'BUY'],
		['**FINAL TRANSACTION PROPOSAL:** **SELL**', 'SELL'],
		['FINAL  TRANSACTION   PROPOSAL :  ** Buy **', 'BUY'],
	])('reads %s', (line, expected) => {
		const text = `Some reasoning about the trade.\n\n${line}\n`;
		expect(parseDecision(text)).toMatchObject({decision: expected, note: null});
	});

	it('reads the action on the line after a bare FINAL line', () => {
		expect(parseDecision('FINAL TRANSACTION PROPOSAL:\n\n**SELL**').decision).toBe('SELL');
	});

	it('reports an absent line', () => {
		expect(parseDecision('I would buy the stock on weakness.')).toEqual({decision: null, note: 'absent', lines: []});
	});

	it('reports two FINAL lines that disagree as contradictory', () => {
		const text = 'FINAL TRANSACTION PROPOSAL: **BUY**\nOn reflection...\nFINAL TRANSACTION PROPOSAL: **SELL**';
		const parsed = parseDecision(text);
		expect(parsed.decision).toBeNull();
		expect(parsed.note).toBe('contradictory');
		expect(parsed.lines).toHaveLength(2);
	});

	it('reports a FINAL line contradicting itself, such as the echoed template', () => {
		expect(parseDecision('FINAL TRANSACTION PROPOSAL: **BUY/HOLD/SELL**').note).toBe('contradictory');
		expect(parseDecision('FINAL TRANSACTION PROPOSAL: **BUY** or SELL').note).toBe('contradictory');
	});

	it('accepts the same decision repeated', () => {
		expect(parseDecision('FINAL TRANSACTION PROPOSAL: **HOLD**\n\nFINAL TRANSACTION PROPOSAL: HOLD').decision).toBe('HOLD');
	});
});
