// One judge request: a non-streamed message whose answer is shaped by output_config.format (a
// JSON schema). Forced tool use is not an option: Claude Sonnet 5.5 rejects it
// (docs/reference/judging.md §3), and so are sampling parameters, so nothing is pinned here; the
// caller caches verdicts instead. The request is shaped for its model (messageParams.ts). Only
// text blocks are read: thinking blocks never reach a verdict. A refusal or an overflowing
// context is an error of its own kind, never an answer to parse.
import type Anthropic from '@anthropic-ai/sdk';
import {costUsd} from '../claudePricing.js';
import type {CallOptions, JudgeReply, JudgeRequest} from '../types.js';
import {judgeParams} from './messageParams.js';
import {stopReasonError} from './stopReasons.js';
import {usageOf} from './usage.js';

export async function judgeCall(client: Anthropic, request: JudgeRequest, opts?: CallOptions): Promise<JudgeReply> {
	const {params} = judgeParams(request);
	const message = await client.messages.create({...params, stream: false}, {signal: opts?.signal});
	const model = message.model || request.model;
	const problem = stopReasonError(message.stop_reason, model, 'judge');
	if (problem) throw problem;
	const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
	const usage = usageOf(message.usage);
	return {
		text,
		stopReason: message.stop_reason ?? null,
		// Aliases move: record the model that answered.
		model,
		usage,
		costUsd: costUsd(model, usage.inputTokens, usage.outputTokens, usage),
	};
}
