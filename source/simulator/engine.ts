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
import {promptTokens as tokenizePrompt, tokenize} from './tokenize.js';
import {decideToolTurn} from './toolDecision.js';
import type {OllamaFault, SimModelProfile} from './types.js';
import {atLeast, countsCachedPromptTokens, defaultNumCtx, harmonyReasoningShare, thinkingMode, usesHarmony} from './version.js';

export type TurnRequest = {
	path: string;
	/** The simulated server's version: thinking, default num_ctx and prompt counters depend on it. */
	version: string;
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
	calls: (SimToolCall & {id: string})[];
	/** A failure of Ollama's tool-call parser on what the model wrote: sent in-band after `pieces`. */
	parserError: string | null;
	doneReason: 'stop' | 'length';
	counters: Counters;
};

export type EngineContext = {state: SimState; faults: FaultQueue};

const THINKING_LINES = [
	'Let me weigh the evidence in the request before answering it.',
	'First I list what the question asks for, then which figures support each side, then how confident I can be.',
	'I should check the numbers against each other so the answer does not contradict itself.',
];
/** Reasoning length of a thinking model when the profile does not say (qwen3 and deepseek-r1 think for hundreds of tokens). */
const DEFAULT_REASONING_TOKENS = 600;
const DEFAULT_REPLY_BUDGET = 8192;
/** The chat template's opening marker: the part of every prompt no cache-buster can move before. */
const TEMPLATE_HEAD = '<|im_start|>system\n';
export const PARSER_ERROR = 'failed to parse JSON: unexpected end of JSON input';

/**
 * What the server says when it cannot parse the model's tool call, by version and family: GLM's
 * own parser (model/parsers/glm46.go), llama-server's from v0.30 (llm/llama_server.go:2120), else
 * the Go parser's JSON error.
 */
export function parserErrorText(version: string, family: string, toolName: string): string {
	if (family.startsWith('glm')) return 'incomplete GLM tool call: XML syntax error on line 1: unexpected EOF';
	if (atLeast(version, '0.30.0')) return `llama-server returned invalid tool call arguments for ${JSON.stringify(toolName)}: unexpected end of JSON input`;
	return PARSER_ERROR;
}

function reasoning(profile: SimModelProfile, share = 1): string {
	const wanted = Math.max(1, Math.round((profile.reasoningTokens ?? DEFAULT_REASONING_TOKENS) * share));
	const words: string[] = [];
	for (let line = 0; words.length < wanted; line++) words.push(...tokenize(`${THINKING_LINES[line % THINKING_LINES.length] ?? ''} `));
	return words.slice(0, wanted).join('').trimEnd();
}

/**
 * The prompt as the runner sees it: the template's head, the request's system message or else the
 * model's default one (qwen2.5's "You are Qwen..."), then the rest. This is what the prompt cache
 * compares, so a nonce after the default system prompt still shares that whole prefix.
 */
function templated(profile: SimModelProfile, messages: SimMessage[], tools: SimTool[]): string {
	const hasSystem = messages[0]?.role === 'system';
	const head = hasSystem || !profile.defaultSystem ? TEMPLATE_HEAD : `${TEMPLATE_HEAD}${profile.defaultSystem}\n`;
	return `${head}${promptText(messages, tools)}`;
}

type OomWording = Extract<OllamaFault, {kind: 'oom'}>['wording'];

/** Out-of-memory texts by server version (docs/reference/ollama-wire.md §2). */
function oomMessage(profile: SimModelProfile, state: SimState, numCtx: number, wording: OomWording): string {
	const needGiB = (state.footprint(profile, numCtx).size / 2 ** 30).toFixed(1);
	switch (wording) {
		// ≤ v0.2x, Linux and Windows only (llm/server.go).
		case 'legacy':
			return `model requires more system memory (${needGiB} GiB) than is available (31.2 GiB)`;
		// The Go runner's memory layout check (ml/backend, v0.1x-v0.2x).
		case 'memory-layout':
			return `memory layout cannot be allocated with num_gpu = 999`;
		// llama.cpp failing to load the weights.
		case 'allocate':
			return `failed to allocate memory for model: unable to allocate Metal buffer of ${needGiB} GiB`;
		case 'insufficient':
			return `insufficient memory - required allocations: {InputWeights:${Math.round(profile.sizeBytes * 0.02)}B CPU:0B Metal:${state.footprint(profile, numCtx).size}B}`;
		// v0.30+ (llm/llama_server.go:1371-1375).
		case 'llama-server':
			return `llama-server reported out-of-memory during startup: failed to allocate ${needGiB} GiB for model weights and KV cache`;
	}
}

/**
 * A runner that dies loading the model: the Go scheduler's wording before v0.30 (llm/server.go:1362
 * in v0.20.0), llama-server's from v0.30 (llm/llama_server.go:1309), each carrying llama.cpp's line.
 */
function loadFailureMessage(version: string, profile: SimModelProfile): string {
	const blob = profile.layers[0]?.digest.replace(':', '-') ?? 'sha256-0';
	const loader = `error loading model: llama_model_loader: failed to load model from /Users/sim/.ollama/models/blobs/${blob}`;
	return atLeast(version, '0.30.0') ? `llama-server process has terminated: exit status 1: ${loader}` : `llama runner process has terminated: ${loader}`;
}

function fullyQualified(name: string): string {
	const normal = normalizeName(name);
	return normal.includes('/') ? `registry.ollama.ai/${normal}` : `registry.ollama.ai/library/${normal}`;
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
	// A keep_alive that is neither a number nor a Go duration fails JSON binding: 400 (api/types.go Duration).
	if (keepAlive.kind === 'invalid') return {kind: 'reject', status: 400, message: keepAlive.message};
	const numCtx =
		request.numCtx !== undefined && request.numCtx > 0 ? Math.round(request.numCtx) : defaultNumCtx(request.version, profile.contextLength);
	if (request.loadOnly && keepAlive.kind === 'unload') {
		state.unload(profile);
		return {kind: 'load', profile, doneReason: 'unload', cold: false};
	}
	const oom = faults.takeOom(request.path, name);
	if (oom) {
		state.unload(profile);
		return {kind: 'reject', status: 500, message: oomMessage(profile, state, numCtx, oom.wording)};
	}
	if (faults.takeLoadFailure(request.path, name)) {
		state.unload(profile);
		return {kind: 'reject', status: 500, message: loadFailureMessage(request.version, profile)};
	}
	const {cold} = state.use(profile, numCtx, keepAlive);
	if (request.loadOnly) return {kind: 'load', profile, doneReason: 'load', cold};

	const useCount = state.nextUse(profile.name);
	const prompt = templated(profile, request.messages, request.tools);
	const seed = `${profile.name}:${useCount}:${sha256Hex(prompt).slice(0, 16)}`;
	// Ollama silently truncates a prompt longer than the context; the only sign is the count.
	const promptWords = tokenizePrompt(prompt, profile.family).slice(0, numCtx);
	const promptTokens = promptWords.length;
	const cached = state.reusePrompt(profile, promptWords);
	const freshPromptTokens = promptTokens - cached;
	const harmony = usesHarmony(profile.family);
	// A harmony model always reasons, into the separate field: think only sets how long.
	const mode = harmony ? 'separate' : profile.capabilities.includes('thinking') ? thinkingMode(request.version, request.think) : 'off';
	const thinking = mode === 'separate' ? tokenize(reasoning(profile, harmony ? harmonyReasoningShare(request.think) : 1)) : [];
	const inlineThinking = mode === 'inline' ? `<think>\n${reasoning(profile)}\n</think>\n\n` : '';

	let replyText = '';
	const calls: Turn['calls'] = [];
	let parserError: string | null = null;
	if (request.tools.length > 0 && profile.tools === 'parse-error') {
		// The model writes a call Ollama's parser cannot read: what arrived before it, then the error.
		replyText = '<tool_call>\n{"name": "';
		parserError = parserErrorText(request.version, profile.family, request.tools[0]?.name ?? 'tool');
	} else if (request.tools.length > 0 && profile.tools !== 'unsupported') {
		const decided = decideToolTurn({behaviour: profile.tools, tools: request.tools, messages: request.messages, useCount});
		if (decided.kind === 'call') {
			calls.push({...decided.call, id: `call_${shortId(`${seed}:call`, 8)}`});
			const second = profile.parallelTools && !request.messages.some((message) => message.role === 'tool') ? secondCall(request, profile, decided.call.name, useCount) : undefined;
			if (second) calls.push({...second, id: `call_${shortId(`${seed}:call2`, 8)}`});
		} else replyText = decided.text;
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
	// Thinking tokens count against num_predict and eval_count like any other (docs/reference/ollama-wire.md §1).
	const budget = request.numPredict !== undefined && request.numPredict > 0 ? request.numPredict : undefined;
	const thought = capReply(thinking, budget, Math.max(0, numCtx - promptTokens));
	const capped = capAfterThinking(tokenize(inlineThinking + replyText), thought, budget, Math.max(0, numCtx - promptTokens - thought.tokens.length));
	const answered = capped.doneReason === 'length' ? [] : calls;
	const callTokens = answered.reduce((sum, call) => sum + tokenize(jsonWords({name: call.name, arguments: call.arguments})).length, 0);
	const counters = planCounters({
		profile,
		version: request.version,
		promptTokens: countsCachedPromptTokens(request.version) ? promptTokens : freshPromptTokens,
		freshPromptTokens,
		outputTokens: thought.tokens.length + capped.tokens.length + callTokens,
		cold,
		seed,
	});
	return {kind: 'turn', profile, cold, thinking: thought.tokens, pieces: capped.tokens, calls: answered, parserError, doneReason: capped.doneReason, counters};
}

/** The answer within what the reasoning left of num_predict; a budget used up by thinking is "length" with no answer. */
function capAfterThinking(
	reply: string[],
	thought: {tokens: string[]; doneReason: 'stop' | 'length'},
	budget: number | undefined,
	room: number,
): {tokens: string[]; doneReason: 'stop' | 'length'} {
	if (thought.doneReason === 'length') return {tokens: [], doneReason: 'length'};
	const left = budget === undefined ? undefined : budget - thought.tokens.length;
	if (left !== undefined && left <= 0) return {tokens: [], doneReason: reply.length > 0 ? 'length' : 'stop'};
	return capReply(reply, left, room);
}

/** A model with parallel tool calls also asks for a second, different tool in its first turn. */
function secondCall(request: TurnRequest, profile: SimModelProfile, first: string, useCount: number): SimToolCall | undefined {
	const others = request.tools.filter((tool) => tool.name !== first);
	if (others.length === 0 || profile.tools === 'unsupported' || profile.tools === 'parse-error') return undefined;
	const decided = decideToolTurn({behaviour: 'good', tools: others, messages: request.messages, useCount});
	return decided.kind === 'call' ? decided.call : undefined;
}

/** Real-time pacing for the demo: load and prefill before the first chunk, then per token. */
export function pacing(pace: number, turn: Pick<Turn, 'profile' | 'cold' | 'counters'>): {beforeFirstMs: number; perTokenMs: number} {
	if (pace <= 0) return {beforeFirstMs: 0, perTokenMs: 0};
	const beforeFirstNs = turn.counters.load_duration + turn.counters.prompt_eval_duration;
	return {beforeFirstMs: (beforeFirstNs / 1e6) * pace, perTokenMs: (pace / turn.profile.evalRate) * 1000};
}
