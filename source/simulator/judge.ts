// The simulated judge, on the Anthropic route (output_config.format) and on the OpenAI-compatible
// one (response_format), so --demo and the tests run the judge path end to end. Marked SIMULATED in
// every reason. A fair judge is not the rubric: it knows which quality tier wrote each text
// (judgeTiers.ts), grades the tier with noise, favours Response 1 a little (docs/reference/judging.md §1:
// real judges do), and gives each pairing its own draw, so two samples of one writer do not tie
// exactly and the noise floor is real. Texts the simulator did not write are measured instead
// (judgeMeasured.ts). The misbehaving modes are what real judges do wrong: lenient,
// position-biased, refusing.
import {CRITERIA, splitJudgeUser, type CriterionId} from '../analysis/judgePrompt.js';
import type {Role} from '../domain/schema.js';
import type {RouteContext} from './context.js';
import {measuredScores} from './judgeMeasured.js';
import {recogniseTier, TIERS} from './judgeTiers.js';
import {seedOf} from './replyVariant.js';
import type {JudgeMode, QualityTier} from './types.js';
import {isRecord} from './wire.js';

type Scores = Record<CriterionId, number>;

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

/**
 * What a careful judge gives each tier before noise: excellent 10 (about 9.8 once noise takes a
 * point here and there: the scale tops out at 10), good about 8, partial and vague far below.
 */
export const TIER_SCORES: Record<QualityTier, Scores> = {
	excellent: {thesis: 10, risk: 10, consistency: 10, actionability: 10},
	good: {thesis: 8, risk: 7, consistency: 8, actionability: 8},
	partial: {thesis: 6, risk: 3, consistency: 6, actionability: 4},
	vague: {thesis: 2, risk: 1, consistency: 3, actionability: 1},
};

/** Chance of one point off or on per score, and of one point more for Response 1 (position bias). */
export const NOISE = {down: 0.2, up: 0.2, firstBonus: 0.25} as const;

/** A uniform draw in [0, 1) fixed by its key: the same pairing always gets the same verdict. */
function draw(key: string): number {
	return seedOf(key) / 2 ** 32;
}

function clampScore(value: number): number {
	return Math.min(10, Math.max(0, Math.round(value)));
}

/** The tier's scores, or the measured ones for a text the simulator did not write. */
function baseScores(role: Role, text: string, context: string): {scores: Scores; why: string} {
	const known = recogniseTier(text, role, context);
	if (!known) return {scores: measuredScores(role, text, context), why: 'measured'};
	// A cut-off answer reads a tier lower.
	const tier = known.cut ? (TIERS[Math.min(TIERS.length - 1, TIERS.indexOf(known.tier) + 1)] ?? known.tier) : known.tier;
	return {scores: TIER_SCORES[tier], why: `${tier}${known.cut ? ' (cut off)' : ''}`};
}

function graded(role: Role, own: string, other: string, position: 1 | 2, context: string): {scores: Scores; why: string} {
	const base = baseScores(role, own, context);
	const scores = Object.fromEntries(
		CRITERIA.map(({id}) => {
			const u = draw(`${id}\u0000${position}\u0000${own}\u0000${other}`);
			const noise = u < NOISE.down ? -1 : u >= 1 - NOISE.up ? 1 : 0;
			const bias = position === 1 && draw(`first\u0000${id}\u0000${own}\u0000${other}`) < NOISE.firstBonus ? 1 : 0;
			return [id, clampScore(base.scores[id] + noise + bias)];
		}),
	) as Scores;
	return {scores, why: base.why};
}

function verdictJson(first: Scores, second: Scores, why: (id: CriterionId) => string): string {
	const answer = Object.fromEntries(
		CRITERIA.map(({id, label}) => {
			const reason = `SIMULATED judge${why(id)}: ${label.toLowerCase()} scored ${first[id]}/10 for response 1 and ${second[id]}/10 for response 2.`;
			return [id, {reason, response_1: first[id], response_2: second[id]}];
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

function fairAnswer(pair: NonNullable<ReturnType<typeof splitJudgeUser>>): string {
	const role = pair.role ?? 'trader';
	const first = graded(role, pair.first, pair.second, 1, pair.context);
	const second = graded(role, pair.second, pair.first, 2, pair.context);
	return verdictJson(first.scores, second.scores, () => ` (response 1 reads ${first.why}, response 2 ${second.why})`);
}

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
			return {text: verdictJson(everyCriterion(() => 10), everyCriterion(() => 8), () => ' (position-biased)'), refusal: false};
		case 'lenient': {
			// 9 or 10, varying by criterion and response, never by what the responses say.
			const first = everyCriterion((_id, i) => (i % 2 === 0 ? 10 : 9));
			const second = everyCriterion((_id, i) => (i % 2 === 0 ? 9 : 10));
			return {text: verdictJson(first, second, () => ' (lenient)'), refusal: false};
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
