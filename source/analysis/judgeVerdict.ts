// From two judge answers (the pair asked in both orders) to absolute qualities and a comparison
// (docs/reference/judging.md §2). Each order scores both answers 0-10 per criterion; an answer's quality
// is the mean of its criterion scores over both orders, the baseline's likewise, so a strong answer
// scores 9-10 whoever wrote it. Per criterion the higher score wins; an outcome that changes with
// the order is a tie (position bias, not a preference).
import type {CriterionVerdict} from '../domain/schema.js';
import {CRITERIA, judgeVerdictSchema, type CriterionId, type JudgeVerdict} from './judgePrompt.js';

export type ParsedVerdict = {ok: true; verdict: JudgeVerdict} | {ok: false; error: string};

export function parseVerdict(text: string): ParsedVerdict {
	let raw: unknown;
	try {
		raw = JSON.parse(text.trim());
	} catch {
		return {ok: false, error: 'the judge did not answer with JSON'};
	}
	const parsed = judgeVerdictSchema.safeParse(raw);
	if (!parsed.success) return {ok: false, error: `the judge's JSON does not match the schema (${parsed.error.issues[0]?.path.join('.') ?? 'root'})`};
	return {ok: true, verdict: parsed.data};
}

type Outcome = 'win' | 'tie' | 'loss';

/** The judged answer's scores and the baseline's, per criterion, from one order. */
type OrderScores = {answer: number; baseline: number; reason: string};

function fromOrder(verdict: JudgeVerdict, id: CriterionId, answerPosition: 1 | 2): OrderScores {
	const c = verdict[id];
	return answerPosition === 1 ? {answer: c.response_1, baseline: c.response_2, reason: c.reason} : {answer: c.response_2, baseline: c.response_1, reason: c.reason};
}

function outcomeOf(order: OrderScores): Outcome {
	return order.answer > order.baseline ? 'win' : order.answer < order.baseline ? 'loss' : 'tie';
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

export type CombinedVerdict = {
	criteria: CriterionVerdict[];
	/** The judged answer's absolute quality 0..10: its criterion scores, mean over criteria and both orders. */
	quality: number;
	/** The baseline answer's quality, judged the same way in the same calls. */
	baselineQuality: number;
	verdict: Outcome;
	inconsistent: number;
};

/** `answerFirst`: the judged answer shown as Response 1; `answerSecond`: shown as Response 2. */
export function combineOrders(answerFirst: JudgeVerdict, answerSecond: JudgeVerdict): CombinedVerdict {
	const criteria = CRITERIA.map(({id}): CriterionVerdict => {
		const a = fromOrder(answerFirst, id, 1);
		const b = fromOrder(answerSecond, id, 2);
		const outcomeA = outcomeOf(a);
		const agree = outcomeA === outcomeOf(b);
		return {
			id,
			outcome: agree ? outcomeA : 'tie',
			inconsistent: !agree,
			reasons: [a.reason, b.reason],
			answerScore: (a.answer + b.answer) / 2,
			baselineScore: (a.baseline + b.baseline) / 2,
			byOrder: [
				{answer: a.answer, baseline: a.baseline},
				{answer: b.answer, baseline: b.baseline},
			],
		};
	});
	const mean = (pick: (c: CriterionVerdict) => number): number => round2(criteria.reduce((sum, c) => sum + pick(c), 0) / criteria.length);
	const wins = criteria.filter((c) => c.outcome === 'win').length;
	const losses = criteria.filter((c) => c.outcome === 'loss').length;
	return {
		criteria,
		quality: mean((c) => c.answerScore ?? 0),
		baselineQuality: mean((c) => c.baselineScore ?? 0),
		verdict: wins > losses ? 'win' : wins < losses ? 'loss' : 'tie',
		inconsistent: criteria.filter((c) => c.inconsistent).length,
	};
}
