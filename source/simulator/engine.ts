// One generation turn, independent of the dialect it arrives in: the checks Ollama makes before
// it schedules a runner, the cold/warm load, the reply (text or tool call) and its counters.
import {capReply, planCounters} from './completion.js';
import type {Counters} from './completion.js';
import type {SimMessage, SimTool, SimToolCall} from './conversation.js';
import {jsonWords, promptText} from './conversation.js';
import type {FaultQueue} from './faults.js';
import {sha256Hex, shortId} from './hashing.js';
import {parseKeepAlive} from './keepAlive.js';
import type {SimState} from './state.js';
import {normalizeName} from './state.js';
import {simulatedReply} from './texts.js';
import {tokenize} from './tokenize.js';
import {decideToolTurn} from './toolDecision.js';
import type {SimModelProfile} from './types.js';

export type TurnRequest = {
	path: string;
	/** The model name exactly as the client sent it (errors echo it). */
	model: unknown;
	messages: SimMessage[];
	tools: SimTool[];
	think: unknown;
	keepAlive: unknown;
	numPredict: number | undefined;
	numCtx: number | undefined;
	/** True for an empty prompt / no messages: Ollama loads (or, with keep_alive 0, unloads) and returns. */
	loadOnly: boolean;
};

export type Rejection = {kind: 'reject'; status: number; message: string};
export type LoadOnly = {kind: 'load'; profile: SimModelProfile; doneReason: 'load' | 'unload'; cold: boolean};
export type Turn = {
	kind: 'turn';
	profile: SimModelProfile;
	cold: boolean;
	thinking: string[];
	pieces: string[];
	call: (SimToolCall & {id: string}) | undefined;
	doneReason: 'stop' | 'length';
	counters: Counters;
};

export type EngineContext = {state: SimState; faults: FaultQueue};

const THINKING = 'Let me weigh the evidence in the request before answering it. ';
const DEFAULT_REPLY_BUDGET = 8192;

function oomMessage(profile: SimModelProfile, state: SimState, numCtx: number, wording: 'legacy' | 'llama-server'): string {
	const needGiB = (state.footprint(profile, numCtx).size / 2 ** 30).toFixed(1);
	if (wording === 'legacy') return `model requires more system memory (${needGiB} GiB) than is available (31.2 GiB)`;
	return `llama-server reported out-of-memory during startup: failed to allocate ${needGiB} GiB for model weights and KV cache`;
}

function fullyQualified(name: string): string {
	const normal = normalizeName(name);
	return normal.includes('/') ? `registry.ollama.ai/${normal}` : `registry.ollama.ai/library/${normal}`;
}

function thinks(profile: SimModelProfile, think: unknown): boolean {
	return profile.capabilities.includes('thinking') && think !== false && think !== 'false';
}

export function prepareTurn(ctx: EngineContext, request: TurnRequest): Rejection | LoadOnly | Turn {
	const {state, faults} = ctx;
	if (typeof request.model !== 'string' || request.model.trim() === '') return {kind: 'reject', status: 400, message: 'model is required'};
	const name = request.model;
	if (faults.takeBusy(request.path, name)) return {kind: 'reject', status: 503, message: 'server busy, please try again.  maximum pending requests exceeded'};
	const profile = state.installedProfile(name);
	if (!profile) return {kind: 'reject', status: 404, message: `model '${name}' not found`};
	if (request.tools.length > 0 && (profile.tools === 'unsupported' || !profile.capabilities.includes('tools'))) {
		return {kind: 'reject', status: 400, message: `${fullyQualified(name)} does not support tools`};
	}
	const wantsThinking = request.think === true || (typeof request.think === 'string' && request.think !== 'false' && request.think !== '');
	if (wantsThinking && !profile.capabilities.includes('thinking')) {
		return {kind: 'reject', status: 400, message: `"${name}" does not support thinking`};
	}
	const keepAlive = parseKeepAlive(request.keepAlive);
	const numCtx = request.numCtx !== undefined && request.numCtx > 0 ? Math.round(request.numCtx) : profile.contextLength;
	if (request.loadOnly && keepAlive.kind === 'unload') {
		state.unload(profile);
		return {kind: 'load', profile, doneReason: 'unload', cold: false};
	}
	const oom = faults.takeOom(request.path, name);
	if (oom) {
		state.unload(profile);
		return {kind: 'reject', status: 500, message: oomMessage(profile, state, numCtx, oom.wording)};
	}
	const {cold} = state.use(profile, numCtx, keepAlive);
	if (request.loadOnly) return {kind: 'load', profile, doneReason: 'load', cold};

	const useCount = state.nextUse(profile.name);
	const prompt = promptText(request.messages, request.tools);
	const seed = `${profile.name}:${useCount}:${sha256Hex(prompt).slice(0, 16)}`;
	// Ollama silently truncates a prompt longer than the context; the only sign is the count.
	const promptTokens = Math.min(tokenize(prompt).length, numCtx);
	const thinking = thinks(profile, request.think) ? tokenize(THINKING) : [];

	let replyText = '';
	let call: Turn['call'];
	if (request.tools.length > 0 && profile.tools !== 'unsupported') {
		const decided = decideToolTurn({behaviour: profile.tools, tools: request.tools, messages: request.messages, useCount});
		if (decided.kind === 'call') call = {...decided.call, id: `call_${shortId(`${seed}:call`, 8)}`};
		else replyText = decided.text;
	} else if (profile.replyTokens !== undefined) {
		replyText = 'tok '.repeat(profile.replyTokens);
	} else {
		replyText = simulatedReply({
			model: profile.name,
			quality: profile.quality,
			messages: request.messages.map((message) => ({role: message.role, content: message.content})),
			// One token past the cap, so a reply that would have gone on is told apart and ends with "length".
			maxTokens: (request.numPredict !== undefined && request.numPredict > 0 ? request.numPredict : DEFAULT_REPLY_BUDGET) + 1,
		});
	}
	const room = Math.max(0, numCtx - promptTokens - thinking.length);
	const capped = capReply(tokenize(replyText), request.numPredict, room);
	const callTokens = call ? tokenize(jsonWords({name: call.name, arguments: call.arguments})).length : 0;
	const counters = planCounters({profile, promptTokens, outputTokens: thinking.length + capped.tokens.length + callTokens, cold, seed});
	return {kind: 'turn', profile, cold, thinking, pieces: capped.tokens, call, doneReason: capped.doneReason, counters};
}

/** Real-time pacing for the demo: load and prefill before the first chunk, then per token. */
export function pacing(pace: number, turn: Pick<Turn, 'profile' | 'cold' | 'counters'>): {beforeFirstMs: number; perTokenMs: number} {
	if (pace <= 0) return {beforeFirstMs: 0, perTokenMs: 0};
	const beforeFirstNs = turn.counters.load_duration + turn.counters.prompt_eval_duration;
	return {beforeFirstMs: (beforeFirstNs / 1e6) * pace, perTokenMs: (pace / turn.profile.evalRate) * 1000};
}
