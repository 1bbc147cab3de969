// The simulated judge on the Anthropic side: a request carrying output_config.format with the
// judge's criteria gets a deterministic verdict, so --demo and the tests run the judge path end
// to end. It is a stand-in, marked SIMULATED in every reason: per criterion it prefers the answer
// whose measured elements are stronger (context figures argued with, risk checks passed, the
// decision following the argument, compliance checks passed) and takes points off for padding.
import {splitJudgeUser, CRITERIA, type CriterionId} from '../analysis/judgePrompt.js';
import {scoreResponse} from '../analysis/rubric.js';
import type {Role, RubricDimension} from '../output/schema.js';
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

/** Closer than this on a criterion (0..1) is a tie. */
const TIE = 0.1;

/** The judge's JSON answer for a judge prompt, or null when the prompt is not one. */
export function simulatedJudgeAnswer(user: string): string | null {
	const pair = splitJudgeUser(user);
	if (!pair) return null;
	const role = pair.role ?? 'trader';
	const first = criterionScores(role, pair.first, pair.context);
	const second = criterionScores(role, pair.second, pair.context);
	const answer = Object.fromEntries(
		CRITERIA.map(({id, label}) => {
			const a = first[id];
			const b = second[id];
			const better = a - b > TIE ? 'response_1' : b - a > TIE ? 'response_2' : 'tie';
			const reason = `SIMULATED judge: ${label.toLowerCase()} measured ${a.toFixed(2)} for response 1 and ${b.toFixed(2)} for response 2.`;
			return [id, {reason, better}];
		}),
	);
	return JSON.stringify(answer);
}
