// The isolated reasoning comparison: the Claude baseline beside the local models (issue 16: Claude
// uses the network, not the GPU), local models strictly one at a time, each unloaded after its
// prompts. Every role is asked about every market scenario; quality comes from the blind pairwise
// judge against the baseline's answer (default with a key) or from the offline rubric, never both
// in one score. A local answer is judged once Claude's answer to the same role and scenario
// exists, without holding up the next local prompt. Every answer is persisted as soon as it is scored.
import type {BaselineResult, ReasoningResult, Role, ScoredResponse} from '../../output/schema.js';
import {writeComparisonTable} from '../../output/comparisonTable.js';
import {bundledPromptsDir, loadPrompts} from '../../prompts/load.js';
import {DEFAULT_SCENARIOS, loadScenarios} from '../../prompts/scenarios.js';
import {isCanceled} from '../../providers/errors.js';
import {BaselineBoard} from './baselineBoard.js';
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
	const setup: JudgeSetup = {claude, model: ctx.settings.judgeModel ?? claude.model, resultsDir: ctx.results.dir, signal: ctx.signal, names: subjects, queue: ctx.claudeQueue};
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

type Kept = ReturnType<typeof reusableBaseline>;

/** The baseline a run starts from: kept from an earlier run, or fresh (skipped without Claude). */
function startBaseline(ctx: StepContext, kept: Kept): BaselineResult {
	const claude = ctx.claude;
	return (
		kept?.baseline ?? {
			provider: 'claude',
			model: claude?.model ?? ctx.settings.claudeModel,
			status: claude ? 'ok' : 'skipped',
			note: claude ? null : (ctx.claudeSkipReason ?? 'no key'),
			reasoning: {},
			costUsd: null,
			usage: null,
		}
	);
}

/** The judge for a run, its cost so far carried on across rounds against the same kept baseline. */
function judgeWith(ctx: StepContext, subjects: string[], kept: Kept): Judge | null {
	const judge = judgeFor(ctx, subjects);
	if (ctx.settings.judge === 'claude' && !judge) ctx.emit({type: 'warning', message: `No Claude to judge with (${ctx.claudeSkipReason ?? 'no key'}): quality comes from the offline rubric.`});
	const spent = kept?.baseline.judge;
	if (judge && spent && spent.model === judge.setup.model) {
		judge.tally = {calls: spent.calls, cached: spent.cached, failed: spent.failed, inputTokens: spent.usage.inputTokens, outputTokens: spent.usage.outputTokens, costUsd: spent.costUsd};
	}
	return judge;
}

function reportJudge(ctx: StepContext, judge: Judge | null): void {
	if (!judge) return;
	const {calls, cached, failed, costUsd} = judge.tally;
	const cost = costUsd === null ? 'cost unknown' : `$${costUsd.toFixed(4)}`;
	ctx.emit({type: 'info', message: `judge ${judge.setup.model}: ${calls} call(s), ${cached} from the cache, ${failed} failed pair(s), ${cost}`});
}

export async function runCompare(ctx: StepContext, models: string[], options: CompareOptions = {}): Promise<CompareOutcome> {
	const subjectPlan = plan(ctx);
	rescoreStored(ctx);
	const roundBoard = ctx.round?.board;
	if (roundBoard) return compareAgainstBoard(ctx, subjectPlan, models, roundBoard);
	const claude = ctx.claude;
	const kept = options.reuseBaseline ? reusableBaseline(ctx, subjectPlan.scenarios) : null;
	const judge = judgeWith(ctx, [...models, ...(claude ? [claude.model, baselineSubject(claude.model)] : [])], kept);
	const baseline = startBaseline(ctx, kept);
	const subjects = [...(claude ? [baselineSubject(baseline.model)] : []), ...models];
	ctx.emit({type: 'compare:start', subjects, roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: kept ? 'measured earlier, reused' : baseline.note});
	const outcome: CompareOutcome = {models: {}, baseline};
	const board = new BaselineBoard();
	board.judge = judge;
	try {
		const settled = await Promise.allSettled([
			baselineLane(ctx, subjectPlan, baseline, kept, board, models),
			runLocalModels(ctx, subjectPlan, models, board, () => baseline, outcome),
		]);
		// A cancel wins over a failure; either way what finished is already persisted.
		const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
		const cancel = failures.find((error) => isCanceled(error));
		if (cancel !== undefined || failures.length > 0) throw cancel ?? failures[0];
		if (judge) {
			// Judge calls of both lanes, counted once they have all returned.
			const record = judgeRecordOf(judge);
			baseline.judge = record;
			ctx.results.update((draft) => {
				if (draft.baseline) draft.baseline.judge = structuredClone(record);
			});
		}
		reportJudge(ctx, judge);
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

/**
 * The Claude baseline alone, posting each answer on `board` as it is scored (closed at the end
 * whatever happens). With `reuse`, a complete baseline measured earlier for the same model is
 * posted instead of asking Claude again. The runner runs this beside the round's pulls and local work.
 */
export async function runBaseline(ctx: StepContext, board: BaselineBoard, options: {reuse?: boolean} = {}): Promise<BaselineResult> {
	const subjectPlan = plan(ctx);
	rescoreStored(ctx);
	const claude = ctx.claude;
	const kept = options.reuse ? reusableBaseline(ctx, subjectPlan.scenarios) : null;
	// The round's models are not known here: every stored model's name is kept from the judge.
	const stored = ctx.results.read().models.map((model) => model.name);
	board.judge = judgeWith(ctx, [...stored, ...(claude ? [claude.model, baselineSubject(claude.model)] : [])], kept);
	const baseline = startBaseline(ctx, kept);
	await baselineLane(ctx, subjectPlan, baseline, kept, board, []);
	return baseline;
}

/** Measures (or posts a kept) baseline on `board`, then re-judges stored verdicts of models not in `skip` against it. */
async function baselineLane(ctx: StepContext, subjectPlan: SubjectPlan, baseline: BaselineResult, kept: Kept, board: BaselineBoard, skip: string[]): Promise<void> {
	const claude = ctx.claude;
	const judge = board.judge;
	let texts: BaselineTexts = new Map();
	try {
		if (kept) {
			texts = kept.texts;
			const subject = baselineSubject(baseline.model);
			for (const [key, text] of texts) board.post(key, text);
			for (const role of COMPARE_ROLES) {
				const response = baseline.reasoning[role];
				if (!response) continue;
				ctx.emit({type: 'compare:cell-done', subject, role, response});
				board.postResponse(role, response, true);
			}
		} else if (claude) {
			const warning = claude.deprecation();
			if (warning) ctx.emit({type: 'warning', message: warning});
			texts = await measureBaseline(ctx, subjectPlan, claude, baseline, judge, board);
		} else {
			persistBaseline(ctx, baseline);
		}
	} finally {
		board.close();
	}
	ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});
	// Without a single baseline answer there is nothing to judge against.
	if (judge && texts.size === 0) ctx.emit({type: 'warning', message: 'The Claude baseline has no answers to judge against: quality comes from the offline rubric.'});
	// A new baseline: verdicts judged against the old one are judged again (judge calls only).
	if (judge && texts.size > 0 && !kept && claude) {
		const again = await rejudgeStale(ctx, subjectPlan, skip, texts, judge, judgeEntry);
		if (again > 0) ctx.emit({type: 'info', message: `re-judged ${again} stored answer(s) against the new Claude baseline (no new generation)`});
	}
}

/** Inside a round: the baseline runs in the runner's own lane and posts on the board. */
async function compareAgainstBoard(ctx: StepContext, subjectPlan: SubjectPlan, models: string[], board: BaselineBoard): Promise<CompareOutcome> {
	const claude = ctx.claude;
	const subject = claude ? baselineSubject(claude.model) : null;
	const skipped = startBaseline(ctx, null);
	ctx.emit({type: 'compare:start', subjects: [...(subject ? [subject] : []), ...models], roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: skipped.note});
	if (subject) {
		for (const [role, response] of board.posted()) ctx.emit({type: 'compare:cell-done', subject, role, response});
	}
	board.judge?.setup.names.push(...models);
	const current = () => ctx.results.read().baseline ?? skipped;
	const outcome: CompareOutcome = {models: {}, baseline: current()};
	try {
		await runLocalModels(ctx, subjectPlan, models, board, current, outcome);
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

/**
 * The local models, one request at a time. Judging an answer waits for Claude's answer to the same
 * role and scenario, and each role's final record for Claude's final one (the rubric's paired
 * gap), both deferred (ctx.round.defer, or awaited at the end) so generation never waits for Claude.
 */
async function runLocalModels(
	ctx: StepContext,
	subjectPlan: SubjectPlan,
	models: string[],
	board: BaselineBoard,
	baselineNow: () => BaselineResult,
	outcome: CompareOutcome,
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
				await runLocalModel(ctx, subjectPlan, model, board, baselineNow, reasoning, (prompt, onDelta) => runOllamaCell(ctx, model, prompt, think, onDelta, keepAlive), defer);
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
	const persist = (role: Role, response: ScoredResponse) => {
		reasoning[role] = response;
		ctx.results.update((draft) => {
			const entry = modelEntry(draft, model);
			entry.reasoning = {...entry.reasoning, [role]: response};
			const judge = judgeNow();
			if (judge && draft.baseline) draft.baseline.judge = judgeRecordOf(judge);
		});
	};
	await runSubject(ctx, subjectPlan, model, runCell, {
		async afterScenario(role, scenario, entry, prompt) {
			if (ctx.settings.judge === 'rubric' || !ctx.claude?.judge) return;
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
				persist(role, response);
				ctx.emit({type: 'compare:cell-done', subject: model, role, response});
			})(),
		);
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
