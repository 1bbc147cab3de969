// Streams one prompt through a local model or Claude and measures it: the text, wall time,
// output tokens and rate (Ollama's own counters where there are any), time to first token.
import {performance} from 'node:perf_hooks';
import {implausibleCounters} from '../../../analysis/plausibility.js';
import {cutOffNote, splitThinking} from '../../../analysis/thinkBlocks.js';
import type {ClaudeProvider, ThinkSetting} from '../../../providers/types.js';
import {ProviderError} from '../../../providers/errors.js';
import type {StepContext} from '../context.js';
import type {CellRun, OnDelta, RolePrompt} from './types.js';


/**
 * Long enough for the 1.2-1.4K-word answers the pipeline's researchers write
 * (docs/reference/tradingagents.md §4); the benchmark's 512 would cut them off.
 */
export const COMPARE_NUM_PREDICT = 4096;
/** Claude's own cap; its baseline answers run to about 18K characters. */
export const CLAUDE_MAX_TOKENS = 8192;

/** Keeps the partial text when a stream dies, so the cell can still show what arrived. */
export class CellFailure extends Error {
	override readonly name = 'CellFailure';
	constructor(
		override readonly cause: unknown,
		readonly partialText: string,
		readonly elapsedSeconds: number,
	) {
		super('cell failed');
	}
}

export function canceledError(): ProviderError {
	return new ProviderError('canceled', 'Canceled', 'Results measured so far are kept.');
}

export async function runOllamaCell(
	ctx: StepContext,
	model: string,
	prompt: RolePrompt,
	think: ThinkSetting | undefined,
	onDelta: OnDelta,
	keepAlive?: string,
): Promise<CellRun> {
	const started = performance.now();
	let text = '';
	try {
		const stream = ctx.ollama.chat(
			{
				model,
				messages: [
					{role: 'system', content: prompt.system},
					{role: 'user', content: prompt.user},
				],
				think,
				options: {temperature: 0, seed: 42, num_ctx: ctx.settings.numCtx, num_predict: COMPARE_NUM_PREDICT},
				...(keepAlive === undefined ? {} : {keepAlive}),
			},
			{signal: ctx.signal},
		);
		for await (const event of stream) {
			if (event.type === 'delta' && event.text) {
				text += event.text;
				onDelta(event.text, event.at);
			} else if (event.type === 'done') {
				const problem = implausibleCounters(event.counters);
				if (problem !== null) {
					throw new ProviderError('in-band', `Ollama reported implausible counters for ${model}: ${problem}`, 'if it keeps happening, check that the host is a real Ollama server');
				}
				const {evalCount, evalDuration} = event.counters;
				// Only the answer is scored: a <think> block left in content (Ollama v0.9.0-v0.12.3) is not.
				const {answer} = splitThinking(text);
				return {
					text: answer,
					note: event.doneReason === 'length' ? cutOffNote(Math.min(evalCount || COMPARE_NUM_PREDICT, COMPARE_NUM_PREDICT)) : null,
					elapsedSeconds: (performance.now() - started) / 1000,
					outputTokens: evalCount || null,
					tokensPerSecond: evalCount > 0 && evalDuration > 0 ? (evalCount / evalDuration) * 1e9 : null,
					ttftMs: event.ttftMs,
					usage: null,
					costUsd: null,
				};
			}
		}
		throw new ProviderError('stream-incomplete', `The reply from ${model} ended early`, 'Check that Ollama is still running, then run compare again.');
	} catch (error) {
		throw new CellFailure(error, text, (performance.now() - started) / 1000);
	}
}

export async function runClaudeCell(ctx: StepContext, claude: ClaudeProvider, prompt: RolePrompt, onDelta: OnDelta, sharedPrefix?: string): Promise<CellRun> {
	const started = performance.now();
	let text = '';
	try {
		const stream = claude.stream(
			{model: claude.model, system: prompt.system, messages: [{role: 'user', content: prompt.user}], maxTokens: CLAUDE_MAX_TOKENS, ...(sharedPrefix ? {sharedPrefix} : {})},
			{signal: ctx.signal},
		);
		for await (const event of stream) {
			if (event.type === 'delta' && event.text) {
				text += event.text;
				onDelta(event.text, event.at);
			} else if (event.type === 'done') {
				const elapsedMs = performance.now() - started;
				const generatingMs = elapsedMs - (event.ttftMs ?? 0);
				const outputTokens = event.usage.outputTokens;
				// Thinking happens before the first answer token: it is in the TTFT and the cost, not in the rate.
				const thinking = event.usage.thinkingTokens ?? 0;
				const answerTokens = outputTokens - thinking;
				const notes = [
					...(event.stopReason === 'max_tokens' ? [cutOffNote(CLAUDE_MAX_TOKENS)] : []),
					...(thinking > 0 ? [`thought for ${thinking} tokens first (in the cost and the time to first token, not in the rate)`] : []),
				];
				return {
					text,
					note: notes.length > 0 ? notes.join('; ') : null,
					elapsedSeconds: elapsedMs / 1000,
					outputTokens,
					tokensPerSecond: answerTokens > 0 && generatingMs > 0 ? answerTokens / (generatingMs / 1000) : null,
					ttftMs: event.ttftMs,
					usage: event.usage,
					costUsd: event.costUsd,
				};
			}
		}
		// The SDK ends an aborted stream silently (docs/reference/libs.md §5), so no 'done' after Ctrl+C is a cancel.
		if (ctx.signal.aborted) throw canceledError();
		throw new ProviderError('claude-stream-error', 'The reply from Claude ended early', 'Run compare again; finished cells are kept.');
	} catch (error) {
		throw new CellFailure(error, text, (performance.now() - started) / 1000);
	}
}
