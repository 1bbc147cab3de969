// The simulated judge on the Anthropic side: a request carrying output_config.format with the
// judge's criteria gets a deterministic verdict, so --demo and the tests run the judge path end
// to end. It is a stand-in, marked SIMULATED in every reason: it scores each response on its own,
// per criterion 0-10, from what can be measured in it (context figures argued with in sentences,
// risk checks passed, the decision following the argument, compliance checks passed), minus
// points for padding and repetition. It never sees which model wrote what, and equal answers
// get equal scores whatever the order.
import {splitJudgeUser, CRITERIA, type CriterionId} from '../analysis/judgePrompt.js';
import {scoreResponse} from '../analysis/rubric.js';
import type {Role, RubricDimension} from '../domain/schema.js';
import type {RouteContext} from './context.js';
import type {JudgeMode} from './types.js';
import {isRecord} from './wire.js';

function hasCriteria(schema: unknown): boolean {
	const properties = isRecord(schema) ? schema['properties'] : null;
	return isRecord(properties) && CRITERIA.every((c) => c.id in properties);
}

/** An Anthropic request whose output format (output_config.format) is a JSON schema with the judge's criteria. */
export function isJudgeRequest(body: Record<string, unknown>): boolean {
	const config = body['output_config'];
	if (!isRecord(config) || !isRecord(config['format']) || config['format']['type'] !== 'json_schema') return false;
	return hasCriteria(config['format']['schema']);
}

/** An OpenAI chat request whose response_format is a JSON schema with the judge's criteria. */
export function isOpenAiJudgeRequest(body: Record<string, unknown>): boolean {
	const format = body['response_format'];
	if (!isRecord(format) || format['type'] !== 'json_schema' || !isRecord(format['json_schema'])) return false;
	return hasCriteria(format['json_schema']['schema']);
}

function share(dimensions: RubricDimension[], ids: readonly string[]): number {
	const picked = dimensions.filter((d) => ids.includes(d.id));
	const max = picked.reduce((sum, d) => sum + d.max, 0);
	return max === 0 ? 0 : picked.reduce((sum, d) => sum + d.points, 0) / max;
}

function criterionScores(role: Role, text: string, context: string): Record<CriterionId, number> {
	const scored = scoreResponse({role, text, context});
	const d = scored.dimensions;
	const padding = -(d.find((x) => x.id === 'padding')?.points ?? 0) / 3;
	const compliance = scored.compliance.total === 0 ? 0 : scored.compliance.passed / scored.compliance.total;
	const raw: Record<CriterionId, number> =
		role === 'trader'
			? {thesis: share(d, ['thesis']), risk: share(d, ['stopSide', 'stopDistance', 'rewardRisk', 'sizeCap', 'horizon']), consistency: share(d, ['consistency']), actionability: compliance}
			: {thesis: share(d, ['thesis']), risk: share(d, ['engagement']), consistency: share(d, ['consistency']), actionability: (share(d, ['depth']) + compliance) / 2};
	return Object.fromEntries(Object.entries(raw).map(([id, value]) => [id, value - padding])) as Record<CriterionId, number>;
}

/** A 0..1 share of what was measurable, as the judge's integer 0-10 score. */
function toScore(share: number): number {
	return Math.round(10 * Math.min(1, Math.max(0, share)));
}

type Scores = Record<CriterionId, number>;

function verdictJson(first: Scores, second: Scores, why: string): string {
	const answer = Object.fromEntries(
		CRITERIA.map(({id, label}) => {
			const a = first[id];
			const b = second[id];
			const reason = `SIMULATED judge${why}: ${label.toLowerCase()} scored ${a}/10 for response 1 and ${b}/10 for response 2.`;
			return [id, {reason, response_1: a, response_2: b}];
		}),
	);
	return JSON.stringify(answer);
}

function everyCriterion(score: (id: CriterionId, index: number) => number): Scores {
	return Object.fromEntries(CRITERIA.map(({id}, index) => [id, score(id, index)])) as Scores;
}

/** What the simulated judge sends back: the text of its answer, and whether it declined instead. */
export type SimulatedJudgeReply = {text: string; refusal: boolean};

/** What a judge that declines writes (the OpenAI side carries it as `message.refusal`). */
export const REFUSAL_TEXT = "I can't help with evaluating these responses.";

/**
 * The judge's answer to a judge prompt in the given mode, or null when the prompt is not one. The
 * misbehaving modes are what real judges do (docs/reference/judging.md §1): a lenient one passes
 * everything, a position-biased one prefers whatever is shown first, a refusing one declines.
 */
export function simulatedJudge(user: string, mode: JudgeMode = 'fair'): SimulatedJudgeReply | null {
	const pair = splitJudgeUser(user);
	if (!pair) return null;
	switch (mode) {
		case 'refusing':
			return {text: '', refusal: true};
		case 'position-biased':
			return {text: verdictJson(everyCriterion(() => 10), everyCriterion(() => 8), ' (position-biased)'), refusal: false};
		case 'lenient': {
			// 9 or 10, varying by criterion and response, never by what the responses say.
			const first = everyCriterion((_id, i) => (i % 2 === 0 ? 10 : 9));
			const second = everyCriterion((_id, i) => (i % 2 === 0 ? 9 : 10));
			return {text: verdictJson(first, second, ' (lenient)'), refusal: false};
		}
		case 'fair':
			return {text: fairAnswer(pair), refusal: false};
	}
}

/** The judge's JSON answer for a judge prompt, graded fairly, or null when the prompt is not one. */
export function simulatedJudgeAnswer(user: string): string | null {
	return simulatedJudge(user, 'fair')?.text ?? null;
}

/** The reply to a judge request on either route: a queued 'judge' fault first, else the simulator's judge mode. */
export function judgeReplyFor(ctx: RouteContext, user: string): SimulatedJudgeReply | null {
	if (!splitJudgeUser(user)) return null;
	return simulatedJudge(user, ctx.faults.takeJudge() ?? ctx.options.judge);
}

function fairAnswer(pair: NonNullable<ReturnType<typeof splitJudgeUser>>): string {
	const role = pair.role ?? 'trader';
	const first = criterionScores(role, pair.first, pair.context);
	const second = criterionScores(role, pair.second, pair.context);
	return verdictJson(everyCriterion((id) => toScore(first[id])), everyCriterion((id) => toScore(second[id])), '');
}
