// From two judge answers (the pair asked in both orders) to one verdict per criterion and a 0-10
// quality (reference/judging.md §2): a verdict that changes with the order is a tie; win 1,
// tie 0.5, loss 0; quality = 10 x the mean, so 5 means parity with the baseline.
import type {CriterionVerdict} from '../output/schema.js';
import {CRITERIA, judgeVerdictSchema, type JudgeVerdict} from './judgePrompt.js';

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

/** The judged answer's outcome when it was shown as `position`. */
function outcomeFor(better: 'response_1' | 'response_2' | 'tie', position: 1 | 2): Outcome {
	if (better === 'tie') return 'tie';
	return (better === 'response_1') === (position === 1) ? 'win' : 'loss';
}

const POINTS: Record<Outcome, number> = {win: 1, tie: 0.5, loss: 0};

export type CombinedVerdict = {criteria: CriterionVerdict[]; quality: number; verdict: Outcome; inconsistent: number};

/** `answerFirst`: the judged answer shown as Response 1; `answerSecond`: shown as Response 2. */
export function combineOrders(answerFirst: JudgeVerdict, answerSecond: JudgeVerdict): CombinedVerdict {
	const criteria = CRITERIA.map(({id}): CriterionVerdict => {
		const a = outcomeFor(answerFirst[id].better, 1);
		const b = outcomeFor(answerSecond[id].better, 2);
		const agree = a === b;
		return {id, outcome: agree ? a : 'tie', inconsistent: !agree, reasons: [answerFirst[id].reason, answerSecond[id].reason]};
	});
	const quality = Math.round((10 * criteria.reduce((sum, c) => sum + POINTS[c.outcome], 0) * 100) / criteria.length) / 100;
	const wins = criteria.filter((c) => c.outcome === 'win').length;
	const losses = criteria.filter((c) => c.outcome === 'loss').length;
	return {criteria, quality, verdict: wins > losses ? 'win' : wins < losses ? 'loss' : 'tie', inconsistent: criteria.filter((c) => c.inconsistent).length};
}
