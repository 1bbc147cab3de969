// POST /v1/messages, the Anthropic Messages API as the SDK consumes it: every SSE frame carries
// an `event:` line (the SDK drops frames without one), errors carry a request-id header. What each
// model accepts and how long it thinks is in anthropicRules.ts; prompt caching in anthropicCache.ts.
import type {RouteContext} from '../context.js';
import type {ClaudeStreamFault} from '../faults.js';
import {shortId} from '../hashing.js';
import {isJudgeRequest, judgeReplyFor} from '../judge.js';
import {quirkyJudgeAnswer} from '../judgeQuirks.js';
import {nextSample, simulatedReply} from '../texts.js';
import {tokenize} from '../tokenize.js';
import {ChunkStream, isRecord, sendJson, sleep} from '../wire.js';
import {claudeInputTokens} from '../anthropicCache.js';
import {planRequest} from '../anthropicRules.js';
import type {Exchange, StreamFormat} from '../wire.js';

const anthropicSse: StreamFormat = {
	contentType: 'text/event-stream',
	frame: (chunk) => `event: ${isRecord(chunk) ? String(chunk['type']) : 'message'}\ndata: ${JSON.stringify(chunk)}\n\n`,
	malformed: 'event: content_block_delta\ndata: {"type":"content_block_del\n\n',
	inBandError: (message) => `event: error\ndata: ${JSON.stringify({type: 'error', error: {type: 'api_error', message}})}\n\n`,
};

const STATUS_ERRORS: Record<number, {type: string; message: string}> = {
	400: {type: 'invalid_request_error', message: 'invalid request'},
	401: {type: 'authentication_error', message: 'invalid x-api-key'},
	429: {type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit (simulated)'},
	500: {type: 'api_error', message: 'Internal server error'},
	529: {type: 'overloaded_error', message: 'Overloaded'},
};

const FIRST_TOKEN_MS = 600;
const THINKING = 'The request asks for a position on the stock. I weigh the growth figures against the valuation and the risks named in the context, then settle on a decision with levels that agree with it. ';
const SIGNATURE = 'EqQBCkgIARABGAIiQL5simulatedsignature';

function sendError(exchange: Exchange, requestId: string, status: number, message?: string, retryAfter?: number): void {
	const known = STATUS_ERRORS[status] ?? {type: 'api_error', message: 'error'};
	const headers: Record<string, string> = {'request-id': requestId};
	if (retryAfter !== undefined) {
		// The API's own advice, in whole seconds, as on a real rate limit.
		headers['retry-after'] = String(retryAfter);
	} else if (status === 429 || status === 529) {
		// The SDK treats a zero delay as "no advice" and backs off 0.5 s, 1 s, ...; retry-after-ms 1
		// makes its retries run at once, so tests of the retry path stay fast.
		headers['retry-after'] = '0';
		headers['retry-after-ms'] = '1';
	}
	sendJson(exchange.res, status, {type: 'error', error: {type: known.type, message: message ?? known.message}, request_id: requestId}, headers);
}

function blockText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	// Text blocks of one turn read as one text, as the model sees them (a cache breakpoint splits a turn into blocks).
	return content.map((block) => (isRecord(block) && typeof block['text'] === 'string' ? block['text'] : '')).join('');
}

function hasKey(exchange: Exchange): boolean {
	const auth = exchange.req.headers['authorization'];
	const key = exchange.req.headers['x-api-key'];
	return (typeof auth === 'string' && /^Bearer\s+\S+/i.test(auth)) || (typeof key === 'string' && key.trim() !== '');
}

async function playFault(exchange: Exchange, out: ChunkStream, fault: ClaudeStreamFault, textIndex: number): Promise<void> {
	if (fault.kind === 'stall') {
		await new Promise((resolve) => exchange.res.once('close', resolve));
		return;
	}
	if (fault.kind === 'cut') {
		// A proxy or connection that ends the body cleanly: no closing frames, no message_stop.
		out.end();
		return;
	}
	if (fault.kind === 'pings') {
		// Frames keep coming, so the connection never goes quiet, but none carries content.
		while (await out.send({type: 'ping'})) await sleep(fault.everyMs);
		return;
	}
	if (fault.kind === 'endless') {
		const text = 'x'.repeat(fault.chars);
		// ChunkStream.send resolves false once the client is gone, and waits for drain: no buffering here.
		while (await out.send({type: 'content_block_delta', index: textIndex, delta: {type: 'text_delta', text}}));
		return;
	}
	await out.raw(`event: error\ndata: ${JSON.stringify({type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}})}\n\n`);
	out.end();
}

export async function handleAnthropicMessages(ctx: RouteContext, exchange: Exchange): Promise<void> {
	const sequence = ctx.state.nextSequence();
	const requestId = `req_sim${shortId(`request:${sequence}`, 20)}`;
	exchange.res.setHeader('request-id', requestId);
	if (!hasKey(exchange)) {
		sendError(exchange, requestId, 401, 'x-api-key header is required');
		return;
	}
	const fault = ctx.faults.takeClaudeStatus();
	if (fault) {
		sendError(exchange, requestId, fault.status, undefined, fault.retryAfter);
		return;
	}
	const body = isRecord(exchange.body) ? exchange.body : {};
	const model = body['model'];
	const maxTokens = body['max_tokens'];
	if (typeof model !== 'string' || typeof maxTokens !== 'number' || !Array.isArray(body['messages'])) {
		sendError(exchange, requestId, 400, 'model, max_tokens and messages are required');
		return;
	}
	const plan = planRequest(model, body);
	if (!plan.ok) {
		sendError(exchange, requestId, 400, plan.message);
		return;
	}
	const messages = (body['messages'] as unknown[]).flatMap((message) =>
		isRecord(message) ? [{role: String(message['role'] ?? 'user'), content: blockText(message['content'])}] : [],
	);
	const system = blockText(body['system']);
	const conversation = system ? [{role: 'system', content: system}, ...messages] : messages;
	// Thinking comes first and counts against max_tokens and in output_tokens, like the answer.
	const thought = thinkingTokens(plan.thinkingTokens).slice(0, maxTokens);
	const answerBudget = Math.max(0, maxTokens - thought.length);
	// One token past the budget, so a reply that would have gone on ends with "max_tokens".
	// A judge request (output_config.format with the judge's criteria) gets the simulated verdict.
	const judgeRequest = isJudgeRequest(body);
	// A judge quirk set for the whole simulator (judgeQuirks.ts) answers before the judge's own modes.
	const quirk = judgeRequest && ctx.options.judgeQuirk !== null ? quirkyJudgeAnswer(ctx.options.judgeQuirk) : null;
	const judged = quirk ? {text: quirk.text, refusal: quirk.stopReason === 'refusal'} : judgeRequest ? judgeReplyFor(ctx, messages.at(-1)?.content ?? '') : null;
	// Samples are counted per request shape: a streamed and a non-streamed request are two first samples.
	const sample = judged ? 0 : nextSample(ctx, [model, conversation, body['stream'] === true]);
	const text = judged ? judged.text : simulatedReply({model, quality: ctx.options.claudeQuality, messages: conversation, maxTokens: answerBudget + 1, sample});
	const allTokens = tokenize(text);
	const answerFault = ctx.faults.takeClaudeAnswer();
	const tokens = allTokens.slice(0, answerFault ? Math.min(answerFault.afterChunks, answerBudget) : answerBudget);
	const stopReason = judged?.refusal || answerFault?.kind === 'refusal' ? 'refusal' : answerFault ? 'model_context_window_exceeded' : tokens.length < allTokens.length ? 'max_tokens' : 'end_turn';
	const outputUsage = {output_tokens: thought.length + tokens.length, output_tokens_details: {thinking_tokens: thought.length}};
	const textIndex = thought.length > 0 ? 1 : 0;
	const inputTokens = claudeInputTokens(conversation.map((message) => message.content).join(''));
	const id = `msg_sim${shortId(`message:${sequence}`, 20)}`;
	const usageBase = ctx.anthropicCache.usage(model, body, inputTokens);
	const pace = ctx.options.pace;

	if (body['stream'] !== true) {
		await sleep(pace * (FIRST_TOKEN_MS + ((thought.length + tokens.length) / ctx.options.claudeRate) * 1000));
		sendJson(exchange.res, 200, {
			id,
			type: 'message',
			role: 'assistant',
			model,
			content: [...(thought.length > 0 ? [{type: 'thinking', thinking: thought.join(''), signature: SIGNATURE}] : []), {type: 'text', text: tokens.join('')}],
			stop_reason: stopReason,
			stop_sequence: null,
			usage: {...usageBase, ...outputUsage},
		});
		return;
	}

	const streamFault = ctx.faults.takeClaudeStream();
	const out = new ChunkStream(exchange, anthropicSse, undefined);
	const message = {id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: {...usageBase, output_tokens: 1}};
	if (!(await out.send({type: 'message_start', message}))) return;
	if (thought.length > 0) {
		// The API streams the reasoning as its own block first: thinking deltas, then its signature.
		if (!(await out.send({type: 'content_block_start', index: 0, content_block: {type: 'thinking', thinking: '', signature: ''}}))) return;
		for (const token of thought) {
			if (!(await out.send({type: 'content_block_delta', index: 0, delta: {type: 'thinking_delta', thinking: token}}))) return;
			await sleep((pace / ctx.options.claudeRate) * 1000);
		}
		if (!(await out.send({type: 'content_block_delta', index: 0, delta: {type: 'signature_delta', signature: SIGNATURE}}))) return;
		if (!(await out.send({type: 'content_block_stop', index: 0}))) return;
	}
	if (!(await out.send({type: 'content_block_start', index: textIndex, content_block: {type: 'text', text: ''}}))) return;
	if (!(await out.send({type: 'ping'}))) return;
	await sleep(pace * FIRST_TOKEN_MS);
	for (const [index, token] of tokens.entries()) {
		if (streamFault && index === streamFault.afterChunks) return playFault(exchange, out, streamFault, textIndex);
		if (!(await out.send({type: 'content_block_delta', index: textIndex, delta: {type: 'text_delta', text: token}}))) return;
		await sleep((pace / ctx.options.claudeRate) * 1000);
	}
	// A fault due after more deltas than the reply has still fires, before the closing frames.
	if (streamFault) return playFault(exchange, out, streamFault, textIndex);
	await out.finish([
		{type: 'content_block_stop', index: textIndex},
		{type: 'message_delta', delta: {stop_reason: stopReason, stop_sequence: null}, usage: outputUsage},
		{type: 'message_stop'},
	]);
}

/** `count` tokens of plausible reasoning (the text repeats; only its length matters). */
function thinkingTokens(count: number): string[] {
	if (count <= 0) return [];
	const one = tokenize(THINKING);
	return Array.from({length: count}, (_, index) => one[index % one.length] ?? ' ');
}
