// When the baseline is measured again, verdicts of models not in this run were judged against
// answers that no longer exist (or by an older judge prompt): those pairs are judged again from the stored transcripts
// (judge calls only, no generation), so stale and fresh verdicts never meet in one table.
import {JUDGE_PROMPT_VERSION} from '../../../analysis/judgePrompt.js';
import type {ResultsFile, Role, ScenarioScore} from '../../../domain/schema.js';
import {readTranscript} from '../../../output/transcripts.js';
import type {StepContext} from '../context.js';
import {qualityFields, scenarioQuality} from './aggregate.js';
import type {ScenarioRun} from './types.js';
import {textKey, type BaselineTexts} from './baseline.js';
import {COMPARE_ROLES, promptFor} from './prompts.js';
import {answerHash, judgeEntry, type Judge} from './judge.js';
import type {SubjectPlan} from './subject.js';


function staleScenarios(scores: ScenarioScore[], role: Role, texts: BaselineTexts, judgeModel: string): ScenarioScore[] {
	return scores.filter((s) => {
		const current = texts.get(textKey(role, s.scenario));
		if (s.status !== 'ok' || current === undefined) return false;
		// Scored by the rubric, or by another judge, before this judge was asked for: judged now, so
		// scores of different scorers never meet in one table.
		if (s.scorer?.kind !== 'judge' || s.scorer.judgeModel !== judgeModel) return true;
		// Another judge prompt version scored on another scale (v1: 5 = parity): judged again too.
		return s.scorer.baseline !== answerHash(current) || s.scorer.version !== JUDGE_PROMPT_VERSION;
	});
}

/** Re-judges, model by model, the stored pairs whose baseline answer or scorer changed; returns how many. */
export async function rejudgeStale(ctx: StepContext, plan: SubjectPlan, skip: string[], texts: BaselineTexts, judge: Judge): Promise<number> {
	const stored: ResultsFile = ctx.results.read();
	let count = 0;
	for (const model of stored.models) {
		if (skip.includes(model.name)) continue;
		for (const role of COMPARE_ROLES) {
			const response = model.reasoning?.[role];
			if (response?.status !== 'ok' || !response.scenarios) continue;
			const stale = staleScenarios(response.scenarios, role, texts, judge.setup.model);
			if (stale.length === 0) continue;
			const scores = structuredClone(response.scenarios);
			for (const score of scores) {
				const scenario = plan.scenarios.find((s) => s.id === score.scenario);
				const against = texts.get(textKey(role, score.scenario));
				const answer = score.transcript ? readTranscript(ctx.results.dir, score.transcript) : null;
				if (!stale.some((s) => s.scenario === score.scenario) || !scenario || against === undefined || answer === null) continue;
				const entry: ScenarioRun = {score, run: null, text: answer, elapsedSeconds: 0};
				await judgeEntry(judge, entry, {role, task: promptFor(role, plan.prompts, null, scenario).system, context: scenario.context, answer, baseline: against});
				count++;
			}
			const base = stored.baseline?.reasoning[role];
			const rubric = base?.status === 'ok' ? Object.fromEntries((base.scenarios ?? []).map((s) => [s.scenario, scenarioQuality(s, {kind: 'rubric', judgeModel: null})])) : null;
			const fields = qualityFields(scores, {kind: 'judge', judgeModel: judge.setup.model}, rubric);
			ctx.results.update((draft) => {
				const entry = draft.models.find((m) => m.name === model.name);
				const current = entry?.reasoning?.[role];
				// Answered again meanwhile (a round's compare beside the baseline lane): the fresh answer stands.
				if (JSON.stringify(current?.scenarios) !== JSON.stringify(response.scenarios)) return;
				if (entry?.reasoning && current) entry.reasoning[role] = {...current, ...fields};
			});
		}
	}
	return count;
}
