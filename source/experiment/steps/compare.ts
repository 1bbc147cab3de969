// The isolated reasoning comparison (issue 4): the Claude baseline first (so depth can be
// measured against its length), then one local model at a time, each unloaded after its three
// prompts. Every cell is persisted as soon as it is scored; a failing call marks only that cell.
import type {BaselineResult, ReasoningResult, Role, ScoredResponse} from '../../output/schema.js';
import {writeComparisonTable} from '../../output/comparisonTable.js';
import {bundledPromptsDir, loadPrompts, type Prompts} from '../../prompts/load.js';
import {isCanceled} from '../../providers/errors.js';
import type {StepContext} from './context.js';
import {CellFailure, canceledError, runClaudeCell, runOllamaCell, type CellRun, type OnDelta, type RolePrompt} from './compareCell.js';
import {COMPARE_ROLES, promptFor} from './comparePrompts.js';
import {errorResponse, scoredResponse, type BaselineRef} from './compareResponse.js';
import {userMessage} from '../../system/userMessage.js';
import {modelEntry} from './modelEntry.js';
import {thinkOptionFor} from './thinkOption.js';
import {unloadQuietly} from './unloadQuietly.js';

export type CompareOutcome = {models: Record<string, ReasoningResult>; baseline: BaselineResult};

type CellRunner = (prompt: RolePrompt, onDelta: OnDelta) => Promise<CellRun>;

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

export async function runCompare(ctx: StepContext, models: string[], options: CompareOptions = {}): Promise<CompareOutcome> {
	// An empty promptsDir means no --prompts-dir: the bundled prompts.
	const prompts = loadPrompts(ctx.promptsDir || bundledPromptsDir());
	const kept = options.reuseBaseline ? reusableBaseline(ctx) : null;
	if (kept) return compareAgainstKept(ctx, prompts, models, kept);
	const claude = ctx.claude;
	const baseline: BaselineResult = {
		provider: 'claude',
		model: claude?.model ?? ctx.settings.claudeModel,
		status: claude ? 'ok' : 'skipped',
		note: claude ? null : (ctx.claudeSkipReason ?? 'no Claude provider'),
		reasoning: {},
		costUsd: null,
		usage: null,
	};
	const subjects = [...(claude ? [baselineSubject(claude.model)] : []), ...models];
	ctx.emit({type: 'compare:start', subjects, roles: [...COMPARE_ROLES], baseline: claude ? 'run' : 'skipped', baselineNote: baseline.note});
	const outcome: CompareOutcome = {models: {}, baseline};
	try {
		if (claude) {
			const warning = claude.deprecation();
			if (warning) ctx.emit({type: 'warning', message: warning});
			await runSubject(ctx, prompts, baselineSubject(claude.model), () => null, (prompt, onDelta) => runClaudeCell(ctx, claude, prompt, onDelta), (role, response, run) => {
				baseline.reasoning[role] = response;
				addUsage(baseline, run);
				settleBaseline(baseline);
				persistBaseline(ctx, baseline);
			});
		} else {
			persistBaseline(ctx, baseline);
		}
		ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});

		await runLocalModels(ctx, prompts, models, baseline, outcome);
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

/** The local models against a baseline measured earlier: shown as done, not asked again. */
async function compareAgainstKept(ctx: StepContext, prompts: Prompts, models: string[], baseline: BaselineResult): Promise<CompareOutcome> {
	const subject = baselineSubject(baseline.model);
	ctx.emit({type: 'compare:start', subjects: [subject, ...models], roles: [...COMPARE_ROLES], baseline: 'run', baselineNote: 'measured earlier, reused'});
	for (const role of COMPARE_ROLES) {
		const response = baseline.reasoning[role];
		if (response) ctx.emit({type: 'compare:cell-done', subject, role, response});
	}
	ctx.emit({type: 'compare:baseline-done', baseline: structuredClone(baseline)});
	const outcome: CompareOutcome = {models: {}, baseline};
	try {
		await runLocalModels(ctx, prompts, models, baseline, outcome);
	} finally {
		writeTableQuietly(ctx);
	}
	return outcome;
}

async function runLocalModels(ctx: StepContext, prompts: Prompts, models: string[], baseline: BaselineResult, outcome: CompareOutcome): Promise<void> {
	for (const model of models) {
		const reasoning: ReasoningResult = {};
		outcome.models[model] = reasoning;
		try {
			const think = await thinkOptionFor(ctx.ollama, model, ctx.signal);
			await runSubject(ctx, prompts, model, (role) => baselineRef(baseline, role), (prompt, onDelta) => runOllamaCell(ctx, model, prompt, think, onDelta), (role, response) => {
				reasoning[role] = response;
				ctx.results.update((draft) => {
					const entry = modelEntry(draft, model);
					entry.reasoning = {...entry.reasoning, [role]: response};
				});
			});
		} finally {
			await unloadQuietly(ctx, model);
		}
	}
}

async function runSubject(
	ctx: StepContext,
	prompts: Prompts,
	subject: string,
	baselineFor: (role: Role) => BaselineRef,
	runCell: CellRunner,
	onCellDone: (role: Role, response: ScoredResponse, run: CellRun | null) => void,
): Promise<void> {
	let bullText: string | null = null;
	for (const role of COMPARE_ROLES) {
		if (ctx.signal.aborted) throw canceledError();
		const prompt = promptFor(role, prompts, bullText);
		ctx.emit({type: 'compare:cell-start', subject, role, at: performance.now()});
		const onDelta: OnDelta = (text, at) => ctx.emit({type: 'compare:delta', subject, role, text, at});
		let response: ScoredResponse;
		let run: CellRun | null = null;
		try {
			run = await runCell(prompt, onDelta);
			if (role === 'bull') bullText = run.text;
			response = scoredResponse({
				role,
				run,
				context: prompts.context,
				baseline: baselineFor(role),
				resultsDir: ctx.results.dir,
				subject,
				simulated: ctx.simulated,
			});
			if (run.note) {
				response.note = run.note;
				const cutOff = run.note.split('; ').find((part) => part.startsWith('answer cut off'));
				if (cutOff) ctx.emit({type: 'warning', message: `${subject} ${role}: ${cutOff}`});
			}
		} catch (error) {
			const cause = error instanceof CellFailure ? error.cause : error;
			if (isCanceled(cause) || ctx.signal.aborted) throw canceledError();
			const partial = error instanceof CellFailure ? error : null;
			response = errorResponse(role, userMessage(cause), partial?.partialText ?? '', partial?.elapsedSeconds ?? 0);
		}
		onCellDone(role, response, run);
		ctx.emit({type: 'compare:cell-done', subject, role, response});
	}
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
