// The isolated reasoning comparison: the Claude baseline first, then one local model at a time,
// each unloaded after its prompts. Every role is asked about every market scenario; quality
// comes from the blind pairwise judge against the baseline's answer (default with a key) or from
// the offline rubric, never both in one score. Every answer is persisted as soon as it is scored.
import type {BaselineResult, ReasoningResult} from '../../output/schema.js';
import {writeComparisonTable} from '../../output/comparisonTable.js';
import {bundledPromptsDir, loadPrompts} from '../../prompts/load.js';
import {DEFAULT_SCENARIOS, loadScenarios} from '../../prompts/scenarios.js';
import type {StepContext} from './context.js';
import {runOllamaCell} from './compareCell.js';
import {aggregateRole, scenarioQuality, type QualitySource, type ScenarioRun} from './compareAggregate.js';
import {baselineSubject, judgeRecordOf, measureBaseline, persistBaseline, reusableBaseline, textKey, type BaselineTexts} from './compareBaseline.js';
import {COMPARE_ROLES} from './comparePrompts.js';
import {answerHash, emptyTally, judgePair, type JudgeSetup, type JudgeTally} from './compareJudge.js';
import {JUDGE_PROMPT_VERSION} from '../../analysis/judgePrompt.js';
import {rescoreStale, scenariosFrom} from '../rescore.js';
import {rejudgeStale} from './compareRejudge.js';
import {runSubject, type SubjectPlan} from './compareSubject.js';
import {modelEntry} from './modelEntry.js';
import {thinkOptionFor} from './thinkOption.js';
import {userMessage} from '../../system/userMessage.js';
import {unloadQuietly} from './unloadQuietly.js';

export {baselineSubject};

export type CompareOutcome = {models: Record<string, ReasoningResult>; baseline: BaselineResult};

export type CompareOptions = {
	/**
	 * Keep a complete baseline already measured for the same Claude model instead of paying for it
	 * again (the strategy's later rounds compare one new model against the same baseline).
	 */
	reuseBaseline?: boolean;
};

type Judge = {setup: JudgeSetup; tally: JudgeTally};

/** The judge, unless the rubric was asked for or there is no Claude to judge with. */
function judgeFor(ctx: StepContext, subjects: string[]): Judge | null {
	const claude = ctx.claude;
	if (ctx.settings.judge === 'rubric' || !claude?.judge) return null;
	const setup: JudgeSetup = {claude, model: ctx.settings.judgeModel ?? claude.model, resultsDir: ctx.results.dir, signal: ctx.signal, names: subjects};
	return {setup, tally: emptyTally()};
}

function plan(ctx: StepContext): SubjectPlan {
	// An empty promptsDir means no --prompts-dir: the bundled prompts.
	const dir = ctx.promptsDir || bundledPromptsDir();
	const prompts = loadPrompts(dir);
	const wanted = ctx.settings.scenarios ?? DEFAULT_SCENARIOS;
	const scenarios = loadScenarios(dir, prompts, wanted);
	if (scenarios.length < wanted) {
		ctx.emit({type: 'warning', message: `Only ${scenarios.length} market scenario(s) in ${dir} (asked for ${wanted}); add market files under markets/ for more.`});
	}
	return {prompts, scenarios};
}

/** Stored answers scored by an older rubric are re-scored from their transcripts before anything else. */
function rescoreStored(ctx: StepContext): void {
	let outcome = {rescored: 0, unreadable: 0};
	ctx.results.update((draft) => {
		outcome = rescoreStale(draft, ctx.results.dir, scenariosFrom(ctx.promptsDir));
	});
	if (outcome.rescored > 0) ctx.emit({type: 'info', message: `re-scored ${outcome.rescored} stored answer(s) with the current rubric (no new generation)`});
}

export async function runCompare(ctx: StepContext, models: string[], options: CompareOptions = {}): Promise<CompareOutcome> {
	const subjectPlan = plan(ctx);
	rescoreStored(ctx);
	const claude = ctx.claude;
	const judge = judgeFor(ctx, [...models, ...(claude ? [claude.model, baselineSubject(claude.model)] : [])]);
	if (ctx.settings.judge === 'claude' && !judge) ctx.emit({type: 'warning', message: `No Claude to judge with (${ctx.claudeSkipReason ?? 'no key'}): quality comes from the offline rubric.`});
	const kept = options.reuseBaseline ? reusableBaseline(ctx, subjectPlan.scenarios) : null;
	const baseline: BaselineResult = kept?.baseline ?? {
		provider: 'claude',
		model: claude?.model ?? ctx.settings.claudeModel,
		status: claude ? 'ok' : 'skipped',
		note: claude ? null : (ctx.claudeSkipReason ?? 'no Claude provider'),
		reasoning: {},
		costUsd: null,
		usage: null,
	};
	// The judge's cost so far carries on across rounds against the same baseline.
	const spent = kept?.baseline.judge;
	if (judge && spent && spent.model === judge.setup.model) {
		judge.tally = {calls: spent.calls, cached: spent.cached, failed: spent.failed, inputTokens: spent.usage.inputTokens, outputTokens: spent.usage.outputTokens, costUsd: spent.costUsd};
	}
	const subject = baselineSubject(baseline.model);
	const subjects = [...(claude ? [subject] : []), ...models];
	ctx.emit({type: 'compare:start', subjects, roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: kept ? 'measured earlier, reused' : baseline.note});
	const outcome: CompareOutcome = {models: {}, baseline};
	try {
		let texts: BaselineTexts = new Map();
		if (kept) {
			texts = kept.texts;
			for (const role of COMPARE_ROLES) {
				const response = baseline.reasoning[role];
				if (response) ctx.emit({type: 'compare:cell-done', subject, role, response});
			}
		} else if (claude) {
			const warning = claude.deprecation();
			if (warning) ctx.emit({type: 'warning', message: warning});
			texts = await measureBaseline(ctx, subjectPlan, claude, baseline, judge);
		} else {
			persistBaseline(ctx, baseline);
		}
		ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});
		// Without a single baseline answer there is nothing to judge against.
		const usable = judge && texts.size > 0 ? judge : null;
		if (judge && !usable) ctx.emit({type: 'warning', message: 'The Claude baseline has no answers to judge against: quality comes from the offline rubric.'});
		// A new baseline: verdicts judged against the old one are judged again (judge calls only).
		if (usable && !kept && claude) {
			const again = await rejudgeStale(ctx, subjectPlan, models, texts, usable, judgeEntry);
			if (again > 0) ctx.emit({type: 'info', message: `re-judged ${again} stored answer(s) against the new Claude baseline (no new generation)`});
		}
		await runLocalModels(ctx, subjectPlan, models, baseline, texts, usable, outcome);
		if (judge) {
			const {calls, cached, failed, costUsd} = judge.tally;
			const cost = costUsd === null ? 'cost unknown' : `$${costUsd.toFixed(4)}`;
			ctx.emit({type: 'info', message: `judge ${judge.setup.model}: ${calls} call(s), ${cached} from the cache, ${failed} failed pair(s), ${cost}`});
		}
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

/** The baseline's rubric quality per scenario, for the paired gap of rubric scores. */
function baselineRubric(baseline: BaselineResult, role: (typeof COMPARE_ROLES)[number]): Partial<Record<string, number | null>> | null {
	const response = baseline.reasoning[role];
	if (baseline.status === 'skipped' || response?.status !== 'ok') return null;
	return Object.fromEntries((response.scenarios ?? []).map((s) => [s.scenario, scenarioQuality(s, {kind: 'rubric', judgeModel: null})]));
}

async function runLocalModels(
	ctx: StepContext,
	subjectPlan: SubjectPlan,
	models: string[],
	baseline: BaselineResult,
	texts: BaselineTexts,
	judge: Judge | null,
	outcome: CompareOutcome,
): Promise<void> {
	const source: QualitySource = judge ? {kind: 'judge', judgeModel: judge.setup.model} : {kind: 'rubric', judgeModel: null};
	for (const model of models) {
		const reasoning: ReasoningResult = {};
		outcome.models[model] = reasoning;
		try {
			const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
			await runSubject(ctx, subjectPlan, model, (prompt, onDelta) => runOllamaCell(ctx, model, prompt, think, onDelta), {
				async afterScenario(role, scenario, entry, prompt) {
					const against = texts.get(textKey(role, scenario.id));
					if (!judge || against === undefined) return;
					await judgeEntry(judge, entry, {role, task: prompt.system, context: scenario.context, answer: entry.text, baseline: against});
				},
				aggregate: (role, runs: ScenarioRun[]) => aggregateRole(role, runs, source, baselineRubric(baseline, role)),
				persist(role, response) {
					reasoning[role] = response;
					if (judge) baseline.judge = judgeRecordOf(judge);
					ctx.results.update((draft) => {
						const entry = modelEntry(draft, model);
						entry.reasoning = {...entry.reasoning, [role]: response};
						if (judge && draft.baseline) draft.baseline.judge = judgeRecordOf(judge);
					});
				},
			});
		} finally {
			await unloadQuietly(ctx, model);
		}
	}
}

/** Adds the judge's verdict to a scored answer; its quality replaces the rubric's for this scenario. */
export async function judgeEntry(judge: Judge, entry: ScenarioRun, pair: Parameters<typeof judgePair>[1]): Promise<void> {
	const verdict = await judgePair(judge.setup, pair, judge.tally);
	entry.score.judge = verdict;
	entry.score.quality = verdict.quality;
	entry.score.scorer = {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel: judge.setup.model, baseline: answerHash(pair.baseline)};
}

function writeTableQuietly(ctx: StepContext): void {
	try {
		writeComparisonTable(ctx.results.dir, ctx.results.read());
	} catch (error) {
		ctx.emit({type: 'warning', message: `could not write the comparison table: ${userMessage(error)}`});
	}
}
