// One chat turn with tools on either endpoint the pipeline uses, reduced to what the scenarios
// judge: the text and the structured tool calls. Errors stay ProviderErrors so the caller can
// tell "does not support tools" from a broken server.
import {cutOffNote, splitThinking} from '../../analysis/thinkBlocks.js';
import type {ChatMessage, ThinkSetting, ToolCall, ToolSchema} from '../../providers/types.js';
import type {Endpoint} from '../events.js';
import type {StepContext} from './context.js';

/** `cutOff`: "answer cut off at N tokens" when the reply hit the num_predict cap, else null. */
export type ToolTurn = {content: string; toolCalls: ToolCall[]; cutOff?: string | null};
export type ToolDriver = (messages: ChatMessage[], tools: ToolSchema[]) => Promise<ToolTurn>;

/** Pinned as in the benchmark; a tool turn is short, so a small cap keeps a rambling model cheap. */
export const TOOL_OPTIONS = {temperature: 0, seed: 42, numPredict: 1024} as const;

export function createToolDriver(ctx: StepContext, model: string, endpoint: Endpoint, think: ThinkSetting | undefined): ToolDriver {
	if (endpoint === 'openai') {
		return async (messages, tools) => {
			const result = await ctx.openai.chat(
				{model, messages, tools, temperature: TOOL_OPTIONS.temperature, seed: TOOL_OPTIONS.seed, maxTokens: TOOL_OPTIONS.numPredict},
				{signal: ctx.signal},
			);
			return {
				content: splitThinking(result.content).answer,
				toolCalls: result.toolCalls,
				cutOff: result.finishReason === 'length' ? cutOffNote(result.usage?.completionTokens ?? TOOL_OPTIONS.numPredict) : null,
			};
		};
	}
	return async (messages, tools) => {
		let content = '';
		const toolCalls: ToolCall[] = [];
		const stream = ctx.ollama.chat(
			{
				model,
				messages,
				tools,
				think,
				options: {
					temperature: TOOL_OPTIONS.temperature,
					seed: TOOL_OPTIONS.seed,
					num_ctx: ctx.settings.numCtx,
					num_predict: TOOL_OPTIONS.numPredict,
				},
				...(ctx.round ? {keepAlive: ctx.round.keepAlive} : {}),
			},
			{signal: ctx.signal},
		);
		let cutOff: string | null = null;
		for await (const event of stream) {
			if (event.type === 'delta') content += event.text;
			else if (event.type === 'tool_calls') toolCalls.push(...event.calls);
			else if (event.type === 'done' && event.doneReason === 'length') cutOff = cutOffNote(event.counters.evalCount || TOOL_OPTIONS.numPredict);
		}
		// A <think> block left in content (Ollama v0.9.0-v0.12.3) is reasoning, not a leaked call or an answer.
		return {content: splitThinking(content).answer, toolCalls, cutOff};
	};
}
