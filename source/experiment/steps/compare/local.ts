// The local lane of the reasoning comparison: the models one request at a time, each answer
// scored as it lands, judged once Claude's answer to the same role and scenario is on the board;
// the judging and each role's final record are deferred so generation never waits for Claude.
import type {BaselineResult, ReasoningResult, Role, ScoredResponse} from '../../../domain/schema.js';
import type {BaselineBoard} from './baselineBoard.js';
import type {StepContext} from '../context.js';
import {runOllamaCell} from './cell.js';
import {aggregateRole, scenarioQuality, type QualitySource} from './aggregate.js';
import type {ScenarioRun} from './types.js';
import {judgeRecordOf, textKey} from './baseline.js';
import {COMPARE_ROLES} from './prompts.js';
import {judgeAvailable, judgeEntry} from './judge.js';
import {runSubject, type SubjectPlan} from './subject.js';
import {modelEntry} from '../modelEntry.js';
import {thinkOptionFor, type MeasuredThink} from '../thinkOption.js';
import {unloadQuietly} from '../unloadQuietly.js';

/** Where the local lane writes each model's reasoning as it is scored. */
export type LocalOutcome = {models: Record<string, ReasoningResult>};

/** The baseline's rubric quality per scenario, for the paired gap of rubric scores. */
function baselineRubric(baseline: BaselineResult, role: (typeof COMPARE_ROLES)[number]): Partial<Record<string, number | null>> | null {
	const response = baseline.reasoning[role];
	if (baseline.status === 'skipped' || response?.status !== 'ok') return null;
	return Object.fromEntries((response.scenarios ?? []).map((s) => [s.scenario, scenarioQuality(s, {kind: 'rubric', judgeModel: null})]));
}

/**
 * The local models, one request at a time. Judging an answer waits for Claude's answer to the same
 * role and scenario, and each role's final record for Claude's final one (the rubric's paired
 * gap), both deferred (ctx.round.defer, or awaited at the end) so generation never waits for Claude.
 */
export async function runLocalModels(
	ctx: StepContext,
	subjectPlan: SubjectPlan,
	models: string[],
	board: BaselineBoard,
	baselineNow: () => BaselineResult,
	outcome: LocalOutcome,
): Promise<void> {
	const keepAlive = ctx.round?.keepAlive;
	const pending: Promise<void>[] = [];
	const defer = ctx.round?.defer ?? ((work: Promise<void>) => void pending.push(work));
	try {
		for (const model of models) {
			const reasoning: ReasoningResult = {};
			outcome.models[model] = reasoning;
			try {
				const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
				await runLocalModel(ctx, subjectPlan, model, board, baselineNow, reasoning, think ?? null, (prompt, onDelta) => runOllamaCell(ctx, model, prompt, think, onDelta, keepAlive), defer);
			} finally {
				if (!ctx.round?.keepLoaded) await unloadQuietly(ctx, model);
			}
		}
	} finally {
		await Promise.all(pending);
	}
}

async function runLocalModel(
	ctx: StepContext,
	subjectPlan: SubjectPlan,
	model: string,
	board: BaselineBoard,
	baselineNow: () => BaselineResult,
	reasoning: ReasoningResult,
	think: MeasuredThink | null,
	runCell: Parameters<typeof runSubject>[3],
	defer: (work: Promise<void>) => void,
): Promise<void> {
	// Read when needed, not now: in a round the baseline lane may set the judge after this starts.
	const judgeNow = () => board.judge;
	const judged = new Map<Role, Promise<void>[]>();
	const runsOf = new Map<Role, ScenarioRun[]>();
	// The judge scores quality only once Claude has at least one answer; the rubric until then.
	const sourceNow = (): QualitySource => {
		const judge = judgeNow();
		return judge && board.hasText() ? {kind: 'judge', judgeModel: judge.setup.model} : {kind: 'rubric', judgeModel: null};
	};
	const aggregate = (role: Role, runs: ScenarioRun[]): ScoredResponse => aggregateRole(role, runs, sourceNow(), baselineRubric(baselineNow(), role));
	// What was sent is recorded with every role (as bench records its own): gpt-oss's "low" reasoning
	// counts in its rate and TTFT, and the reader must see it (docs/DESIGN.md).
	const persist = (role: Role, scored: ScoredResponse): ScoredResponse => {
		const response: ScoredResponse = {...scored, think};
		reasoning[role] = response;
		ctx.results.update((draft) => {
			const entry = modelEntry(draft, model);
			entry.reasoning = {...entry.reasoning, [role]: response};
			const judge = judgeNow();
			if (judge && draft.baseline) draft.baseline.judge = judgeRecordOf(judge);
		});
		return response;
	};
	await runSubject(ctx, subjectPlan, model, runCell, {
		async afterScenario(role, scenario, entry, prompt) {
			if (!judgeAvailable(ctx)) return;
			const work = board
				.ref(textKey(role, scenario.id), ctx.signal)
				.then(async (against) => {
					const judge = judgeNow();
					if (judge && against !== null) await judgeEntry(judge, entry, {role, task: prompt.system, context: scenario.context, answer: entry.text, baseline: against});
				})
				.catch((error: unknown) => {
					// A cancel while waiting keeps the answer, already persisted with its rubric score.
					if (!ctx.signal.aborted) throw error;
				});
			judged.set(role, [...(judged.get(role) ?? []), work]);
		},
		aggregate,
		// Every role is recorded again below, once its verdicts and Claude's final record are in.
		revised: true,
		persist(role, response, runs) {
			runsOf.set(role, runs);
			persist(role, response);
		},
	});
	// Each role scored again once its verdicts and Claude's final record are in: never stale.
	for (const role of COMPARE_ROLES) {
		const runs = runsOf.get(role);
		if (!runs) continue;
		defer(
			(async () => {
				const waited = await Promise.allSettled([...(judged.get(role) ?? []), board.roleDone(role, ctx.signal)]);
				if (ctx.signal.aborted) return;
				const failure = waited.find((result) => result.status === 'rejected');
				if (failure) throw failure.reason;
				const response = aggregate(role, runs);
				const note = reasoning[role]?.note;
				if (note) response.note = note;
				ctx.emit({type: 'compare:cell-done', subject: model, role, response: persist(role, response)});
			})(),
		);
	}
}
