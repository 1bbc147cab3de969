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
import {isRecord} from './wire.js';

/** A request whose output format is a JSON schema with the judge's criteria. */
export function isJudgeRequest(body: Record<string, unknown>): boolean {
	const config = body['output_config'];
	if (!isRecord(config) || !isRecord(config['format']) || config['format']['type'] !== 'json_schema') return false;
	const schema = config['format']['schema'];
	const properties = isRecord(schema) ? schema['properties'] : null;
	return isRecord(properties) && CRITERIA.every((c) => c.id in properties);
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

/** The judge's JSON answer for a judge prompt, or null when the prompt is not one. */
export function simulatedJudgeAnswer(user: string): string | null {
	const pair = splitJudgeUser(user);
	if (!pair) return null;
	const role = pair.role ?? 'trader';
	const first = criterionScores(role, pair.first, pair.context);
	const second = criterionScores(role, pair.second, pair.context);
	const answer = Object.fromEntries(
		CRITERIA.map(({id, label}) => {
			const a = toScore(first[id]);
			const b = toScore(second[id]);
			const reason = `SIMULATED judge: ${label.toLowerCase()} measured ${a}/10 for response 1 and ${b}/10 for response 2.`;
			return [id, {reason, response_1: a, response_2: b}];
		}),
	);
	return JSON.stringify(answer);
}
