// Who scored quality, said the same way on every screen, in the report and in --json: a judge that
// is the baseline model itself favours Claude (self-preference, docs/reference/judging.md §1), a
// judge of another family does not, and the offline rubric is no judge at all but a
// format-and-grounding check (docs/DESIGN.md, Measurement rules), never ranked with judged scores.

/** What the offline rubric is, wherever its scores are shown. */
export const RUBRIC_LABEL = 'format-and-grounding check';

export type JudgeIdentity = {
	kind: 'claude' | 'openai' | 'rubric';
	/** "claude-sonnet-5-5", "openai:gpt-5.1", or RUBRIC_LABEL. */
	label: string;
	/** The judge is the baseline model: its verdicts lean towards Claude's answers. */
	favoursBaseline: boolean;
	/** One sentence for a reader. */
	note: string;
};

/** `judgeModel`: what verdicts record as their judge (null: the rubric scored); `baselineModel`: the Claude baseline's id. */
export function judgeIdentity(judgeModel: string | null | undefined, baselineModel: string | null | undefined): JudgeIdentity {
	if (!judgeModel) {
		return {kind: 'rubric', label: RUBRIC_LABEL, favoursBaseline: false, note: `Quality is a ${RUBRIC_LABEL} (the offline rubric): deterministic checks of format, levels and grounding in the market data, not a judge of reasoning; never ranked with judged scores.`};
	}
	if (judgeModel.startsWith('openai:')) {
		return {kind: 'openai', label: judgeModel, favoursBaseline: false, note: `Judged by ${judgeModel} through an OpenAI-compatible endpoint, not the baseline model: no self-preference for Claude's answers.`};
	}
	if (judgeModel === baselineModel) {
		return {
			kind: 'claude',
			label: judgeModel,
			favoursBaseline: true,
			note: `Judged by ${judgeModel}, the baseline model itself: a judge favours its own answers, so local models may score lower than a neutral judge would give (--judge openai:<model> for another judge).`,
		};
	}
	return {kind: 'claude', label: judgeModel, favoursBaseline: false, note: `Judged by ${judgeModel}, a Claude model other than the baseline${baselineModel ? ` (${baselineModel})` : ''}: some preference for Claude's style may remain.`};
}
