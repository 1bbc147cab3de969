// POST /v1/chat/completions carrying a judge request (response_format json_schema with the judge's
// criteria): an OpenAI-compatible judge, as OpenAI's Chat Completions API answers structured output
// (openai-node 6.x, resources/chat/completions: `message.content` holds the JSON, `message.refusal`
// the text of a refusal with `content` null, finish_reason "length" when max_completion_tokens cut
// it). It answers for any model name: the judge may be OpenAI itself or a local server.
import type {RouteContext} from '../context.js';
import {numberField} from '../context.js';
import {shortId} from '../hashing.js';
import {judgeReplyFor, REFUSAL_TEXT} from '../judge.js';
import {tokenize} from '../tokenize.js';
import {isRecord, sendJson} from '../wire.js';
import type {Exchange} from '../wire.js';

function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content.map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : '')).join('\n');
}

/** Answers a judge request; false when the request is not one the judge can read (the caller serves it as chat). */
export function handleOpenAiJudge(ctx: RouteContext, exchange: Exchange, body: Record<string, unknown>): boolean {
	const messages = Array.isArray(body['messages']) ? body['messages'].filter(isRecord) : [];
	const user = messages.filter((message) => message['role'] === 'user').at(-1);
	const prompt = messages.map((message) => contentText(message['content'])).join('\n');
	const reply = judgeReplyFor(ctx, contentText(user?.['content']));
	if (!reply) return false;
	const limit = numberField(body['max_completion_tokens'] ?? body['max_tokens']);
	const all = tokenize(reply.refusal ? REFUSAL_TEXT : reply.text);
	const tokens = limit === undefined ? all : all.slice(0, Math.max(0, limit));
	const cut = tokens.length < all.length;
	const message = reply.refusal ? {role: 'assistant', content: null, refusal: tokens.join('')} : {role: 'assistant', content: tokens.join(''), refusal: null};
	const promptTokens = tokenize(prompt).length;
	sendJson(exchange.res, 200, {
		id: `chatcmpl-sim${shortId(`judge:${ctx.state.nextSequence()}`, 20)}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: String(body['model'] ?? ''),
		choices: [{index: 0, message, logprobs: null, finish_reason: cut ? 'length' : 'stop'}],
		usage: {prompt_tokens: promptTokens, completion_tokens: tokens.length, total_tokens: promptTokens + tokens.length},
	});
	return true;
}
