// The contract between the providers (the only code that talks to Ollama or Claude) and the
// rest of trifecta. Everything above this line works with these shapes, never with the SDKs'.

export type InstalledModel = {
	name: string;
	sizeBytes: number;
	digest: string;
	modifiedAt: string;
	family: string;
	parameterSize: string;
	quantization: string;
	/** Empty when the server is older than v0.30 and does not list capabilities in /api/tags. */
	capabilities: string[];
};

export type LoadedModel = {
	name: string;
	/** Total resident footprint: weights + KV cache + compute buffers. */
	sizeBytes: number;
	/** The part of sizeBytes in GPU memory; below sizeBytes means partial CPU offload. */
	sizeVramBytes: number;
	contextLength: number | null;
	expiresAt: string;
};

export type ModelDetails = {
	name: string;
	family: string;
	parameterSize: string;
	quantization: string;
	capabilities: string[];
	contextLength: number | null;
	parameterCount: number | null;
};

export type LayerProgress = {
	digest: string;
	total: number;
	completed: number;
};

/** One pull update, with the per-layer progress already summed into a whole-model total. */
export type PullUpdate = {
	status: string;
	/** Layers in the order the server announced them (config blob last). */
	layers: LayerProgress[];
	total: number;
	completed: number;
	/** performance.now() at arrival, for MB/s and ETA. */
	at: number;
	/**
	 * The one layer this line moved (absent on a status line), as it is now and as it was before
	 * (null on first sight): a consumer folds one layer per line, not every layer, so a pull of
	 * thousands of layers costs time in proportion to its lines.
	 */
	changed?: {layer: LayerProgress; before: LayerProgress | null};
};

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export type ToolCall = {
	id?: string;
	name: string;
	/** Parsed arguments. On /v1 the wire carries a string; `rawArguments` keeps it. */
	arguments: Record<string, unknown>;
	rawArguments?: string;
};

export type ChatMessage = {
	role: ChatRole;
	content: string;
	toolCalls?: ToolCall[];
	toolName?: string;
	toolCallId?: string;
};

export type ToolSchema = {
	type: 'function';
	function: {
		name: string;
		description: string;
		parameters: Record<string, unknown>;
	};
};

export type GenerationOptions = {
	temperature: number;
	seed: number;
	num_ctx: number;
	num_predict: number;
};

/** Ollama's final-chunk counters, in nanoseconds as on the wire; absent fields are 0. */
export type OllamaCounters = {
	totalDuration: number;
	loadDuration: number;
	promptEvalCount: number;
	promptEvalDuration: number;
	evalCount: number;
	evalDuration: number;
};

export type StreamDelta = {type: 'delta'; text: string; thinking?: string; at: number};
export type StreamToolCalls = {type: 'tool_calls'; calls: ToolCall[]; at: number};
export type {RateSource} from '../domain/schemaSpeed.js';
import type {RateSource} from '../domain/schemaSpeed.js';

export type OllamaStreamDone = {
	type: 'done';
	doneReason: string;
	counters: OllamaCounters;
	/** Where the counters come from; absent: Ollama's own. */
	rateSource?: RateSource;
	/** Client-measured ms from request start to the first non-empty delta (null if none came). */
	ttftMs: number | null;
	at: number;
};
export type OllamaStreamEvent = StreamDelta | StreamToolCalls | OllamaStreamDone;

/**
 * Ollama's `think`: a boolean, or a reasoning level for models that take levels (gpt-oss takes
 * "low" | "medium" | "high" and ignores false; api/types.go ThinkValue).
 */
export type ThinkSetting = boolean | 'low' | 'medium' | 'high';

export type ChatRequest = {
	model: string;
	messages: ChatMessage[];
	options?: Partial<GenerationOptions>;
	tools?: ToolSchema[];
	/** Only sent when defined; the lowest setting a thinking-capable model accepts when measuring it. */
	think?: ThinkSetting;
	keepAlive?: string | number;
};

export type GenerateRequest = {
	model: string;
	prompt: string;
	system?: string;
	options?: Partial<GenerationOptions>;
	think?: ThinkSetting;
	keepAlive?: string | number;
};

export type CallOptions = {signal?: AbortSignal};

export interface OllamaProvider {
	readonly host: string;
	/** GET / — true when something Ollama-like answers. */
	ping(opts?: CallOptions): Promise<boolean>;
	version(opts?: CallOptions): Promise<string>;
	list(opts?: CallOptions): Promise<InstalledModel[]>;
	ps(opts?: CallOptions): Promise<LoadedModel[]>;
	show(model: string, opts?: CallOptions): Promise<ModelDetails>;
	/** Streams progress; aborting the signal aborts the HTTP request. Throws ProviderError. */
	pull(model: string, opts?: CallOptions): AsyncIterable<PullUpdate>;
	delete(model: string, opts?: CallOptions): Promise<void>;
	/** Streams; leaving the loop early or aborting aborts the HTTP request. Throws ProviderError. */
	chat(request: ChatRequest, opts?: CallOptions): AsyncIterable<OllamaStreamEvent>;
	generate(request: GenerateRequest, opts?: CallOptions): AsyncIterable<OllamaStreamEvent>;
	/**
	 * Loads a model (empty prompt) and returns its load_duration in ns. Ollama omits the counters on
	 * an empty-prompt load, so the client-measured wall time (ns) is returned then.
	 */
	load(model: string, opts?: CallOptions & {keepAlive?: string | number; numCtx?: number}): Promise<number>;
	/** keep_alive 0: frees the model's memory. */
	unload(model: string, opts?: CallOptions): Promise<void>;
}

/** The OpenAI-compatible endpoint (/v1/chat/completions), as LangChain's ChatOpenAI uses it. */
export type CompatChatResult = {
	content: string;
	toolCalls: ToolCall[];
	finishReason: string | null;
	usage: {promptTokens: number; completionTokens: number} | null;
	ttftMs: number | null;
	elapsedMs: number;
};

/** A Chat Completions request as trifecta pins it: the fields every /v1 caller sets. */
export type CompatChatRequest = {
	model: string;
	messages: ChatMessage[];
	tools?: ToolSchema[];
	temperature?: number;
	seed?: number;
	maxTokens?: number;
};

export interface OpenAICompatProvider {
	chat(
		/** reasoningEffort: OpenAI's reasoning_effort ("none" turns thinking off on Ollama v0.12.4+); absent: the model's default. */
		request: CompatChatRequest & {reasoningEffort?: string},
		opts?: CallOptions,
	): Promise<CompatChatResult>;
	listModels(opts?: CallOptions): Promise<string[]>;
}

/**
 * `outputTokens` includes any thinking; `thinkingTokens` is that part (shown apart, billed alike).
 * `inputTokens` is the uncached input; prompt-cache reads and writes are counted apart (billed at
 * a tenth and at 1.25x of the input price).
 */
export type ClaudeUsage = {inputTokens: number; outputTokens: number; thinkingTokens?: number; cacheReadTokens?: number; cacheWriteTokens?: number};

export type ClaudeStreamEvent =
	| {type: 'delta'; text: string; at: number}
	| {
			type: 'done';
			stopReason: string | null;
			usage: ClaudeUsage;
			costUsd: number | null;
			ttftMs: number | null;
			at: number;
	  };

export type ClaudeRequest = {
	model: string;
	system?: string;
	/**
	 * The part of the first user message every request of a session repeats (the market context):
	 * sent as its own block, marked cacheable with the system prompt before it.
	 */
	sharedPrefix?: string;
	messages: {role: 'user' | 'assistant'; content: string}[];
	/** The answer's budget; the provider adds room for thinking where the model cannot turn it off. */
	maxTokens: number;
};

/**
 * A pairwise judge request; the answer's shape is the JSON schema (output_config.format).
 * `maxTokens` is the verdict's budget; the provider adds room for thinking where it cannot be off.
 */
export type JudgeRequest = {
	model: string;
	system: string;
	user: string;
	schema: Record<string, unknown>;
	maxTokens: number;
	/** The start of `user` every pair of a market repeats (up to the market context): marked cacheable. */
	sharedPrefix?: string;
};

export type JudgeReply = {text: string; stopReason: string | null; model: string; usage: ClaudeUsage; costUsd: number | null};

/**
 * A judge that is not the Claude baseline: any OpenAI-compatible endpoint (OpenAI itself or a
 * local server) answering with JSON-schema structured output. `label` names it in reports
 * ("openai:gpt-5.1"); `baseURL` says where it runs.
 */
export interface JudgeProvider {
	readonly kind: 'openai';
	readonly model: string;
	readonly label: string;
	readonly baseURL: string;
	judge(request: JudgeRequest, opts?: CallOptions): Promise<JudgeReply>;
}

export interface ClaudeProvider {
	readonly model: string;
	stream(request: ClaudeRequest, opts?: CallOptions): AsyncIterable<ClaudeStreamEvent>;
	/** One structured judge answer; absent on providers that cannot judge (test fakes). */
	judge?(request: JudgeRequest, opts?: CallOptions): Promise<JudgeReply>;
	/** The SDK's deprecation warning for this model, if it has one (captured, never printed). */
	deprecation(): string | null;
}

/** Warnings the SDKs would print to the console; we surface them through our own UI instead. */
export type WarningSink = (message: string) => void;
