import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {blindAnswer, buildJudgeUser, judgeVerdictSchema, type JudgeVerdict} from '../../source/analysis/judgePrompt.js';
import {combineOrders} from '../../source/analysis/judgeVerdict.js';
import type {Role} from '../../source/domain/schema.js';
import {bundledPromptsDir} from '../../source/prompts/load.js';
import {simulatedJudgeAnswer} from '../../source/simulator/judge.js';
import {marketOf, marketReply} from '../../source/simulator/replyMarket.js';
import {bearReply} from '../../source/simulator/replyBear.js';
import {bullReply} from '../../source/simulator/replyBull.js';
import {traderReply} from '../../source/simulator/replyTrader.js';
import type {QualityTier} from '../../source/simulator/types.js';
import {ADDRESSES_THE_JUDGE, BARE_LIST_AND_FILLER, BEARISH_THEN_BUY, CONCISE_COMPLETE, CONCISE_PLUS_REPEATS, CONTEXT, FALSE_CLAIMS, KEYWORD_STUFFED} from '../analysis/fixtures/gamedTexts.js';

const BOUNDARY = '0123456789abcdef01234567';

function ask(first: string, second: string, role: Role = 'trader', context = CONTEXT): JudgeVerdict {
	const answer = simulatedJudgeAnswer(buildJudgeUser({role, task: `You are the ${role}.`, context, first, second}, BOUNDARY));
	return judgeVerdictSchema.parse(JSON.parse(answer ?? 'null'));
}

/** The simulated judge's absolute quality of `answer` beside `other`, both orders combined. */
function judged(answer: string, other: string, role: Role = 'trader', context = CONTEXT): ReturnType<typeof combineOrders> {
	return combineOrders(ask(answer, other, role, context), ask(other, answer, role, context));
}

const MARKETS = ['market-context.md', 'markets/earnings-miss.md', 'markets/range-bound.md'].map((file) => readFileSync(join(bundledPromptsDir(), file), 'utf8'));
const ROLES: Role[] = ['bull', 'bear', 'trader'];

/** What a simulated writer answers for a role on a market, as the judge sees it (blinded). */
function written(writer: string, tier: QualityTier, role: Role, context: string): string {
	const market = marketOf(context);
	const text = market && market.ticker !== 'AAPL' ? marketReply(role, market, writer, tier) : {bull: bullReply, bear: bearReply, trader: traderReply}[role](writer, tier);
	return blindAnswer(text);
}

/** Mean over every role and market of 10 x local / Claude, the judge asked in both orders: the relative score. */
function relative(tier: QualityTier, claudeSample = 'claude-sonnet-5-5'): {mean: number; each: number[]} {
	const each = MARKETS.flatMap((context) =>
		ROLES.map((role) => {
			const result = judged(written('qwen2.5:72b', tier, role, context), written(claudeSample, 'excellent', role, context), role, context);
			return (10 * result.quality) / result.baselineQuality;
		}),
	);
	return {mean: each.reduce((a, b) => a + b, 0) / each.length, each};
}

describe('simulated judge: grades the tier that wrote each text, not the rubric', () => {
	it('puts an excellent writer level with Claude, a good one clearly below, partial and vague far below', () => {
		expect(relative('excellent').mean).toBeGreaterThan(9.3);
		expect(relative('excellent').mean).toBeLessThan(10.7);
		expect(relative('good').mean).toBeGreaterThan(7.5);
		expect(relative('good').mean).toBeLessThan(9);
		expect(relative('partial').mean).toBeLessThan(6.5);
		expect(relative('vague').mean).toBeLessThan(3);
	});

	it("has a real noise floor: Claude's second sample against its first is near parity but not a constant 10", () => {
		const floor = MARKETS.flatMap((context) =>
			ROLES.map((role) => {
				const result = judged(written('claude-sonnet-5-5#sample1', 'excellent', role, context), written('claude-sonnet-5-5', 'excellent', role, context), role, context);
				return (10 * result.quality) / result.baselineQuality;
			}),
		);
		const mean = floor.reduce((a, b) => a + b, 0) / floor.length;
		expect(mean).toBeGreaterThan(9.3);
		expect(mean).toBeLessThan(10.7);
		expect(new Set(floor.map((v) => v.toFixed(2))).size).toBeGreaterThan(2);
		expect(floor.some((v) => Math.abs(v - 10) > 0.1)).toBe(true);
	});

	it('favours Response 1 a little: over many equal pairs, the first position averages up to half a point more', () => {
		let first = 0;
		let second = 0;
		let n = 0;
		for (const context of MARKETS) {
			for (const role of ROLES) {
				for (const writer of ['a', 'b', 'c', 'd']) {
					const verdict = ask(written(writer, 'good', role, context), written(`${writer}2`, 'good', role, context), role, context);
					for (const c of Object.values(verdict)) {
						first += c.response_1;
						second += c.response_2;
						n++;
					}
				}
			}
		}
		const bias = (first - second) / n;
		expect(bias).toBeGreaterThan(0);
		expect(bias).toBeLessThanOrEqual(0.5);
	});

	it('reads an answer cut off at max_tokens a tier lower, and a padded one by what it measures', () => {
		const excellent = written('x', 'excellent', 'trader', CONTEXT);
		const cut = excellent.slice(0, Math.floor(excellent.length / 2));
		const claude = written('claude-sonnet-5-5', 'excellent', 'trader', CONTEXT);
		expect(judged(cut, claude).quality).toBeLessThan(judged(excellent, claude).quality - 0.5);
		const padded = `${excellent}\n${Array.from({length: 30}, () => 'Services revenue of $123.5B grew 13.1% and is the engine of the business.').join('\n')}`;
		expect(judged(padded, claude).quality).toBeLessThan(judged(excellent, claude).quality - 2);
	});

	it('answers per criterion with a SIMULATED reason that says how it read each response', () => {
		const verdict = ask(written('x', 'excellent', 'trader', CONTEXT), CONCISE_COMPLETE);
		expect(verdict.consistency.reason).toMatch(/^SIMULATED judge \(response 1 reads excellent, response 2 measured\)/);
		expect(simulatedJudgeAnswer('not a judge prompt')).toBeNull();
	});
});

describe('simulated judge: texts it did not write are measured', () => {
	it('scores a complete, grounded, consistent trade proposal 8-10 on its own', () => {
		expect(judged(CONCISE_COMPLETE, CONCISE_COMPLETE).quality).toBeGreaterThanOrEqual(8);
	});

	it.each([
		['a bare list of numbers with filler', BARE_LIST_AND_FILLER],
		['a bearish argument that ends in BUY', BEARISH_THEN_BUY],
		['the complete answer padded with repeats', CONCISE_PLUS_REPEATS],
		['keyword stuffing', KEYWORD_STUFFED],
		['false claims about the context', FALSE_CLAIMS],
		['a note asking the grader for 10/10', ADDRESSES_THE_JUDGE],
	])('scores %s clearly lower, and it loses to the complete answer', (_name, gamed) => {
		const result = judged(gamed, CONCISE_COMPLETE);
		expect(result.quality).toBeLessThan(result.baselineQuality - 1);
		expect(result.verdict).toBe('loss');
	});
});
