// POST /api/chat and POST /api/generate: NDJSON token by token, the final chunk with counters.
import {wireCounters} from '../completion.js';
import type {RouteContext} from '../context.js';
import {numberField} from '../context.js';
import {parseMessages, parseTools} from '../conversation.js';
import type {SimMessage} from '../conversation.js';
import {pacing, prepareTurn} from '../engine.js';
import type {Turn} from '../engine.js';
import type {StreamFault} from '../faults.js';
import {ChunkStream, RUNNER_STOPPED, isRecord, ndjson, sendJson, sendOllamaError, sleep} from '../wire.js';
import type {Exchange} from '../wire.js';

type Dialect = 'chat' | 'generate';

function now(): string {
	return new Date().toISOString();
}

/** The deprecated `context` array: stand-in token ids, one per prompt and reply token. */
function contextIds(turn: Turn): number[] {
	const length = Math.min(turn.counters.prompt_eval_count + turn.counters.eval_count, 4096);
	return Array.from({length}, (_, index) => (index * 7919 + turn.counters.prompt_eval_count * 104_729) % 151_643);
}

function chunkFor(dialect: Dialect, model: string, part: {content?: string; thinking?: string; toolCalls?: unknown[]}): Record<string, unknown> {
	if (dialect === 'generate') {
		const chunk: Record<string, unknown> = {model, created_at: now(), response: part.content ?? ''};
		if (part.thinking !== undefined) chunk['thinking'] = part.thinking;
		chunk['done'] = false;
		return chunk;
	}
	const message: Record<string, unknown> = {role: 'assistant', content: part.content ?? ''};
	if (part.thinking !== undefined) message['thinking'] = part.thinking;
	if (part.toolCalls) message['tool_calls'] = part.toolCalls;
	return {model, created_at: now(), message, done: false};
}

function finalChunk(dialect: Dialect, model: string, turn: Turn, whole?: {content: string; thinking?: string; toolCalls?: unknown[]}): Record<string, unknown> {
	const head = chunkFor(dialect, model, whole ?? {});
	const tail: Record<string, unknown> = {done: true, done_reason: turn.doneReason};
	if (dialect === 'generate') tail['context'] = contextIds(turn);
	return {...head, ...tail, ...wireCounters(turn.counters)};
}

function toolCallsOf(turn: Turn): unknown[] | undefined {
	if (turn.calls.length === 0) return undefined;
	return turn.calls.map((call, index) => ({id: call.id, function: {index, name: call.name, arguments: call.arguments}}));
}

/** A stream fault on a `stream:false` request: no chunks to count, so it hits the one reply. */
async function nonStreamFault(exchange: Exchange, fault: StreamFault): Promise<boolean> {
	const {res} = exchange;
	switch (fault.kind) {
		case 'die-mid-stream':
			exchange.cutByServer = true;
			res.socket?.destroy();
			return true;
		case 'stall':
			await new Promise((resolve) => res.once('close', resolve));
			return true;
		case 'runner-crash':
			sendOllamaError(res, 500, RUNNER_STOPPED);
			return true;
		case 'malformed-line':
			res.writeHead(200, {'Content-Type': 'application/json; charset=utf-8'});
			res.end(ndjson.malformed);
			return true;
		case 'no-done':
		case 'disk-full':
		case 'empty-chunks':
		case 'stuck':
			return false;
	}
}

async function respond(ctx: RouteContext, exchange: Exchange, dialect: Dialect, model: string, turn: Turn, stream: boolean): Promise<void> {
	const fault = ctx.faults.takeStream(exchange.path, model);
	const pace = pacing(ctx.options.pace, turn);
	const toolCalls = toolCallsOf(turn);
	if (!stream) {
		await sleep(pace.beforeFirstMs + pace.perTokenMs * turn.counters.eval_count);
		if (fault && (await nonStreamFault(exchange, fault))) return;
		if (turn.parserError) {
			sendOllamaError(exchange.res, 500, turn.parserError);
			return;
		}
		const whole: {content: string; thinking?: string; toolCalls?: unknown[]} = {content: turn.pieces.join(''), toolCalls};
		if (turn.thinking.length > 0) whole.thinking = turn.thinking.join('');
		sendJson(exchange.res, 200, finalChunk(dialect, model, turn, whole));
		return;
	}
	const out = new ChunkStream(exchange, ndjson, fault);
	await sleep(pace.beforeFirstMs);
	for (const token of turn.thinking) {
		if (!(await out.send(chunkFor(dialect, model, {thinking: token})))) return;
		await sleep(pace.perTokenMs);
	}
	for (const token of turn.pieces) {
		if (!(await out.send(chunkFor(dialect, model, {content: token})))) return;
		await sleep(pace.perTokenMs);
	}
	// The built-in tool parser gave up on the model's text: an in-band error after the 200 (routes.go ChatHandler).
	if (turn.parserError) {
		await out.fail(turn.parserError);
		return;
	}
	if (toolCalls && !(await out.send(chunkFor(dialect, model, {toolCalls})))) return;
	await out.finish([finalChunk(dialect, model, turn)]);
}

function generateMessages(body: Record<string, unknown>): SimMessage[] {
	const messages: SimMessage[] = [];
	if (typeof body['system'] === 'string' && body['system'] !== '') messages.push({role: 'system', content: body['system']});
	messages.push({role: 'user', content: typeof body['prompt'] === 'string' ? body['prompt'] : ''});
	return messages;
}

export async function handleOllamaGeneration(ctx: RouteContext, exchange: Exchange, dialect: Dialect): Promise<void> {
	const body = isRecord(exchange.body) ? exchange.body : {};
	const options = isRecord(body['options']) ? body['options'] : {};
	const messages = dialect === 'chat' ? parseMessages(body['messages']) : generateMessages(body);
	const prompt = body['prompt'];
	const loadOnly = dialect === 'chat' ? messages.length === 0 : typeof prompt !== 'string' || prompt === '';
	const result = prepareTurn(ctx, {
		path: exchange.path,
		version: ctx.options.version,
		model: body['model'] ?? body['name'],
		messages,
		tools: dialect === 'chat' ? parseTools(body['tools']) : [],
		think: body['think'],
		keepAlive: body['keep_alive'],
		numPredict: numberField(options['num_predict']),
		numCtx: numberField(options['num_ctx']),
		loadOnly,
	});
	if (result.kind === 'reject') {
		sendOllamaError(exchange.res, result.status, result.message);
		return;
	}
	const model = String(body['model'] ?? body['name']);
	// keep_alive counts from the end of the request (sched.go arms the expire timer then).
	if (result.kind === 'turn' || result.doneReason === 'load') exchange.res.once('close', () => ctx.state.release(result.profile));
	if (result.kind === 'load') {
		// Ollama answers a load or unload with one bare object and no counters (routes.go).
		if (result.cold && ctx.options.pace > 0) await sleep(result.profile.loadMs * ctx.options.pace);
		const base = dialect === 'chat' ? {model, created_at: now(), message: {role: 'assistant', content: ''}} : {model, created_at: now(), response: ''};
		sendJson(exchange.res, 200, {...base, done: true, done_reason: result.doneReason});
		return;
	}
	await respond(ctx, exchange, dialect, model, result, body['stream'] !== false);
}
