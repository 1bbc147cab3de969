// One judge request: a non-streamed message whose answer is shaped by output_config.format (a
// JSON schema). Forced tool use is not an option: Claude Sonnet 5.5 rejects it
// (docs/reference/judging.md §3). The SDK has no temperature field, so nothing is pinned here; the
// caller caches verdicts instead. Only text blocks are read: thinking blocks never reach a verdict.
import type Anthropic from '@anthropic-ai/sdk';
import {costUsd} from '../claudePricing.js';
import type {CallOptions, JudgeReply, JudgeRequest} from '../types.js';

export async function judgeCall(client: Anthropic, request: JudgeRequest, opts?: CallOptions): Promise<JudgeReply> {
	const message = await client.messages.create(
		{
			model: request.model,
			max_tokens: request.maxTokens,
			system: request.system,
			messages: [{role: 'user', content: request.user}],
			output_config: {format: {type: 'json_schema', schema: request.schema}},
		},
		{signal: opts?.signal},
	);
	const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
	const inputTokens = message.usage.input_tokens ?? 0;
	const outputTokens = message.usage.output_tokens ?? 0;
	return {
		text,
		stopReason: message.stop_reason ?? null,
		// Aliases move: record the model that answered.
		model: message.model || request.model,
		usage: {inputTokens, outputTokens},
		costUsd: costUsd(message.model || request.model, inputTokens, outputTokens),
	};
}
