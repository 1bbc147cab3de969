// Judges that misbehave the way real ones do, behind a simulator option, so the threshold rule and
// the strategy are tested end to end against them: a judge that scores by position alone (first
// response 10, second 8, whatever they say: docs/reference/judging.md §1, position bias), and one
// that refuses (stop_reason "refusal", one of the values the Messages API returns:
// docs/reference/servers.md, Claude).
import {CRITERIA} from '../analysis/judgePrompt.js';

export type JudgeQuirk = 'position-biased' | 'refusing';

export const JUDGE_QUIRKS: readonly JudgeQuirk[] = ['position-biased', 'refusing'];

/** What a misbehaving judge sends back: its text and the stop reason the API reports with it. */
export type QuirkyAnswer = {text: string; stopReason: 'end_turn' | 'refusal'};

export function quirkyJudgeAnswer(quirk: JudgeQuirk): QuirkyAnswer {
	if (quirk === 'refusing') return {text: '', stopReason: 'refusal'};
	const verdict = Object.fromEntries(CRITERIA.map(({id}) => [id, {reason: 'SIMULATED position-biased judge: the first response is better.', response_1: 10, response_2: 8}]));
	return {text: JSON.stringify(verdict), stopReason: 'end_turn'};
}
