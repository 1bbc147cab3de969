// The judge through any OpenAI-compatible endpoint (OpenAI itself, or a local server: Ollama,
// vLLM, llama.cpp, LM Studio) when the Claude baseline should not grade itself (self-preference,
// docs/reference/judging.md §1). Structured output is `response_format: {type: "json_schema"}`
// (openai-node 6.x, resources/chat/completions): the verdict arrives as JSON text in
// `message.content`, a refusal as `message.refusal` with no content, a reply cut short as
// finish_reason "length". No token limit is sent: reasoning models count their reasoning toward
// max_completion_tokens and reject max_tokens, some local servers know only max_tokens, and the
// schema already bounds the answer. No prices are known for an arbitrary endpoint: cost is null.
import OpenAI from 'openai';
import {redact, registerSecret} from '../../system/redact.js';
import {isAbortError} from '../networkErrors.js';
import {ProviderError} from '../errors.js';
import type {CallOptions, JudgeProvider, JudgeReply, JudgeRequest} from '../types.js';

/** `apiKey`: absent for a local server that needs none. */
export type OpenAiJudgeOptions = {baseURL: string; apiKey?: string; model: string; maxRetries?: number};

/** The label a report shows for this judge. */
export function openAiJudgeLabel(model: string): string {
	return `openai:${model}`;
}

function mapError(error: unknown, options: OpenAiJudgeOptions, signal?: AbortSignal): ProviderError {
	if (error instanceof ProviderError) return error;
	if (signal?.aborted || error instanceof OpenAI.APIUserAbortError || isAbortError(error)) return new ProviderError('canceled', 'Canceled', '');
	const where = `the OpenAI-compatible judge at ${options.baseURL}`;
	if (error instanceof OpenAI.APIConnectionError) {
		return new ProviderError('unreachable', `Could not reach ${where}`, 'check OPENAI_BASE_URL and that the server is running, or judge with Claude (--judge claude)', {cause: error});
	}
	if (error instanceof OpenAI.APIError) {
		const status = error.status;
		const text = redact(error.message, options.apiKey ?? '');
		const opts = {...(status === undefined ? {} : {status}), cause: error};
		if (status === 401 || status === 403) return new ProviderError('bad-request', `${where} rejected the API key (${status})`, 'check OPENAI_API_KEY', opts);
		if (status === 404) return new ProviderError('model-not-found', `${where} has no model '${options.model}': ${text}`, 'name a model it serves: --judge openai:<model>', opts);
		if (status === 429) return new ProviderError('server-busy', `${where} is rate limiting requests`, 'wait a minute and retry', opts);
		if (status !== undefined && status >= 400 && status < 500) {
			return new ProviderError('bad-request', `${where} rejected the request (${status}): ${text}`, 'check that the model supports JSON-schema structured output (response_format json_schema)', opts);
		}
		return new ProviderError('unknown', `${where} failed${status === undefined ? '' : ` (${status})`}: ${text}`, 'retry in a few minutes', opts);
	}
	const text = redact(error instanceof Error ? error.message : String(error), options.apiKey ?? '');
	return new ProviderError('unknown', `Unexpected error from ${where}: ${text}`, 'retry, or judge with Claude (--judge claude)', {cause: error});
}

/** finish_reason in the Anthropic vocabulary the judge step reads (max_tokens, refusal, end_turn). */
function stopReason(finish: string | null | undefined, refused: boolean): string | null {
	if (refused) return 'refusal';
	if (finish === 'length') return 'max_tokens';
	if (finish === 'content_filter') return 'refusal';
	return finish === 'stop' ? 'end_turn' : (finish ?? null);
}

export function createOpenAiJudge(options: OpenAiJudgeOptions): JudgeProvider {
	if (options.apiKey) registerSecret(options.apiKey);
	// A local server ignores the key, but the SDK refuses to start without one.
	const client = new OpenAI({apiKey: options.apiKey || 'no-key', baseURL: options.baseURL, maxRetries: options.maxRetries ?? 2});
	return {
		kind: 'openai',
		model: options.model,
		label: openAiJudgeLabel(options.model),
		baseURL: options.baseURL,
		async judge(request: JudgeRequest, opts?: CallOptions): Promise<JudgeReply> {
			let completion: OpenAI.Chat.Completions.ChatCompletion;
			try {
				completion = await client.chat.completions.create(
					{
						model: options.model,
						messages: [
							{role: 'system', content: request.system},
							{role: 'user', content: request.user},
						],
						response_format: {type: 'json_schema', json_schema: {name: 'judge_verdict', strict: true, schema: request.schema}},
					},
					{signal: opts?.signal},
				);
			} catch (error) {
				throw mapError(error, options, opts?.signal);
			}
			const choice = completion.choices[0];
			const refusal = choice?.message.refusal ?? null;
			return {
				text: choice?.message.content ?? '',
				stopReason: stopReason(choice?.finish_reason, refusal !== null && refusal !== ''),
				model: completion.model || options.model,
				usage: {inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0},
				costUsd: null,
			};
		},
	};
}
