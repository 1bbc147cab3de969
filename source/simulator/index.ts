// The loopback simulator of an M3 Max running Ollama, plus the Anthropic Messages API on a
// second port, so Ollama faults (connection refused, restarts) never touch the Claude side.
import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import type {ResolvedOptions, RouteContext} from './context.js';
import {FaultQueue} from './faults.js';
import {defaultProfiles} from './profiles.js';
import {PromptCache} from './anthropicCache.js';
import {handleAnthropicMessages} from './routes/anthropic.js';
import {handleAnthropicModels} from './routes/anthropicModels.js';
import {handleDelete, handleOpenAiModels, handlePs, handleRoot, handleShow, handleTags, handleVersion} from './routes/info.js';
import {handleOllamaGeneration} from './routes/ollamaChat.js';
import {handleOpenAiChat} from './routes/openaiChat.js';
import {handlePull} from './routes/pull.js';
import {ServedMetrics} from './served/metrics.js';
import {handleHealth, handleMetrics, handleProps, handleServedModels, handleVllmVersion} from './served/routes.js';
import {SimState} from './state.js';
import type {ClaudeFault, FaultTarget, OllamaFault, RequestLogEntry, SimulatorHandle, SimulatorOptions} from './types.js';
import {isRecord, parseBody, readBody, sendOllamaError, sendText, trickle} from './wire.js';
import type {Exchange} from './wire.js';

export type {LoadLogEntry, SimulatorHandle, SimulatorOptions, SimModelProfile, OllamaFault, ClaudeFault, FaultTarget, JudgeMode, QualityTier, ToolBehaviour, RequestLogEntry} from './types.js';
export {defaultProfiles, gptOssProfile, profileFor, thinkingProfile} from './profiles.js';

type Handler = (ctx: RouteContext, exchange: Exchange) => void | Promise<void>;

const ollamaRoutes: Record<string, Handler> = {
	'GET /': (_ctx, exchange) => handleRoot(exchange),
	'HEAD /': (_ctx, exchange) => handleRoot(exchange),
	'GET /api/version': handleVersion,
	'HEAD /api/version': handleVersion,
	'GET /api/tags': handleTags,
	'GET /api/ps': handlePs,
	'POST /api/show': handleShow,
	'POST /api/pull': handlePull,
	'DELETE /api/delete': handleDelete,
	'POST /api/generate': (ctx, exchange) => handleOllamaGeneration(ctx, exchange, 'generate'),
	'POST /api/chat': (ctx, exchange) => handleOllamaGeneration(ctx, exchange, 'chat'),
	'POST /v1/chat/completions': handleOpenAiChat,
	'GET /v1/models': handleOpenAiModels,
};

/** vLLM: only /v1 and its own endpoints; nothing of Ollama's API (/api/pull is a 404). */
const vllmRoutes: Record<string, Handler> = {
	'POST /v1/chat/completions': handleOpenAiChat,
	'GET /v1/models': handleServedModels,
	'GET /version': handleVllmVersion,
	'GET /metrics': handleMetrics,
	'GET /health': handleHealth,
};

/** llama-server: /v1, /props and /health; /metrics only with --metrics, and not in vLLM's names. */
const llamaRoutes: Record<string, Handler> = {
	'POST /v1/chat/completions': handleOpenAiChat,
	'GET /v1/models': handleServedModels,
	'GET /props': handleProps,
	'GET /health': handleHealth,
};

const anthropicRoutes: Record<string, Handler> = {
	'POST /v1/messages': handleAnthropicMessages,
	'GET /v1/models': handleAnthropicModels,
};

/** One listener that can stop accepting (refuse fault, kill) and start again on the same port. */
class Listener {
	readonly sockets = new Set<Socket>();
	private server: Server | undefined;
	port = 0;

	constructor(private readonly handle: (req: IncomingMessage, res: ServerResponse) => void) {}

	async start(port: number): Promise<void> {
		const server = createServer(this.handle);
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.once('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		this.port = (server.address() as AddressInfo).port;
	}

	get listening(): boolean {
		return this.server !== undefined;
	}

	/** Cuts every open connection (streams included) and stops listening. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		for (const socket of this.sockets) socket.destroy();
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

function resolveOptions(options: SimulatorOptions): ResolvedOptions {
	return {
		version: options.version ?? '0.32.15',
		pace: Math.max(0, options.pace ?? 0),
		pullBytesPerSecond: options.pullBytesPerSecond ?? 400e6,
		claudeQuality: options.claudeQuality ?? 'excellent',
		judge: options.judge ?? 'fair',
		claudeRate: options.claudeRate ?? 60,
		claudeModels: options.claudeModels ?? null,
		pullLinesPerLayer: options.pullLinesPerLayer ?? null,
	};
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
	const profiles = options.profiles ?? defaultProfiles();
	const state = new SimState(profiles, options.installed ?? ['qwen2.5:14b', 'mistral-small:22b'], Math.max(0, options.pace ?? 0));
	for (const [name, bytes] of Object.entries(options.partialPulls ?? {})) state.seedPartial(name, bytes);
	const faults = new FaultQueue();
	const served = options.server
		? {
				flavour: options.server.flavour,
				version: options.server.version ?? (options.server.flavour === 'vllm' ? '0.11.0' : 'b6550-5f7e166c'),
				metrics: new ServedMetrics(),
				tools: options.server.tools ?? true,
			}
		: undefined;
	const ctx: RouteContext = {state, faults, options: resolveOptions(options), anthropicCache: new PromptCache(), ...(served ? {served} : {})};
	const requests: RequestLogEntry[] = [];
	let refusing = false;
	let silent = false;
	let closed = false;

	const dispatcher = (routes: Record<string, Handler>) => (req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		const log: RequestLogEntry = {method: req.method ?? 'GET', path, body: undefined, aborted: false, startedAt: performance.now()};
		requests.push(log);
		const exchange: Exchange = {req, res, path, body: undefined, log, cutByServer: false};
		res.once('close', () => {
			log.endedAt = performance.now();
			if (!res.writableFinished && !exchange.cutByServer) log.aborted = true;
		});
		void (async () => {
			try {
				exchange.body = parseBody(await readBody(req));
				log.body = exchange.body;
				// A host that took the connection and never answers (a hung server, a black-holing proxy).
				if (silent && routes === ollamaRoutes) {
					await new Promise((resolve) => res.once('close', resolve));
					return;
				}
				const trickled = routes === ollamaRoutes ? faults.takeTrickle(path, isRecord(exchange.body) ? (exchange.body['model'] ?? exchange.body['name']) : undefined) : undefined;
				if (trickled) trickle(res, trickled.intervalMs ?? 1000);
				const handler = routes[`${log.method} ${path}`];
				if (!handler) {
					sendText(res, 404, '404 page not found');
					return;
				}
				await handler(ctx, exchange);
			} catch (error) {
				// A simulator bug should look like a server error to the client, not crash the test run.
				sendOllamaError(res, 500, error instanceof Error ? error.message : String(error));
			}
		})();
	};

	const ollama = new Listener(dispatcher(served ? (served.flavour === 'vllm' ? vllmRoutes : llamaRoutes) : ollamaRoutes));
	const anthropic = new Listener(dispatcher(anthropicRoutes));
	await ollama.start(options.port ?? 0);
	if (options.claude !== false) await anthropic.start(0);

	const handle: SimulatorHandle = {
		url: `http://127.0.0.1:${ollama.port}`,
		anthropicUrl: options.claude === false ? '' : `http://127.0.0.1:${anthropic.port}`,
		requests,
		installed: () => state.installedNames(),
		loaded: () => state.loadedNames(),
		loads: () => state.loadLog(),
		injectOllamaFault(fault: OllamaFault, target?: string | FaultTarget) {
			if (fault.kind === 'refuse') {
				refusing = true;
				// close() stops accepting synchronously, so the very next connection is refused.
				void ollama.stop();
				return;
			}
			if (fault.kind === 'silent') {
				silent = true;
				return;
			}
			faults.addOllama(fault, target);
		},
		injectClaudeFault(fault: ClaudeFault) {
			faults.addClaude(fault);
		},
		clearFaults() {
			faults.clear();
			silent = false;
			if (refusing && !closed) {
				refusing = false;
				// listen() on an IP binds synchronously, so the next request already connects; a failure
				// (port taken meanwhile) leaves Ollama refusing, which is what a client would see anyway.
				ollama.start(ollama.port).catch(() => undefined);
			}
		},
		async close() {
			closed = true;
			await Promise.all([ollama.stop(), anthropic.stop()]);
		},
		async restart() {
			await ollama.stop();
			state.restart();
			refusing = false;
			if (!closed) await ollama.start(ollama.port);
		},
	};
	return handle;
}
