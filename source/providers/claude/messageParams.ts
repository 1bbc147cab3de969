// The Messages API body of a baseline answer or a judge verdict, shaped for the model it goes to
// (modelRules.ts): thinking at the lowest setting the model allows, an effort, max_tokens with room
// for any thinking, never sampling parameters, a prefill or forced tool use. The system prompt and
// the shared prefix of the first user message (the market context) are marked cacheable, so the
// repeated part of every call is read from the prompt cache (docs/reference/servers.md: a tenth of
// the input price; prefixes under the model's minimum are simply not cached). Pure.
import type {MessageCreateParamsBase, MessageParam, TextBlockParam} from '@anthropic-ai/sdk/resources/messages/messages';
import type {ClaudeRequest, JudgeRequest} from '../types.js';
import {shapeRequest, type Purpose, type RequestShape} from './modelRules.js';

const CACHED = {type: 'ephemeral'} as const;

type Shaped = {params: MessageCreateParamsBase; shape: RequestShape};

function shaped(model: string, purpose: Purpose, answerTokens: number, body: Omit<MessageCreateParamsBase, 'model' | 'max_tokens'>, format?: Record<string, unknown>): Shaped {
	const shape = shapeRequest(model, purpose, answerTokens);
	const outputConfig = {...(shape.effort ? {effort: shape.effort} : {}), ...(format ? {format: {type: 'json_schema' as const, schema: format}} : {})};
	return {
		shape,
		params: {
			model,
			max_tokens: shape.maxTokens,
			...body,
			...(shape.thinking ? {thinking: shape.thinking} : {}),
			...(Object.keys(outputConfig).length > 0 ? {output_config: outputConfig} : {}),
		},
	};
}

/** The first user message as [shared prefix (cacheable), the rest], when `prefix` starts it. */
function splitFirstUser(messages: ClaudeRequest['messages'], prefix: string | undefined): MessageParam[] {
	return messages.map((message, index): MessageParam => {
		if (index !== 0 || message.role !== 'user' || !prefix || !message.content.startsWith(prefix) || prefix.length === message.content.length) return message;
		const blocks: TextBlockParam[] = [
			{type: 'text', text: prefix, cache_control: CACHED},
			{type: 'text', text: message.content.slice(prefix.length)},
		];
		return {role: 'user', content: blocks};
	});
}

function systemBlocks(system: string | undefined, cacheable: boolean): TextBlockParam[] | undefined {
	if (system === undefined || system === '') return undefined;
	return [{type: 'text', text: system, ...(cacheable ? {cache_control: CACHED} : {})}];
}

/** A baseline answer: what the pipeline would get from this model. */
export function baselineParams(request: ClaudeRequest, model: string): Shaped {
	const prefix = request.sharedPrefix;
	const messages = splitFirstUser(request.messages, prefix);
	const split = messages[0] !== undefined && typeof messages[0].content !== 'string';
	// With the context split off, its block is the breakpoint (the system prompt is inside the prefix).
	const system = systemBlocks(request.system, !split);
	return shaped(model, 'baseline', request.maxTokens, {messages, ...(system ? {system} : {})});
}

/** A judge verdict: structured output through output_config.format, never forced tool use. */
export function judgeParams(request: JudgeRequest): Shaped {
	const messages = splitFirstUser([{role: 'user', content: request.user}], request.sharedPrefix);
	const split = typeof messages[0]?.content !== 'string';
	const system = systemBlocks(request.system, !split);
	return shaped(request.model, 'judge', request.maxTokens, {messages, ...(system ? {system} : {})}, request.schema);
}
