// One chat turn with tools on either endpoint the pipeline uses, reduced to what the scenarios
// judge: the text and the structured tool calls. Errors stay ProviderErrors so the caller can
// tell "does not support tools" from a broken server.
import type {ChatMessage, ToolCall, ToolSchema} from '../../providers/types.js';
import type {Endpoint} from '../events.js';
import type {StepContext} from './context.js';

export type ToolTurn = {content: string; toolCalls: ToolCall[]};
export type ToolDriver = (messages: ChatMessage[], tools: ToolSchema[]) => Promise<ToolTurn>;

/** Pinned as in the benchmark; a tool turn is short, so a small cap keeps a rambling model cheap. */
export const TOOL_OPTIONS = {temperature: 0, seed: 42, numPredict: 1024} as const;

export function createToolDriver(ctx: StepContext, model: string, endpoint: Endpoint, think: boolean | undefined): ToolDriver {
	if (endpoint === 'openai') {
		return async (messages, tools) => {
			const result = await ctx.openai.chat(
				{model, messages, tools, temperature: TOOL_OPTIONS.temperature, seed: TOOL_OPTIONS.seed, maxTokens: TOOL_OPTIONS.numPredict},
				{signal: ctx.signal},
			);
			return {content: result.content, toolCalls: result.toolCalls};
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
		for await (const event of stream) {
			if (event.type === 'delta') content += event.text;
			else if (event.type === 'tool_calls') toolCalls.push(...event.calls);
		}
		return {content, toolCalls};
	};
}
