// The contract of the loopback simulator (used by --demo and by every test).

/** How well a simulated model reasons; drives the text it writes for bull/bear/trader prompts. */
export type QualityTier =
	/** Short, generic, no decision line or levels. */
	| 'vague'
	/** A decision line but missing or incoherent risk levels, shallow. */
	| 'partial'
	/** Decision line, entry/stop/target/sizing/horizon, grounded figures, medium depth. */
	| 'good'
	/** Everything, long and grounded (Claude-like). */
	| 'excellent';

/** How a simulated model behaves when sent `tools`. */
export type ToolBehaviour =
	| 'good'
	/** Writes the call into content (JSON or <tool_call> tags) instead of tool_calls. */
	| 'leaky'
	/** 400 "<fully qualified name> does not support tools". */
	| 'unsupported'
	/** Calls the right tool with wrong arguments (wrong symbol/dates). */
	| 'wrong-args'
	/** Never stops calling tools, even after results. */
	| 'loops'
	/** Structured-output call whose arguments fail the schema (e.g. action "Maybe", price as text). */
	| 'bad-schema'
	/** Writes a call Ollama's built-in parser cannot read: "failed to parse JSON" in-band (native) or a cut /v1 stream. */
	| 'parse-error';

export type SimModelProfile = {
	name: string;
	sizeBytes: number;
	family: string;
	parameterSize: string;
	quantization: string;
	contextLength: number;
	capabilities: string[];
	/** Layers of the model in manifest order; the config blob is last. Sizes sum to sizeBytes. */
	layers: {digest: string; size: number}[];
	/** Decode tokens per second reported in the counters. */
	evalRate: number;
	/** Prefill tokens per second reported in the counters. */
	promptEvalRate: number;
	/** Reported load_duration on a cold load, ms. */
	loadMs: number;
	/** Fraction of the loaded footprint in GPU memory (1 = all; below 1 = partial offload). */
	gpuShare: number;
	quality: QualityTier;
	tools: ToolBehaviour;
	/** GGUF architecture facts for /api/show model_info and the KV-cache estimate in /api/ps. */
	architecture?: SimArchitecture;
	/** When set, every text reply is this many short filler tokens (stream-ingest benchmarks). */
	replyTokens?: number;
	/** The chat template's default system prompt, used when a request has none (qwen2.5: "You are Qwen, ..."). */
	defaultSystem?: string;
	/** How long a thinking-capable model reasons, in tokens (default 600). */
	reasoningTokens?: number;
	/** Calls two tools at once in a first turn offered several (the index-0 bug shows on /v1). */
	parallelTools?: boolean;
};

export type SimArchitecture = {
	/** general.architecture, e.g. 'qwen2'. */
	name: string;
	parameterCount: number;
	blockCount: number;
	embeddingLength: number;
	headCount: number;
	headCountKv: number;
};

export type OllamaFault =
	| {kind: 'refuse'}
	/**
	 * The stream stops (socket destroyed) after N chunks of the next chat/generate/pull; `reset`: with
	 * a TCP RST (the client sees ECONNRESET, as when a proxy or the OS kills the connection) instead of a FIN.
	 */
	| {kind: 'die-mid-stream'; afterChunks: number; reset?: boolean}
	| {kind: 'malformed-line'; afterChunks: number}
	/** The stream ends cleanly but without the done:true chunk. */
	| {kind: 'no-done'}
	| {kind: 'oom'; wording: 'legacy' | 'llama-server' | 'memory-layout' | 'allocate' | 'insufficient'}
	/** The runner dies loading the model (a damaged blob, an architecture too new): 500, worded by version. */
	| {kind: 'load-failure'}
	/** A pull that fills the disk: in-band "no space left on device" after N progress lines. */
	| {kind: 'disk-full'; afterChunks: number}
	| {kind: 'busy'; times?: number}
	| {kind: 'runner-crash'; afterChunks: number}
	/** The stream sends N chunks, then hangs until the client disconnects (to test aborts). */
	| {kind: 'stall'; afterChunks: number}
	/** After N chunks, valid chunks with no content (no token, no thinking, never done) until the client disconnects. */
	| {kind: 'empty-chunks'; afterChunks: number}
	/**
	 * After N chunks, the last chunk again every 60 ms until the client disconnects: a pull whose
	 * `completed` never moves, as Ollama reports a part it retries without end (server/download.go).
	 */
	| {kind: 'stuck'; afterChunks: number}
	/** The whole response (headers at once, then every byte) one byte per `intervalMs` (default 1000): any route. */
	| {kind: 'trickle'; intervalMs?: number}
	/** The host accepts every connection and never answers, on every route, until faults are cleared. */
	| {kind: 'silent'};

/** Which Ollama requests a queued fault may hit; every field given must match. */
export type FaultTarget = {route?: string; model?: string};

/** How the simulated judge grades, on the Anthropic route and on the OpenAI-compatible one alike. */
export type JudgeMode =
	/** The default: a stand-in for a careful judge. */
	| 'fair'
	/** Scores every response 9 or 10 on every criterion, whatever it says. */
	| 'lenient'
	/** Scores Response 1 10 and Response 2 8 on every criterion: pure position bias. */
	| 'position-biased'
	/** Declines to judge: stop_reason "refusal" (Anthropic), `message.refusal` (OpenAI). */
	| 'refusing';

export type ClaudeFault =
	/** `retryAfter` (seconds) is sent as retry-after on a 429/529, with no retry-after-ms: the client must wait it out. */
	| {kind: 'status'; status: 401 | 403 | 429 | 529 | 500; times?: number; retryAfter?: number}
	/** The next `times` judge requests (default 1; Infinity: all of them) are graded in `mode`, on either route. */
	| {kind: 'judge'; mode: JudgeMode; times?: number}
	| {kind: 'mid-stream-error'; afterChunks: number}
	/** The answer stops after N text deltas with stop_reason "refusal" (streamed or not). */
	| {kind: 'refusal'; afterChunks: number}
	/** The answer stops after N text deltas with stop_reason "model_context_window_exceeded". */
	| {kind: 'context-exceeded'; afterChunks: number}
	/**
	 * The stream ends after N text deltas, without content_block_stop, message_delta or message_stop:
	 * cleanly, or with `reset` the connection is reset (TCP RST) mid-answer.
	 */
	| {kind: 'cut'; afterChunks: number; reset?: boolean}
	/** After N text deltas, `event: ping` frames only, until the client disconnects (the connection stays busy). */
	| {kind: 'pings'; afterChunks: number; everyMs: number}
	/** The stream sends N text deltas, then hangs until the client disconnects. */
	| {kind: 'stall'; afterChunks: number}
	/** Not the API (a broken or hostile proxy): after N deltas, deltas of `chars` characters until the client disconnects. */
	| {kind: 'endless'; afterChunks: number; chars: number};

/**
 * An OpenAI-compatible inference server instead of Ollama: only /v1 and the server's own endpoints,
 * the `installed` models served (resident, never pulled). vLLM (default version 0.11.0) exports
 * Prometheus /metrics; llama.cpp's llama-server (default build b6550) puts `timings` on its last chunk.
 */
export type SimServer = {
	flavour: 'vllm' | 'llama.cpp';
	version?: string;
	/**
	 * Started with tool calling on (default): vLLM `--enable-auto-tool-choice --tool-call-parser hermes`,
	 * llama-server `--jinja`. false: a request with tools is refused as that server refuses it.
	 */
	tools?: boolean;
};

export type SimulatorOptions = {
	/** Serve as vLLM or llama-server instead of Ollama (see SimServer). */
	server?: SimServer;
	/** Profiles to serve; default: the six ladder models (see profiles.ts). */
	profiles?: SimModelProfile[];
	/** Names installed at start; default: qwen2.5:14b and mistral-small:22b. */
	installed?: string[];
	/**
	 * Bytes an earlier, interrupted pull left on disk, per model name: the next pull resumes from
	 * them (server/download.go keeps each blob's `-partial` file and its part offsets between pulls).
	 */
	partialPulls?: Record<string, number>;
	/** Ollama version string for /api/version; default '0.32.15'. */
	version?: string;
	/** Real-time pacing. 0 (default, tests) streams as fast as possible; 1 = real speed; 0.05 = 20x faster. */
	pace?: number;
	/** Pull transfer speed in bytes per real second, when pace > 0; default 400 MB/s. */
	pullBytesPerSecond?: number;
	/** Serve the Anthropic Messages API too (default true). */
	claude?: boolean;
	/** Quality of the simulated Claude baseline (default 'excellent'). */
	claudeQuality?: QualityTier;
	/** How the simulated judge grades every judge request (default 'fair'); a 'judge' fault overrides it for some requests. */
	judge?: JudgeMode;
	/** Port for the Ollama-compatible API (default 0: any free port). The Anthropic API gets its own free port. */
	port?: number;
	/** Decode rate of the simulated Claude, for pacing only (default 60 t/s). */
	claudeRate?: number;
	/** What the Models API lists (default: the current models, with retired ones marked so); a test may list hostile ids. */
	claudeModels?: {id: string; created_at: string; display_name?: string; lifecycle?: 'active' | 'deprecated' | 'retired'}[];
	/** Progress lines per layer when not pacing (default about one per GB); the benchmark harness floods with many. */
	pullLinesPerLayer?: number;
};

export type RequestLogEntry = {
	method: string;
	path: string;
	body: unknown;
	/** True if the client closed the connection before the response finished. */
	aborted: boolean;
	/** performance.now() when the request arrived and when its response ended (tests check overlap). */
	startedAt?: number;
	endedAt?: number;
};

/** One runner start on the simulated Ollama: a cold load (or a reload at another num_ctx). */
export type LoadLogEntry = {model: string; numCtx: number; at: number};

export interface SimulatorHandle {
	/** Base URL of the Ollama-compatible API, e.g. http://127.0.0.1:40123 */
	readonly url: string;
	/** Base URL to give the Anthropic SDK as baseURL (no /v1). */
	readonly anthropicUrl: string;
	/** Every request received, for tests (bodies parsed as JSON when possible). */
	readonly requests: RequestLogEntry[];
	/** Names currently installed. */
	installed(): string[];
	/** Names currently loaded (as /api/ps shows them). */
	loaded(): string[];
	/** Every cold load so far, in order (what load_duration reports as a real load). */
	loads(): LoadLogEntry[];
	/**
	 * Queue a fault for the next matching Ollama request(s). A string limits it to a route (e.g.
	 * '/api/chat'); an object can also limit it to requests naming one model (as sent), so a test
	 * can break the second model of a run and leave the first alone.
	 */
	injectOllamaFault(fault: OllamaFault, target?: string | FaultTarget): void;
	injectClaudeFault(fault: ClaudeFault): void;
	clearFaults(): void;
	/** Stop the server as if Ollama was killed: open streams are cut, new connections refused. */
	close(): Promise<void>;
	/**
	 * Restart Ollama on the same port, as `ollama serve` after a kill: open streams are cut,
	 * loaded models and partial downloads are dropped (Ollama prunes partials at start), installed models stay.
	 */
	restart(): Promise<void>;
}

/** One model as the simulated Models API lists it (a test may replace the built-in list). */
export type SimClaudeModel = {id: string; created_at: string; display_name?: string; lifecycle?: 'active' | 'deprecated' | 'retired'};
