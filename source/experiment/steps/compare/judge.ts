// One pairwise judgement: an answer against the baseline's answer to the same prompt and market,
// asked in both orders (docs/reference/judging.md §2). Each pair is an independent async function, so
// a scheduler can run pairs alongside local generation. An invalid answer is asked once more,
// then recorded as "judge failed" with a null quality, never as 0.
import {createHash, randomBytes} from 'node:crypto';
import {JUDGE_PROMPT_VERSION, JUDGE_SYSTEM, blindAnswer, buildJudgeUser, judgeBoundary, judgeJsonSchema, type JudgePairText} from '../../../analysis/judgePrompt.js';
import {combineOrders, parseVerdict} from '../../../analysis/judgeVerdict.js';
import type {JudgeVerdict} from '../../../analysis/judgePrompt.js';
import {readJudgeCache, writeJudgeCache} from '../../../output/judgeCache.js';
import type {JudgeRecord, Role} from '../../../domain/schema.js';
import {isCanceled, isProviderError} from '../../../providers/errors.js';
import type {ClaudeProvider, JudgeProvider} from '../../../providers/types.js';
import type {Settings} from '../../settings.js';
import type {ClaudeQueue} from '../../claudeQueue.js';
import type {ScenarioRun} from './types.js';
import {sharedPrefixOf} from './sharedPrefix.js';

export type JudgeSetup = {
	claude: ClaudeProvider | null;
	/** A judge that is not Claude (--judge openai:<model>): used instead of claude, outside the Claude queue. */
	provider?: JudgeProvider;
	/** What verdicts record as their judge: the Claude id, or the provider's label ("openai:<model>"). */
	model: string;
	resultsDir: string;
	signal: AbortSignal;
	/** Subject names to strip from answers (model ids, `claude:<model>`). */
	names: string[];
	/** Every judge call waits its turn here when set (bounded, FIFO, 429/529 backoff). */
	queue?: ClaudeQueue;
};

/** What the judge cost, recorded like the baseline's usage. */
export type JudgeTally = {calls: number; cached: number; failed: number; inputTokens: number; outputTokens: number; costUsd: number | null};

/** A judge as a compare run uses it: its setup and the tally every call adds to. */
export type Judge = {setup: JudgeSetup; tally: JudgeTally};

export function emptyTally(): JudgeTally {
	return {calls: 0, cached: 0, failed: 0, inputTokens: 0, outputTokens: 0, costUsd: null};
}

export type JudgePairInput = {role: Role; task: string; context: string; answer: string; baseline: string};

/** Enough for four one-line reasons and their scores; the retry gets twice as much in case the first was cut off. */
export const JUDGE_MAX_TOKENS = 1500;

/** Short hash of a baseline answer: stored with each verdict so a changed baseline is noticed. */
export function answerHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The cache key of a pair in one order: what the judge is shown, without the per-request boundary. */
export function judgeCacheKey(model: string, pair: JudgePairText): string {
	return createHash('sha256').update(JSON.stringify([model, JUDGE_PROMPT_VERSION, JUDGE_SYSTEM, pair.role, pair.task, pair.context, pair.first, pair.second])).digest('hex');
}

type Asked = {ok: true; verdict: JudgeVerdict; cached: boolean; costUsd: number | null} | {ok: false; error: string};

async function ask(setup: JudgeSetup, pair: JudgePairText, tally: JudgeTally): Promise<Asked> {
	const key = judgeCacheKey(setup.model, pair);
	const hit = readJudgeCache(setup.resultsDir, key);
	const fromCache = hit ? parseVerdict(hit.text) : null;
	if (fromCache?.ok) {
		tally.cached++;
		return {ok: true, verdict: fromCache.verdict, cached: true, costUsd: 0};
	}
	const judge = setup.provider ? setup.provider.judge.bind(setup.provider) : setup.claude?.judge?.bind(setup.claude);
	if (!judge) return {ok: false, error: 'this Claude provider cannot judge'};
	// The Claude queue paces Claude; another endpoint has its own limits.
	const queue = setup.provider ? undefined : setup.queue;
	let lastError = '';
	for (const maxTokens of [JUDGE_MAX_TOKENS, 2 * JUDGE_MAX_TOKENS]) {
		let reply;
		try {
			// A new boundary for every request: an answer cannot have been written to forge it.
			const user = buildJudgeUser(pair, judgeBoundary(randomBytes(12)));
			// Every pair on one market repeats the prompt up to the market data (before the boundary): cacheable.
			const sharedPrefix = sharedPrefixOf(user, [pair.context]);
			const request = {model: setup.model, system: JUDGE_SYSTEM, user, schema: judgeJsonSchema(), maxTokens, ...(sharedPrefix ? {sharedPrefix} : {})};
			reply = queue
				? await queue.run('judge', (signal) => judge(request, {signal}), setup.signal)
				: await judge(request, {signal: setup.signal});
		} catch (error) {
			if (isCanceled(error) || setup.signal.aborted) throw error;
			// The SDK has already retried transient failures; a provider error is reported as it is.
			return {ok: false, error: isProviderError(error) ? error.userMessage : String(error)};
		}
		tally.calls++;
		tally.inputTokens += reply.usage.inputTokens;
		tally.outputTokens += reply.usage.outputTokens;
		if (reply.costUsd !== null) tally.costUsd = (tally.costUsd ?? 0) + reply.costUsd;
		// A refusal is the judge's answer, not a cut-off: asking again with more tokens does not change it.
		if (reply.stopReason === 'refusal') return {ok: false, error: 'the judge refused to answer (stop_reason refusal)'};
		const parsed = reply.stopReason === 'max_tokens' ? ({ok: false, error: 'the judge ran out of tokens'} as const) : parseVerdict(reply.text);
		if (parsed.ok) {
			writeJudgeCache(setup.resultsDir, key, {model: reply.model, text: reply.text, usage: reply.usage, at: new Date().toISOString()});
			return {ok: true, verdict: parsed.verdict, cached: false, costUsd: reply.costUsd};
		}
		lastError = parsed.error;
	}
	return {ok: false, error: `${lastError} (asked twice)`};
}

function failed(setup: JudgeSetup, error: string, calls: number): JudgeRecord {
	return {status: 'failed', error: `judge failed: ${error}`, model: setup.model, verdict: null, quality: null, baselineQuality: null, criteria: [], calls, costUsd: null, cached: false};
}

/**
 * Whether this run has a judge: not the rubric, a Claude baseline to judge against, and the judge
 * asked for (Claude's judge, or the OpenAI-compatible one). Never Claude when another was asked for.
 */
export function judgeAvailable(ctx: {settings: Pick<Settings, 'judge'>; claude: ClaudeProvider | null; judgeProvider?: JudgeProvider | null}): boolean {
	if (ctx.settings.judge === 'rubric' || !ctx.claude) return false;
	if (ctx.settings.judge === 'openai') return Boolean(ctx.judgeProvider);
	return Boolean(ctx.claude.judge);
}

/** Judges `answer` against `baseline`, in both orders: both get an absolute 0-10 quality, plus win/tie/loss. */
export async function judgePair(setup: JudgeSetup, input: JudgePairInput, tally: JudgeTally): Promise<JudgeRecord> {
	const answer = blindAnswer(input.answer, setup.names);
	const baseline = blindAnswer(input.baseline, setup.names);
	const callsBefore = tally.calls;
	const base = {role: input.role, task: blindAnswer(input.task, setup.names), context: input.context};
	const answerFirst = await ask(setup, {...base, first: answer, second: baseline}, tally);
	if (!answerFirst.ok) {
		tally.failed++;
		return failed(setup, answerFirst.error, tally.calls - callsBefore);
	}
	const answerSecond = await ask(setup, {...base, first: baseline, second: answer}, tally);
	if (!answerSecond.ok) {
		tally.failed++;
		return failed(setup, answerSecond.error, tally.calls - callsBefore);
	}
	const combined = combineOrders(answerFirst.verdict, answerSecond.verdict);
	const costs = [answerFirst.costUsd, answerSecond.costUsd];
	return {
		status: 'ok',
		model: setup.model,
		verdict: combined.verdict,
		quality: combined.quality,
		baselineQuality: combined.baselineQuality,
		criteria: combined.criteria,
		calls: tally.calls - callsBefore,
		costUsd: costs.some((c) => c === null) ? null : costs.reduce<number>((sum, c) => sum + (c ?? 0), 0),
		cached: answerFirst.cached && answerSecond.cached,
	};
}

/** Adds the judge's verdict to a scored answer; its quality replaces the rubric's for this scenario. */
export async function judgeEntry(judge: Judge, entry: ScenarioRun, pair: Parameters<typeof judgePair>[1]): Promise<void> {
	const verdict = await judgePair(judge.setup, pair, judge.tally);
	entry.score.judge = verdict;
	entry.score.quality = verdict.quality;
	entry.score.scorer = {kind: 'judge', version: JUDGE_PROMPT_VERSION, judgeModel: judge.setup.model, baseline: answerHash(pair.baseline), label: judge.setup.model};
}
