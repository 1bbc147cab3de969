// The isolated reasoning comparison: the Claude baseline beside the local models (Claude
// uses the network, not the GPU), local models strictly one at a time, each unloaded after its
// prompts. Every role is asked about every market scenario; quality comes from the blind pairwise
// judge against the baseline's answer (default with a key) or from the offline rubric, never both
// in one score. A local answer is judged once Claude's answer to the same role and scenario
// exists, without holding up the next local prompt. Every answer is persisted as soon as it is scored.
import type {BaselineResult, ReasoningResult} from '../../../domain/schema.js';
import {writeComparisonTable} from '../../../output/comparisonTable.js';
import {bundledPromptsDir, loadPrompts} from '../../../prompts/load.js';
import {DEFAULT_SCENARIOS, loadScenarios} from '../../../prompts/scenarios.js';
import {isCanceled} from '../../../providers/errors.js';
import {BaselineBoard} from './baselineBoard.js';
import type {StepContext} from '../context.js';
import {baselineSubject, judgeRecordOf, measureBaseline, persistBaseline, reusableBaseline, type BaselineTexts} from './baseline.js';
import {COMPARE_ROLES} from './prompts.js';
import {emptyTally, judgeAvailable, type Judge, type JudgeSetup} from './judge.js';
import {runLocalModels} from './local.js';
import {rescoreStale, scenariosFrom} from '../../rescore.js';
import {rejudgeStale} from './rejudge.js';
import type {SubjectPlan} from './subject.js';
import {userMessage} from '../../../system/userMessage.js';

export {baselineSubject};

export type CompareOutcome = {models: Record<string, ReasoningResult>; baseline: BaselineResult};

export type CompareOptions = {
	/**
	 * Keep a complete baseline already measured for the same Claude model instead of paying for it
	 * again (the strategy's later rounds compare one new model against the same baseline).
	 */
	reuseBaseline?: boolean;
};

/** The judge asked for (Claude's, or the OpenAI-compatible one), unless the rubric was asked for or it cannot run. */
function judgeFor(ctx: StepContext, subjects: string[]): Judge | null {
	const claude = ctx.claude;
	if (!claude || !judgeAvailable(ctx)) return null;
	const base = {claude, resultsDir: ctx.results.dir, signal: ctx.signal, names: subjects, queue: ctx.claudeQueue};
	const provider = ctx.settings.judge === 'openai' ? ctx.judgeProvider : null;
	const setup: JudgeSetup = provider ? {...base, provider, model: provider.label} : {...base, model: ctx.settings.judgeModel ?? claude.model};
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
	if (ctx.settings.judge === 'claude' && !judge) ctx.emit({type: 'warning', message: `No Claude to judge with (${ctx.claudeSkipReason ?? 'no key'}): quality comes from the offline rubric, a format-and-grounding check.`});
	if (ctx.settings.judge === 'openai' && !judge) {
		const why = ctx.claude ? (ctx.judgeSkipReason ?? 'not configured') : `no Claude baseline to judge against: ${ctx.claudeSkipReason ?? 'no key'}`;
		ctx.emit({type: 'warning', message: `The OpenAI-compatible judge cannot run (${why}): quality comes from the offline rubric, a format-and-grounding check.`});
	}
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
	// A new baseline, or a judge other than the one that scored the stored answers (a rubric run
	// resumed with a judge): those answers are judged again (judge calls only, no generation).
	if (judge && texts.size > 0 && claude) {
		const again = await rejudgeStale(ctx, subjectPlan, skip, texts, judge);
		if (again > 0) ctx.emit({type: 'info', message: `re-judged ${again} stored answer(s) by ${judge.setup.model} against the Claude baseline (no new generation)`});
	}
}

/** Inside a round: the baseline runs in the runner's own lane and posts on the board. */
async function compareAgainstBoard(ctx: StepContext, subjectPlan: SubjectPlan, models: string[], board: BaselineBoard): Promise<CompareOutcome> {
	const claude = ctx.claude;
	const subject = claude ? baselineSubject(claude.model) : null;
	const skipped = startBaseline(ctx, null);
	ctx.emit({type: 'compare:start', subjects: [...(subject ? [subject] : []), ...models], roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: skipped.note});
	if (subject) {
		for (const [role, response, complete] of board.posted()) ctx.emit({type: 'compare:cell-done', subject, role, response, settled: complete});
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

function writeTableQuietly(ctx: StepContext): void {
	try {
		writeComparisonTable(ctx.results.dir, ctx.results.read());
	} catch (error) {
		ctx.emit({type: 'warning', message: `could not write the comparison table: ${userMessage(error)}`});
	}
}
