// The Claude baseline over every role x scenario, and, when the judge scores quality, a second
// Claude sample per scenario judged against the first: the noise floor a model's gap is read
// against. A baseline measured earlier for the same model and scenarios can be kept.
import {JUDGE_PROMPT_VERSION} from '../../../analysis/judgePrompt.js';
import {judgeIdentity} from '../../../analysis/judgeIdentity.js';
import type {BaselineResult, Role, ScoredResponse} from '../../../domain/schema.js';
import {readTranscript} from '../../../output/transcripts.js';
import type {Scenario} from '../../../prompts/scenarios.js';
import {isCanceled, isProviderError} from '../../../providers/errors.js';
import type {ClaudeProvider} from '../../../providers/types.js';
import type {StepContext} from '../context.js';
import {CellFailure, runClaudeCell} from './cell.js';
import {sharedPrefixOf} from './sharedPrefix.js';
import type {CellRun, OnDelta, RolePrompt} from './types.js';
import type {BaselineBoard} from './baselineBoard.js';
import {aggregateBaselineRole, type QualitySource} from './aggregate.js';
import type {ScenarioRun} from './types.js';
import {COMPARE_ROLES} from './prompts.js';
import {judgeAvailable, judgePair, type JudgeSetup, type JudgeTally} from './judge.js';
import {userMessage} from '../../../system/userMessage.js';
import {runSubject, type SubjectPlan} from './subject.js';
import {writeTranscript} from '../../../output/transcripts.js';

/** The baseline's answers by `${role}/${scenario}`: what every local answer is judged against. */
export type BaselineTexts = Map<string, string>;

export function textKey(role: Role, scenario: string): string {
	return `${role}/${scenario}`;
}

export function baselineSubject(model: string): string {
	return `claude:${model}`;
}

export function addUsage(baseline: BaselineResult, run: CellRun | null): void {
	if (!run?.usage) return;
	const usage = baseline.usage ?? {inputTokens: 0, outputTokens: 0};
	const sum = (key: 'thinkingTokens' | 'cacheReadTokens' | 'cacheWriteTokens') => (usage[key] ?? 0) + (run.usage?.[key] ?? 0);
	const [thinking, cacheRead, cacheWrite] = [sum('thinkingTokens'), sum('cacheReadTokens'), sum('cacheWriteTokens')];
	baseline.usage = {
		inputTokens: usage.inputTokens + run.usage.inputTokens,
		outputTokens: usage.outputTokens + run.usage.outputTokens,
		...(thinking > 0 ? {thinkingTokens: thinking} : {}),
		...(cacheRead > 0 ? {cacheReadTokens: cacheRead} : {}),
		...(cacheWrite > 0 ? {cacheWriteTokens: cacheWrite} : {}),
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
export function persistBaseline(ctx: StepContext, baseline: BaselineResult): void {
	ctx.results.update((draft) => {
		if (baseline.status === 'skipped' && draft.baseline && draft.baseline.status !== 'skipped') return;
		draft.baseline = structuredClone(baseline);
	});
}

/**
 * A failed Claude answer that asking again can fix: a stream cut before its end or broken in the
 * middle, or one that stalled. A refusal, an overflowing context or a rejected request is not.
 */
function worthAnotherTry(error: unknown): boolean {
	const cause = error instanceof CellFailure ? error.cause : error;
	return isProviderError(cause) && (cause.kind === 'claude-stream-error' || cause.kind === 'stall-timeout');
}

/**
 * One Claude answer, through the session's queue when there is one (which also waits out rate
 * limits), asked once more when the first stream was cut. The retry streams nothing to the
 * screen: the first attempt's text is already there, and the recorded answer is the retry's.
 */
async function queuedClaudeCell(ctx: StepContext, claude: ClaudeProvider, prompt: RolePrompt, onDelta: OnDelta, label: string, contexts: readonly string[]): Promise<CellRun> {
	const sharedPrefix = sharedPrefixOf(prompt.user, contexts);
	const queue = ctx.claudeQueue;
	const attempt = (deltas: OnDelta) =>
		queue ? queue.run(label, (signal) => runClaudeCell({...ctx, signal}, claude, prompt, deltas, sharedPrefix), ctx.signal) : runClaudeCell(ctx, claude, prompt, deltas, sharedPrefix);
	try {
		return await attempt(onDelta);
	} catch (error) {
		if (ctx.signal.aborted || !worthAnotherTry(error)) throw error;
		const cause = error instanceof CellFailure ? error.cause : error;
		ctx.emit({type: 'warning', message: `${label}: ${userMessage(cause)}; asking Claude once more`});
		return attempt(() => {});
	}
}

/**
 * Every role x scenario asked of Claude. With `board` (a round, or compare running the local
 * models beside it), each answer's text is posted there as soon as it exists.
 */
export async function measureBaseline(
	ctx: StepContext,
	plan: SubjectPlan,
	claude: ClaudeProvider,
	baseline: BaselineResult,
	judge: {setup: JudgeSetup; tally: JudgeTally} | null,
	board?: BaselineBoard,
): Promise<BaselineTexts> {
	const texts: BaselineTexts = new Map();
	const source: QualitySource = judge ? {kind: 'judge', judgeModel: judge.setup.model} : {kind: 'rubric', judgeModel: null};
	const subject = baselineSubject(claude.model);
	// The noise floor runs beside the next baseline answers (the queue bounds it); a
	// role's record is final, and posted as such, once its second samples are judged.
	const noise = new Map<Role, Promise<void>[]>();
	const runsOf = new Map<Role, ScenarioRun[]>();
	const persist = (role: Role, response: ScoredResponse, complete: boolean) => {
		baseline.reasoning[role] = response;
		if (judge) baseline.judge = judgeRecordOf(judge);
		settleBaseline(baseline);
		persistBaseline(ctx, baseline);
		board?.postResponse(role, response, complete);
	};
	const contexts = plan.scenarios.map((scenario) => scenario.context);
	await runSubject(ctx, plan, subject, (prompt, onDelta) => queuedClaudeCell(ctx, claude, prompt, onDelta, `baseline ${subject}`, contexts), {
		async afterScenario(role, scenario, entry, prompt) {
			addUsage(baseline, entry.run);
			texts.set(textKey(role, scenario.id), entry.text);
			board?.post(textKey(role, scenario.id), entry.text);
			if (!judge) return;
			// The noise floor: the same prompt again, judged against the first answer.
			const work = (async () => {
				try {
					const second = await queuedClaudeCell(ctx, claude, prompt, () => {}, `noise ${role}/${scenario.id}`, contexts);
					addUsage(baseline, second);
					writeTranscript(ctx.results.dir, subject, role, second.text, {simulated: ctx.simulated, scenario: scenario.id, sample: 2});
					entry.score.noise = await judgePair(judge.setup, {role, task: prompt.system, context: scenario.context, answer: second.text, baseline: entry.text}, judge.tally);
				} catch (error) {
					if (isCanceled(error) || ctx.signal.aborted) throw error;
					ctx.emit({type: 'warning', message: `Claude's second sample for ${role} on ${scenario.label} failed (${userMessage(error)}); the noise floor has one scenario fewer.`});
				}
			})();
			// Awaited below; a cancel that ends the baseline first must not leave it unhandled.
			work.catch(() => undefined);
			noise.set(role, [...(noise.get(role) ?? []), work]);
		},
		aggregate: (role, runs) => aggregateBaselineRole(role, runs, source),
		revised: judge !== null,
		persist(role, response, runs) {
			runsOf.set(role, runs);
			persist(role, response, !judge && runs.length === plan.scenarios.length);
		},
	});
	if (!judge) return texts;
	for (const role of COMPARE_ROLES) {
		const runs = runsOf.get(role);
		if (!runs) continue;
		const waited = await Promise.allSettled(noise.get(role) ?? []);
		const failure = waited.find((result) => result.status === 'rejected');
		if (failure) throw failure.reason;
		const response = aggregateBaselineRole(role, runs, source);
		const note = baseline.reasoning[role]?.note;
		if (note) response.note = note;
		persist(role, response, true);
		ctx.emit({type: 'compare:cell-done', subject, role, response});
	}
	return texts;
}

export function judgeRecordOf(judge: {setup: JudgeSetup; tally: JudgeTally}): NonNullable<BaselineResult['judge']> {
	const {tally} = judge;
	const identity = judgeIdentity(judge.setup.model, judge.setup.claude?.model);
	return {
		model: judge.setup.model,
		calls: tally.calls,
		cached: tally.cached,
		failed: tally.failed,
		costUsd: tally.costUsd,
		usage: {inputTokens: tally.inputTokens, outputTokens: tally.outputTokens},
		kind: identity.kind === 'openai' ? 'openai' : 'claude',
		favoursBaseline: identity.favoursBaseline,
		note: identity.note,
	};
}

/**
 * A baseline from an earlier run that can stand: same model, every role answered on every
 * scenario asked for, with the transcripts still on disk (the judge needs the texts).
 */
/** What this run's verdicts will name as their judge; null when the rubric scores. */
function expectedJudge(ctx: StepContext): string | null {
	if (!ctx.claude || !judgeAvailable(ctx)) return null;
	return ctx.settings.judge === 'openai' ? (ctx.judgeProvider?.label ?? null) : (ctx.settings.judgeModel ?? ctx.claude.model);
}

export function reusableBaseline(ctx: StepContext, scenarios: Scenario[]): {baseline: BaselineResult; texts: BaselineTexts} | null {
	const stored = ctx.results.read().baseline;
	if (!ctx.claude || !stored || stored.model !== ctx.claude.model || stored.status !== 'ok') return null;
	const texts: BaselineTexts = new Map();
	for (const role of COMPARE_ROLES) {
		const response = stored.reasoning[role];
		if (response?.status !== 'ok') return null;
		// Judged by an older judge prompt: its own quality and noise floor are on another scale.
		if (response.scorer?.kind === 'judge' && response.scorer.version !== JUDGE_PROMPT_VERSION) return null;
		// Scored by another scorer than this run's (the rubric, or another judge): measured and judged again.
		if ((response.scorer?.kind === 'judge' ? response.scorer.judgeModel : null) !== expectedJudge(ctx)) return null;
		for (const scenario of scenarios) {
			const entry = response.scenarios?.find((s) => s.scenario === scenario.id && s.status === 'ok');
			const text = entry?.transcript ? readTranscript(ctx.results.dir, entry.transcript) : null;
			if (text === null) return null;
			texts.set(textKey(role, scenario.id), text);
		}
	}
	return {baseline: stored, texts};
}
