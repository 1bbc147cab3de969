// How the simulated judge grades a text it did not write (a test's own answer, a gamed one): from
// what can be measured in it, per criterion 0-10 (context figures argued with, risk checks passed,
// the decision following the argument, compliance), minus padding and what the context
// contradicts. The simulator's own texts are graded by their tier instead (judge.ts).
import type {CriterionId} from '../analysis/judgePrompt.js';
import {scoreResponse} from '../analysis/rubric.js';
import type {Role, RubricDimension} from '../domain/schema.js';

function share(dimensions: RubricDimension[], ids: readonly string[]): number {
	const picked = dimensions.filter((d) => ids.includes(d.id));
	const max = picked.reduce((sum, d) => sum + d.max, 0);
	return max === 0 ? 0 : picked.reduce((sum, d) => sum + d.points, 0) / max;
}

/** The measured 0-10 score per criterion. */
export function measuredScores(role: Role, text: string, context: string): Record<CriterionId, number> {
	const scored = scoreResponse({role, text, context});
	const d = scored.dimensions;
	// Penalties (padding, notes to the grader, misstatements) in tenths of the scale.
	const penalty = -d.filter((x) => x.max === 0).reduce((sum, x) => sum + x.points, 0) / 3;
	const compliance = scored.compliance.total === 0 ? 0 : scored.compliance.passed / scored.compliance.total;
	const raw: Record<CriterionId, number> =
		role === 'trader'
			? {thesis: share(d, ['thesis']), risk: share(d, ['stopSide', 'stopDistance', 'rewardRisk', 'sizeCap', 'horizon']), consistency: share(d, ['consistency']), actionability: compliance}
			: {thesis: share(d, ['thesis']), risk: share(d, ['engagement']), consistency: share(d, ['consistency']), actionability: (share(d, ['depth']) + compliance) / 2};
	return Object.fromEntries(Object.entries(raw).map(([id, value]) => [id, 10 * Math.min(1, Math.max(0, value - penalty))])) as Record<CriterionId, number>;
}
