// An OpenAI-compatible inference server (vLLM, SGLang, llama.cpp's llama-server, LM Studio) behind the
// same interface as Ollama, so bench, compare, tools and the strategy run unchanged against what it
// serves (--backend openai). What the server cannot do is said, never attempted: it serves its models
// itself, so nothing is pulled, deleted, loaded or unloaded through it; /api/* is never called.
import {ProviderError} from '../errors.js';
import {completionStream, type CompletionConnection, type CompletionRequest} from '../openaiCompat/completionStream.js';
import type {ChatMessage, ChatRequest, InstalledModel, ModelDetails, OllamaProvider, OllamaStreamEvent} from '../types.js';
import {getText} from './getJson.js';
import {parsePrometheus, vllmReading, type VllmReading} from './prometheus.js';
import {servedCounters} from './servedCounters.js';
import {detectServer, servedModels, type ServedModel, type ServerInfo} from './serverInfo.js';
import {catalogEntry, familyOf} from '../../models/catalog.js';

export type ServedProvider = OllamaProvider & {
	/** Which server answers, and its version (once detected; cached). */
	server(opts?: {signal?: AbortSignal}): Promise<ServerInfo>;
	/** The served models with what the server says about them (cached after the first call). */
	served(opts?: {signal?: AbortSignal}): Promise<ServedModel[]>;
};

/** Said whenever the strategy would reach for a pull or a delete. */
export function servedHint(server: string): string {
	return `serving another model is done on ${server} itself (e.g. \`vllm serve <model>\` or \`llama-server -m <file>\`); trifecta measures what it serves`;
}

function notHere(action: string, server: ServerInfo, host: string): ProviderError {
	return new ProviderError('bad-request', `${server.name} at ${host} serves its models itself: trifecta does not ${action} on it`, servedHint(server.name));
}

export function createServedProvider(connection: CompletionConnection): ServedProvider {
	const {host} = connection;
	let info: Promise<ServerInfo> | undefined;
	let models: Promise<ServedModel[]> | undefined;
	const server = (signal?: AbortSignal) => (info ??= detectServer(connection, signal).catch((error: unknown) => {
		info = undefined;
		throw error;
	}));
	const served = (signal?: AbortSignal) =>
		(models ??= server(signal)
			.then(async (known) => {
				const list = await servedModels(connection, known, signal);
				if (list === null) throw new ProviderError('unreachable', `${known.name} at ${host} did not list its models (GET /v1/models)`, 'check that --host points at the server (without /v1) and that it has finished loading');
				return list;
			})
			.catch((error: unknown) => {
				models = undefined;
				throw error;
			}));

	async function readVllm(model: string, signal?: AbortSignal): Promise<VllmReading | null> {
		const text = await getText(connection, '/metrics', signal);
		return text === null ? null : vllmReading(parsePrometheus(text), model);
	}

	async function* stream(request: CompletionRequest, signal?: AbortSignal): AsyncGenerator<OllamaStreamEvent> {
		const flavour = (await server(signal)).flavour;
		// Read around the request, which runs alone (one local request at a time, docs/DESIGN.md).
		const before = flavour === 'vllm' ? await readVllm(request.model, signal) : null;
		let chunks = 0;
		for await (const event of completionStream(connection, request, signal)) {
			if (event.type === 'delta') {
				chunks++;
				yield {type: 'delta', text: event.text, ...(event.thinking ? {thinking: event.thinking} : {}), at: event.at};
				continue;
			}
			if (event.toolCalls.length > 0) yield {type: 'tool_calls', calls: event.toolCalls, at: performance.now()};
			const endedAt = performance.now();
			const after = before ? await readVllm(request.model, signal) : null;
			const {counters, rateSource} = servedCounters({
				timings: event.timings,
				metrics: before && after ? {before, after} : null,
				usage: event.usage,
				chunks,
				startedAt: event.startedAt,
				firstAt: event.firstAt,
				lastAt: event.lastAt,
				endedAt,
			});
			yield {
				type: 'done',
				doneReason: event.finishReason === 'length' ? 'length' : 'stop',
				counters,
				rateSource,
				ttftMs: event.firstAt === null ? null : event.firstAt - event.startedAt,
				at: endedAt,
			};
		}
	}

	const completion = (model: string, messages: ChatMessage[], request: Pick<ChatRequest, 'options' | 'tools' | 'think'>): CompletionRequest => ({
		model,
		messages,
		// Thinking off, as think:false on Ollama, the way these servers take it: the chat template's
		// enable_thinking switch (Qwen3 and others), passed by vLLM, SGLang and llama-server as
		// chat_template_kwargs. They do not say which models think, so it is always sent; templates
		// without the switch ignore it.
		...(request.think === true ? {} : {extra: {chat_template_kwargs: {enable_thinking: false}}}),
		...(request.tools?.length ? {tools: request.tools} : {}),
		...(request.options?.temperature === undefined ? {} : {temperature: request.options.temperature}),
		...(request.options?.seed === undefined ? {} : {seed: request.options.seed}),
		// num_ctx is the server's own setting (max_model_len, -c): it cannot be sent per request.
		...(request.options?.num_predict === undefined || request.options.num_predict <= 0 ? {} : {maxTokens: request.options.num_predict}),
	});

	const find = async (model: string, signal?: AbortSignal): Promise<ServedModel> => {
		const list = await served(signal);
		const found = list.find((entry) => entry.id === model) ?? list.find((entry) => entry.id.toLowerCase() === model.toLowerCase());
		if (!found) {
			const known = await server(signal);
			throw new ProviderError('model-not-found', `${model} is not served by ${known.name} at ${host}`, servedHint(known.name));
		}
		return found;
	};

	return {
		host,
		server: (opts) => server(opts?.signal),
		served: (opts) => served(opts?.signal),
		async ping(opts) {
			try {
				return (await getText(connection, '/v1/models', opts?.signal)) !== null;
			} catch {
				return false;
			}
		},
		async version(opts) {
			const known = await server(opts?.signal);
			return known.version ?? 'version not given';
		},
		async list(opts) {
			return (await served(opts?.signal)).map(
				(model): InstalledModel => ({
					name: model.id,
					// A ceiling needs bytes the server reported; a catalog size of an Ollama quantisation is not this server's.
					sizeBytes: model.sizeSource === 'server' ? model.sizeBytes : 0,
					digest: '',
					modifiedAt: '',
					family: familyOf(model.id),
					parameterSize: model.parameterSize,
					quantization: '',
					capabilities: [...(catalogEntry(model.id)?.capabilities ?? [])],
				}),
			);
		},
		// The server keeps what it serves resident; it has no per-model memory report.
		async ps() {
			return [];
		},
		async show(model, opts): Promise<ModelDetails> {
			const found = await find(model, opts?.signal);
			return {
				name: found.id,
				family: familyOf(found.id),
				parameterSize: found.parameterSize,
				quantization: '',
				capabilities: [...(catalogEntry(found.id)?.capabilities ?? [])],
				contextLength: found.contextLength,
				parameterCount: null,
			};
		},
		// eslint-disable-next-line require-yield -- a served model is never pulled: this fails before any request.
		async *pull(_model, opts) {
			throw notHere('download models', await server(opts?.signal), host);
		},
		async delete(_model, opts) {
			throw notHere('delete models', await server(opts?.signal), host);
		},
		async *chat(request, opts) {
			yield* stream(completion(request.model, request.messages, request), opts?.signal);
		},
		async *generate(request, opts) {
			const messages: ChatMessage[] = [...(request.system === undefined ? [] : [{role: 'system' as const, content: request.system}]), {role: 'user', content: request.prompt}];
			yield* stream(completion(request.model, messages, request), opts?.signal);
		},
		// Served models are loaded by the server at start; the warm-up request is what makes it ready.
		async load(model, opts) {
			await find(model, opts?.signal);
			return 0;
		},
		async unload() {},
	};
}
