// The isolated reasoning comparison (issue 4): the Claude baseline and the local models side by
// side (issue 16: Claude uses the network, not the GPU), local models strictly one at a time.
// A local answer is scored once Claude's answer to the same role exists (its depth is measured
// against it). Every cell is persisted as soon as it is scored; a failing call marks only that cell.
import type {BaselineResult, ReasoningResult, Role, ScoredResponse} from '../../output/schema.js';
import {writeComparisonTable} from '../../output/comparisonTable.js';
import {bundledPromptsDir, loadPrompts, type Prompts} from '../../prompts/load.js';
import {isCanceled} from '../../providers/errors.js';
import type {ClaudeProvider} from '../../providers/types.js';
import {ClaudeQueue} from '../claudeQueue.js';
import {BaselineBoard} from './baselineBoard.js';
import type {StepContext} from './context.js';
import {CellFailure, canceledError, runClaudeCell, runOllamaCell, type CellRun, type OnDelta, type RolePrompt} from './compareCell.js';
import {COMPARE_ROLES, promptFor} from './comparePrompts.js';
import {errorResponse, scoredResponse, type BaselineRef} from './compareResponse.js';
import {userMessage} from '../../system/userMessage.js';
import {modelEntry} from './modelEntry.js';
import {thinkOptionFor} from './thinkOption.js';
import {unloadQuietly} from './unloadQuietly.js';

export type CompareOutcome = {models: Record<string, ReasoningResult>; baseline: BaselineResult};

type CellRunner = (prompt: RolePrompt, onDelta: OnDelta, role: Role) => Promise<CellRun>;

export function baselineSubject(model: string): string {
	return `claude:${model}`;
}

export type CompareOptions = {
	/**
	 * Keep a complete baseline already measured for the same Claude model instead of paying for it
	 * again (the strategy's later rounds compare one new model against the same baseline).
	 */
	reuseBaseline?: boolean;
};

/** A baseline from an earlier run that can stand: same model, all three roles scored. */
function reusableBaseline(ctx: StepContext): BaselineResult | null {
	const stored = ctx.results.read().baseline;
	if (!ctx.claude || !stored || stored.model !== ctx.claude.model || stored.status !== 'ok') return null;
	return COMPARE_ROLES.every((role) => stored.reasoning[role]?.status === 'ok') ? stored : null;
}

function promptsOf(ctx: StepContext): Prompts {
	// An empty promptsDir means no --prompts-dir: the bundled prompts.
	return loadPrompts(ctx.promptsDir || bundledPromptsDir());
}

function skippedBaseline(ctx: StepContext): BaselineResult {
	const claude = ctx.claude;
	return {
		provider: 'claude',
		model: claude?.model ?? ctx.settings.claudeModel,
		status: claude ? 'ok' : 'skipped',
		note: claude ? null : (ctx.claudeSkipReason ?? 'no Claude provider'),
		reasoning: {},
		costUsd: null,
		usage: null,
	};
}

export async function runCompare(ctx: StepContext, models: string[], options: CompareOptions = {}): Promise<CompareOutcome> {
	const prompts = promptsOf(ctx);
	const roundBoard = ctx.round?.board;
	if (roundBoard) return compareAgainstBoard(ctx, prompts, models, roundBoard);
	const kept = options.reuseBaseline ? reusableBaseline(ctx) : null;
	if (kept) return compareAgainstKept(ctx, prompts, models, kept);
	const claude = ctx.claude;
	const subjects = [...(claude ? [baselineSubject(claude.model)] : []), ...models];
	const skipped = skippedBaseline(ctx);
	ctx.emit({type: 'compare:start', subjects, roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: skipped.note});
	const board = new BaselineBoard();
	const outcome: CompareOutcome = {models: {}, baseline: skipped};
	try {
		const [baseline, local] = await Promise.allSettled([
			runBaselineOn(ctx, prompts, board).then((result) => {
				outcome.baseline = result;
			}),
			runLocalModels(ctx, prompts, models, board, outcome),
		]);
		// A cancel wins over a failure; either way what finished is already persisted.
		const failures = [baseline, local].flatMap((settled) => (settled.status === 'rejected' ? [settled.reason as unknown] : []));
		const cancel = failures.find((error) => isCanceled(error));
		if (cancel !== undefined || failures.length > 0) throw cancel ?? failures[0];
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

/**
 * The Claude baseline alone, posting each role on `board` as it is scored (closed at the end
 * whatever happens). With `reuse`, a complete baseline measured earlier for the same model is
 * posted instead of asking Claude again. The runner runs this beside the round's pulls and local work.
 */
export async function runBaseline(ctx: StepContext, board: BaselineBoard, options: {reuse?: boolean} = {}): Promise<BaselineResult> {
	const kept = options.reuse ? reusableBaseline(ctx) : null;
	if (kept) {
		for (const role of COMPARE_ROLES) board.post(role, baselineRef(kept, role), kept.reasoning[role]);
		board.close();
		return kept;
	}
	return runBaselineOn(ctx, promptsOf(ctx), board);
}

async function runBaselineOn(ctx: StepContext, prompts: Prompts, board: BaselineBoard): Promise<BaselineResult> {
	const baseline = skippedBaseline(ctx);
	const claude = ctx.claude;
	try {
		if (!claude) {
			persistBaseline(ctx, baseline);
		} else {
			const warning = claude.deprecation();
			if (warning) ctx.emit({type: 'warning', message: warning});
			await runBaselineRoles(ctx, prompts, claude, baseline, board);
		}
		ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});
		return baseline;
	} finally {
		board.close();
	}
}

/** bull and trader at once; the bear as soon as its bull text exists (it rebuts it). */
async function runBaselineRoles(ctx: StepContext, prompts: Prompts, claude: ClaudeProvider, baseline: BaselineResult, board: BaselineBoard): Promise<void> {
	const queue = ctx.claudeQueue ?? new ClaudeQueue();
	const subject = baselineSubject(claude.model);
	const runCell: CellRunner = (prompt, onDelta, role) =>
		queue.run(`baseline ${role}`, (signal) => runClaudeCell({...ctx, signal}, claude, prompt, onDelta), ctx.signal);
	const done = (role: Role, response: ScoredResponse, run: CellRun | null) => {
		baseline.reasoning[role] = response;
		addUsage(baseline, run);
		settleBaseline(baseline);
		persistBaseline(ctx, baseline);
		board.post(role, baselineRef(baseline, role), response);
	};
	const noRef = async () => null;
	const bullThenBear = (async () => {
		const bull = await runOneCell(ctx, prompts, subject, 'bull', null, noRef, runCell, done);
		await runOneCell(ctx, prompts, subject, 'bear', bull, noRef, runCell, done);
	})();
	const trader = runOneCell(ctx, prompts, subject, 'trader', null, noRef, runCell, done);
	const settled = await Promise.allSettled([bullThenBear, trader]);
	const failure = settled.find((result) => result.status === 'rejected');
	if (failure) throw failure.reason;
}

/** The local models against a baseline measured earlier: shown as done, not asked again. */
async function compareAgainstKept(ctx: StepContext, prompts: Prompts, models: string[], baseline: BaselineResult): Promise<CompareOutcome> {
	const subject = baselineSubject(baseline.model);
	ctx.emit({type: 'compare:start', subjects: [subject, ...models], roles: [...COMPARE_ROLES], baseline: 'run', baselineNote: 'measured earlier, reused'});
	const board = new BaselineBoard();
	for (const role of COMPARE_ROLES) {
		const response = baseline.reasoning[role];
		if (response) ctx.emit({type: 'compare:cell-done', subject, role, response});
		board.post(role, baselineRef(baseline, role), response);
	}
	board.close();
	ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});
	const outcome: CompareOutcome = {models: {}, baseline};
	try {
		await runLocalModels(ctx, prompts, models, board, outcome);
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

/** Inside a round: the baseline runs in the runner's own task and posts on the board. */
async function compareAgainstBoard(ctx: StepContext, prompts: Prompts, models: string[], board: BaselineBoard): Promise<CompareOutcome> {
	const claude = ctx.claude;
	const subject = claude ? baselineSubject(claude.model) : null;
	const skipped = skippedBaseline(ctx);
	ctx.emit({type: 'compare:start', subjects: [...(subject ? [subject] : []), ...models], roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: skipped.note});
	if (subject) {
		for (const [role, response] of board.posted()) ctx.emit({type: 'compare:cell-done', subject, role, response});
	}
	const outcome: CompareOutcome = {models: {}, baseline: ctx.results.read().baseline ?? skipped};
	try {
		await runLocalModels(ctx, prompts, models, board, outcome);
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

async function runLocalModels(ctx: StepContext, prompts: Prompts, models: string[], board: BaselineBoard, outcome: CompareOutcome): Promise<void> {
	const keepAlive = ctx.round?.keepAlive;
	// Scoring waits for Claude's answer to the same role; generation never does.
	const pending: Promise<void>[] = [];
	const defer = ctx.round?.defer ?? ((work: Promise<void>) => void pending.push(work));
	try {
		for (const model of models) {
			const reasoning: ReasoningResult = {};
			outcome.models[model] = reasoning;
			try {
				const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
				let bullText: string | null = null;
				for (const role of COMPARE_ROLES) {
					const text = await runOneCell(
						ctx,
						prompts,
						model,
						role,
						bullText,
						(forRole) => board.ref(forRole, ctx.signal),
						(prompt, onDelta) => runOllamaCell(ctx, model, prompt, think, onDelta, keepAlive),
						(forRole, response) => {
							reasoning[forRole] = response;
							ctx.results.update((draft) => {
								const entry = modelEntry(draft, model);
								entry.reasoning = {...entry.reasoning, [forRole]: response};
							});
						},
						defer,
					);
					if (role === 'bull') bullText = text;
				}
			} finally {
				if (!ctx.round?.keepLoaded) await unloadQuietly(ctx, model);
			}
		}
	} finally {
		await Promise.all(pending);
	}
}

/**
 * One prompt of one subject: generate, then score against Claude's answer to the same role once
 * it exists (deferred when `defer` is given, so the next prompt need not wait). A cancel while
 * waiting for Claude still keeps the finished answer, scored without the reference. Returns the
 * answer text (the bear rebuts the bull's), null when it failed.
 */
async function runOneCell(
	ctx: StepContext,
	prompts: Prompts,
	subject: string,
	role: Role,
	bullText: string | null,
	baselineFor: (role: Role) => Promise<BaselineRef>,
	runCell: CellRunner,
	onCellDone: (role: Role, response: ScoredResponse, run: CellRun | null) => void,
	defer?: (work: Promise<void>) => void,
): Promise<string | null> {
	if (ctx.signal.aborted) throw canceledError();
	const prompt = promptFor(role, prompts, bullText);
	ctx.emit({type: 'compare:cell-start', subject, role, at: performance.now()});
	const onDelta: OnDelta = (text, at) => ctx.emit({type: 'compare:delta', subject, role, text, at});
	let run: CellRun;
	try {
		run = await runCell(prompt, onDelta, role);
	} catch (error) {
		const cause = error instanceof CellFailure ? error.cause : error;
		if (isCanceled(cause) || ctx.signal.aborted) throw canceledError();
		const partial = error instanceof CellFailure ? error : null;
		const response = errorResponse(role, userMessage(cause), partial?.partialText ?? '', partial?.elapsedSeconds ?? 0);
		onCellDone(role, response, null);
		ctx.emit({type: 'compare:cell-done', subject, role, response});
		return null;
	}
	const finish = (reference: BaselineRef) => {
		const response = scoredResponse({role, run, context: prompts.context, baseline: reference, resultsDir: ctx.results.dir, subject, simulated: ctx.simulated});
		if (run.note) {
			response.note = run.note;
			const cutOff = run.note.split('; ').find((part) => part.startsWith('answer cut off'));
			if (cutOff) ctx.emit({type: 'warning', message: `${subject} ${role}: ${cutOff}`});
		}
		onCellDone(role, response, run);
		ctx.emit({type: 'compare:cell-done', subject, role, response});
	};
	const scored = baselineFor(role).then(
		(reference) => finish(reference),
		() => finish(null),
	);
	if (defer) defer(scored);
	else await scored;
	if (!defer && ctx.signal.aborted) throw canceledError();
	return run.text;
}

function baselineRef(baseline: BaselineResult, role: Role): BaselineRef {
	const response = baseline.reasoning[role];
	if (baseline.status === 'skipped' || response?.status !== 'ok' || !response.metrics) return null;
	return {chars: response.metrics.chars, score: response.score};
}

function addUsage(baseline: BaselineResult, run: CellRun | null): void {
	if (!run?.usage) return;
	const usage = baseline.usage ?? {inputTokens: 0, outputTokens: 0};
	const thinking = (usage.thinkingTokens ?? 0) + (run.usage.thinkingTokens ?? 0);
	baseline.usage = {
		inputTokens: usage.inputTokens + run.usage.inputTokens,
		outputTokens: usage.outputTokens + run.usage.outputTokens,
		...(thinking > 0 ? {thinkingTokens: thinking} : {}),
	};
	if (run.costUsd !== null) baseline.costUsd = (baseline.costUsd ?? 0) + run.costUsd;
}

/** 'error' only when nothing was measured; otherwise the failed roles are named in the note. */
function settleBaseline(baseline: BaselineResult): void {
	const responses = Object.values(baseline.reasoning);
	const failed = responses.filter((response) => response.status === 'error');
	baseline.status = responses.length > 0 && failed.length === responses.length ? 'error' : 'ok';
	baseline.note = failed.length === 0 ? null : failed.map((response) => `${response.role}: ${response.error ?? 'failed'}`).join('; ');
}

/** A skipped run never overwrites a baseline measured earlier: results already measured are kept. */
function persistBaseline(ctx: StepContext, baseline: BaselineResult): void {
	ctx.results.update((draft) => {
		if (baseline.status === 'skipped' && draft.baseline && draft.baseline.status !== 'skipped') return;
		draft.baseline = structuredClone(baseline);
	});
}

function writeTableQuietly(ctx: StepContext): void {
	try {
		writeComparisonTable(ctx.results.dir, ctx.results.read());
	} catch (error) {
		ctx.emit({type: 'warning', message: `could not write the comparison table: ${userMessage(error)}`});
	}
}
