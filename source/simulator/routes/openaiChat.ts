// POST /v1/chat/completions as Ollama's OpenAI middleware serves it: SSE `data:` chunks, tool
// call arguments as a JSON string, finish_reason "tool_calls" once a call was sent.
import type {RouteContext} from '../context.js';
import {numberField} from '../context.js';
import {parseMessages, parseTools} from '../conversation.js';
import {pacing, prepareTurn} from '../engine.js';
import type {Turn} from '../engine.js';
import {ChunkStream, isRecord, openAiSse, sendJson, sleep} from '../wire.js';
import {parallelCallsShareIndex} from '../version.js';
import {isOpenAiJudgeRequest} from '../judge.js';
import {handleOpenAiJudge} from './openaiJudge.js';
import type {Exchange} from '../wire.js';

/** The OpenAI error shape; the type follows the HTTP status (openai.go:225). */
export function sendOpenAiError(exchange: Exchange, status: number, message: string): void {
	const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
	sendJson(exchange.res, status, {error: {message, type, param: null, code: null}});
}

function toolCalls(turn: Turn, version: string): Record<string, unknown>[] | undefined {
	if (turn.calls.length === 0) return undefined;
	const shareIndex = parallelCallsShareIndex(version, turn.profile.family);
	return turn.calls.map((call, index) => ({
		id: call.id,
		index: shareIndex ? 0 : index,
		type: 'function',
		function: {name: call.name, arguments: JSON.stringify(call.arguments)},
	}));
}

/**
 * How Ollama's OpenAI middleware reports an error after the stream started: a chunk with an empty
 * delta, then the end of the stream, with no finish_reason and no [DONE] (middleware/openai.go).
 */
async function endEarly(out: ChunkStream, chunk: (delta: Record<string, unknown>, finish: string | null) => unknown): Promise<void> {
	if (await out.send(chunk({}, null))) out.end();
}

function usage(turn: Turn): Record<string, number> {
	const prompt = turn.counters.prompt_eval_count;
	const completion = turn.counters.eval_count;
	return {prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion};
}

export async function handleOpenAiChat(ctx: RouteContext, exchange: Exchange): Promise<void> {
	const body = isRecord(exchange.body) ? exchange.body : {};
	if (isOpenAiJudgeRequest(body) && body['stream'] !== true && handleOpenAiJudge(ctx, exchange, body)) return;
	const result = prepareTurn(ctx, {
		path: exchange.path,
		version: ctx.options.version,
		model: body['model'],
		messages: parseMessages(body['messages']),
		tools: parseTools(body['tools']),
		think: undefined,
		keepAlive: undefined,
		numPredict: numberField(body['max_tokens'] ?? body['max_completion_tokens']),
		numCtx: undefined,
		loadOnly: false,
	});
	if (result.kind === 'reject') {
		sendOpenAiError(exchange, result.status, result.message);
		return;
	}
	if (result.kind === 'load') return;
	const turn = result;
	exchange.res.once('close', () => ctx.state.release(turn.profile));
	// Ollama's ids are chatcmpl-<0..998> and not unique (middleware/openai.go:478).
	const id = `chatcmpl-${ctx.state.nextSequence() % 999}`;
	const created = Math.floor(Date.now() / 1000);
	const model = String(body['model']);
	const calls = toolCalls(turn, ctx.options.version);
	const finishReason = calls ? 'tool_calls' : turn.doneReason;
	const pace = pacing(ctx.options.pace, turn);
	const fault = ctx.faults.takeStream(exchange.path, model);

	if (body['stream'] !== true) {
		await sleep(pace.beforeFirstMs + pace.perTokenMs * turn.counters.eval_count);
		if (fault?.kind === 'die-mid-stream') {
			exchange.cutByServer = true;
			exchange.res.socket?.destroy();
			return;
		}
		if (turn.parserError) {
			sendOpenAiError(exchange, 500, turn.parserError);
			return;
		}
		const message: Record<string, unknown> = {role: 'assistant', content: turn.pieces.join('')};
		if (turn.thinking.length > 0) message['reasoning'] = turn.thinking.join('');
		if (calls) message['tool_calls'] = calls;
		sendJson(exchange.res, 200, {
			id,
			object: 'chat.completion',
			created,
			model,
			system_fingerprint: 'fp_ollama',
			choices: [{index: 0, message, finish_reason: finishReason}],
			usage: usage(turn),
		});
		return;
	}

	const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
		id,
		object: 'chat.completion.chunk',
		created,
		model,
		system_fingerprint: 'fp_ollama',
		choices: [{index: 0, delta, finish_reason: finish}],
	});
	const out = new ChunkStream(exchange, openAiSse, fault);
	await sleep(pace.beforeFirstMs);
	for (const token of turn.thinking) {
		if (!(await out.send(chunk({role: 'assistant', content: '', reasoning: token}, null)))) return;
		await sleep(pace.perTokenMs);
	}
	for (const token of turn.pieces) {
		if (!(await out.send(chunk({role: 'assistant', content: token}, null)))) return;
		await sleep(pace.perTokenMs);
	}
	if (turn.parserError) {
		await endEarly(out, chunk);
		return;
	}
	if (calls && !(await out.send(chunk({role: 'assistant', content: '', tool_calls: calls}, null)))) return;
	const closing: unknown[] = [chunk({role: 'assistant', content: ''}, finishReason)];
	const streamOptions = body['stream_options'];
	if (isRecord(streamOptions) && streamOptions['include_usage'] === true) {
		closing.push({id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_ollama', choices: [], usage: usage(turn)});
	}
	await out.finish(closing, 'data: [DONE]\n\n');
}
