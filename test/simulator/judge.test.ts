import {describe, expect, it} from 'vitest';
import {buildJudgeUser, judgeVerdictSchema, type JudgeVerdict} from '../../source/analysis/judgePrompt.js';
import {combineOrders} from '../../source/analysis/judgeVerdict.js';
import {simulatedJudgeAnswer} from '../../source/simulator/judge.js';
import {BARE_LIST_AND_FILLER, BEARISH_THEN_BUY, CONCISE_COMPLETE, CONCISE_PLUS_REPEATS, CONTEXT, KEYWORD_STUFFED} from '../analysis/fixtures/gamedTexts.js';

function ask(first: string, second: string): JudgeVerdict {
	const answer = simulatedJudgeAnswer(buildJudgeUser({role: 'trader', task: 'You are the Trader.', context: CONTEXT, first, second}, 'a1b2c3d4e5f60718'));
	return judgeVerdictSchema.parse(JSON.parse(answer ?? 'null'));
}

/** The simulated judge's absolute quality of `answer` beside `other`, both orders combined. */
function judged(answer: string, other: string): ReturnType<typeof combineOrders> {
	return combineOrders(ask(answer, other), ask(other, answer));
}

describe('simulated judge', () => {
	it('scores a complete, grounded, consistent trade proposal 9-10 on its own, whatever sits beside it', () => {
		expect(judged(CONCISE_COMPLETE, CONCISE_COMPLETE)).toMatchObject({quality: expect.any(Number), verdict: 'tie'});
		expect(judged(CONCISE_COMPLETE, CONCISE_COMPLETE).quality).toBeGreaterThanOrEqual(9);
		expect(judged(CONCISE_COMPLETE, BARE_LIST_AND_FILLER).quality).toBe(judged(CONCISE_COMPLETE, CONCISE_COMPLETE).quality);
	});

	it.each([
		['a bare list of numbers with filler', BARE_LIST_AND_FILLER],
		['a bearish argument that ends in BUY', BEARISH_THEN_BUY],
		['the complete answer padded with repeats', CONCISE_PLUS_REPEATS],
		['keyword stuffing', KEYWORD_STUFFED],
	])('scores %s clearly lower, and it loses to the complete answer', (_name, gamed) => {
		const result = judged(gamed, CONCISE_COMPLETE);
		expect(result.quality).toBeLessThan(result.baselineQuality - 1);
		expect(result.verdict).toBe('loss');
	});

	it('answers per criterion with a SIMULATED reason and integer scores, the same in either order', () => {
		const forward = ask(CONCISE_COMPLETE, BEARISH_THEN_BUY);
		const backward = ask(BEARISH_THEN_BUY, CONCISE_COMPLETE);
		expect(forward.consistency.reason).toMatch(/^SIMULATED judge/);
		expect([forward.thesis.response_1, forward.risk.response_1, forward.consistency.response_1]).toEqual([backward.thesis.response_2, backward.risk.response_2, backward.consistency.response_2]);
		expect(simulatedJudgeAnswer('not a judge prompt')).toBeNull();
	});
});
