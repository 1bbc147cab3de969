// The Ollama adapter: ollama-js underneath, trifecta's shapes on top. Each call builds its own
// ollama-js client around a quiet fetch bound to the call's signal, so cancellation reaches
// non-streamed calls too (ollama-js only wires signals into streams) and nothing is ever printed.
import {
	Ollama,
	type AbortableAsyncIterator,
	type ChatRequest as WireChatRequest,
	type ChatResponse,
	type GenerateRequest as WireGenerateRequest,
	type GenerateResponse,
	type Tool,
	type ToolCall as WireToolCall,
} from 'ollama';
import {modelNameProblem} from '../../domain/modelName.js';
import {ProviderError} from '../errors.js';
import {isAbortError} from '../networkErrors.js';
import {DEFAULT_TIMEOUTS, RequestTimeouts, type TimeoutSettings} from '../network/timeouts.js';
import type {
	CallOptions,
	GenerateRequest,
	OllamaProvider,
	OllamaStreamEvent,
	PullUpdate,
	WarningSink,
} from '../types.js';
import type {BusyRetryOptions} from './busyRetry.js';
import {withBusyRetry} from './busyRetry.js';
import {ollamaTimeoutError, PullMovement, timeoutOptions, type Deadline} from './deadlines.js';
import {guardedStream, type StreamedPart} from './guardedStream.js';
import {normalizeOllamaHost} from './hostUrl.js';
import {ResponseBudget} from './responseBudget.js';
import {mapOllamaError, type OllamaErrorContext} from './mapOllamaError.js';
import {PullAggregator, type PullLine} from './pullProgress.js';
import {createQuietFetch} from './quietFetch.js';
import {toCounters, toInstalledModel, toLoadedModel, toModelDetails, toToolCalls, toWireMessages} from './wireTypes.js';

export type OllamaProviderOptions = {
	/** As resolved by the CLI (--host, else OLLAMA_HOST, else the default); ollama-js never reads OLLAMA_HOST. */
	host: string;
	/** Receives non-fatal notices (e.g. "Ollama is busy, retrying"); never printed by the adapter. */
	warn?: WarningSink;
	/** Retries of a 503 "server busy" before streaming starts (default 3). */
	busyRetries?: number;
	/** First backoff delay in ms, doubled per retry (default 500). */
	busyBackoffMs?: number;
	/** For tests and custom agents; defaults to the global fetch. */
	fetch?: typeof fetch;
	/** --load-timeout / --stall-timeout (default 900 s / 120 s). */
	timeouts?: TimeoutSettings;
};

type Operation = NonNullable<OllamaErrorContext['operation']>;
type StreamFlavour = 'chat' | 'generate';

export function createOllamaProvider(options: OllamaProviderOptions): OllamaProvider {
	const host = normalizeOllamaHost(options.host);
	const baseFetch = options.fetch ?? fetch;
	const retries = options.busyRetries ?? 3;
	const baseMs = options.busyBackoffMs ?? 500;

	const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
	const guardFor = (signal: AbortSignal | undefined, deadline: Deadline) => new RequestTimeouts(timeouts, signal, timeoutOptions(deadline, timeouts));
	const clientFor = (guard: RequestTimeouts) => new Ollama({host: options.host || host, fetch: createQuietFetch(guard.signal, guard.fetch(baseFetch))});
	/** A fired timeout explains an abort the caller did not ask for. */
	const explain = (guard: RequestTimeouts, error: unknown, request: {operation: Operation; model?: string | undefined; deadline: Deadline}): unknown =>
		guard.fired ? ollamaTimeoutError(guard.fired, host, request) : error;
	const retryFor = (signal: AbortSignal | undefined, what: string): BusyRetryOptions => ({
		retries,
		baseMs,
		signal,
		onRetry: (delayMs) => options.warn?.(`Ollama is busy; retrying ${what} in ${(delayMs / 1000).toFixed(1)} s`),
	});
	const contextFor = (operation: Operation, signal?: AbortSignal, model?: string): OllamaErrorContext => ({host, operation, signal, model});

	async function call<T>(operation: Operation, opts: CallOptions | undefined, run: (client: Ollama) => Promise<T>, model?: string): Promise<T> {
		const signal = opts?.signal;
		const deadline: Deadline = {kind: 'quick'};
		const guard = guardFor(signal, deadline);
		try {
			const client = clientFor(guard);
			return await withBusyRetry(() => run(client), retryFor(signal, operation));
		} catch (error) {
			throw mapOllamaError(explain(guard, error, {operation, model, deadline}), contextFor(operation, signal, model));
		} finally {
			guard.clear();
		}
	}

	/**
	 * A guarded stream whose errors name a fired timeout instead of a cancel. Only a part that
	 * `isProgress` accepts restarts the stall timer: content, never an empty or repeated chunk.
	 */
	async function* timed<T extends object>(
		signal: AbortSignal | undefined,
		request: {operation: Operation; model: string; deadline: Deadline},
		stream: (client: Ollama) => AsyncGenerator<StreamedPart<T>, void, undefined>,
		isProgress: (part: T) => boolean,
	): AsyncGenerator<StreamedPart<T>, void, undefined> {
		const guard = guardFor(signal, request.deadline);
		try {
			for await (const item of stream(clientFor(guard))) {
				if (isProgress(item.part)) guard.progress();
				yield item;
			}
		} catch (error) {
			throw explain(guard, error, request);
		} finally {
			guard.clear();
		}
	}

	function checkName(model: string): void {
		const problem = modelNameProblem(model);
		if (problem !== null) {
			throw new ProviderError('bad-request', `${JSON.stringify(model)} is not a valid model name: ${problem}`, 'use a name Ollama pulls: name[:tag], namespace/name:tag or hf.co/user/repo:quant, e.g. qwen2.5:32b');
		}
	}

	async function* streamEvents<T extends ChatResponse | GenerateResponse>(
		model: string,
		flavour: StreamFlavour,
		open: (client: Ollama) => Promise<AbortableAsyncIterator<T>>,
		read: (part: T) => {text: string; thinking: string; toolCalls?: WireToolCall[]},
		opts: CallOptions | undefined,
		deadline: Extract<Deadline, {kind: 'generation'}>,
	): AsyncGenerator<OllamaStreamEvent, void, undefined> {
		const signal = opts?.signal;
		let ttftMs: number | null = null;
		const budget = new ResponseBudget(host, model, deadline.numPredict);
		const isProgress = (part: T): boolean => {
			const {text, thinking, toolCalls} = read(part);
			return part.done || text !== '' || thinking !== '' || (toolCalls?.length ?? 0) > 0;
		};
		const parts = timed<T>(
			signal,
			{operation: flavour, model, deadline},
			(client) => guardedStream<T>(() => open(client), (part) => part.done, contextFor(flavour, signal, model), retryFor(signal, flavour)),
			isProgress,
		);
		for await (const {part, at, startedAt} of parts) {
			const {text, thinking, toolCalls} = read(part);
			if (text || thinking) {
				// Past the budget the stream is abandoned (leaving the loop aborts the request).
				budget.add(text.length + thinking.length);
				ttftMs ??= at - startedAt;
				yield {type: 'delta', text, ...(thinking ? {thinking} : {}), at};
			}
			if (toolCalls?.length) yield {type: 'tool_calls', calls: toToolCalls(toolCalls), at};
			if (part.done) yield {type: 'done', doneReason: part.done_reason ?? '', counters: toCounters(part), ttftMs, at};
		}
	}

	function generateEvents(body: WireGenerateRequest, opts?: CallOptions) {
		return streamEvents<GenerateResponse>(
			body.model,
			'generate',
			(client) => client.generate({...body, stream: true}),
			(part) => ({text: part.response ?? '', thinking: part.thinking ?? ''}),
			opts,
			{kind: 'generation', numPredict: body.options?.num_predict, numCtx: body.options?.num_ctx, loadOnly: body.prompt === ''},
		);
	}

	function generateBody(request: GenerateRequest): WireGenerateRequest {
		return {
			model: request.model,
			prompt: request.prompt,
			...(request.system === undefined ? {} : {system: request.system}),
			...(request.options ? {options: request.options} : {}),
			...(request.think === undefined ? {} : {think: request.think}),
			...(request.keepAlive === undefined ? {} : {keep_alive: request.keepAlive}),
		};
	}

	return {
		host,

		async ping(opts) {
			// The first request of every command: a host that accepts the connection and never answers
			// must not hold it for Node's 300 s, nor be reported as "not running".
			const deadline: Deadline = {kind: 'quick'};
			const guard = guardFor(opts?.signal, deadline);
			try {
				const response = await createQuietFetch(guard.signal, guard.fetch(baseFetch))(`${host}/`, {method: 'GET'});
				const text = await response.text();
				return response.ok && /ollama/i.test(text);
			} catch (error) {
				if (guard.fired) throw ollamaTimeoutError(guard.fired, host, {operation: 'ping', deadline});
				if (opts?.signal?.aborted || isAbortError(error)) throw mapOllamaError(error, contextFor('ping', opts?.signal));
				return false;
			} finally {
				guard.clear();
			}
		},

		async version(opts) {
			const response = await call('version', opts, (client) => client.version());
			return response.version;
		},

		async list(opts) {
			const response = await call('list', opts, (client) => client.list());
			return (response.models ?? []).map(toInstalledModel);
		},

		async ps(opts) {
			const response = await call('ps', opts, (client) => client.ps());
			return (response.models ?? []).map(toLoadedModel);
		},

		async show(model, opts) {
			checkName(model);
			const response = await call('show', opts, (client) => client.show({model}), model);
			return toModelDetails(model, response);
		},

		async *pull(model, opts): AsyncGenerator<PullUpdate, void, undefined> {
			checkName(model);
			const signal = opts?.signal;
			const aggregator = new PullAggregator();
			const movement = new PullMovement();
			const lines = timed<PullLine>(
				signal,
				{operation: 'pull', model, deadline: {kind: 'pull'}},
				(client) =>
					guardedStream<PullLine>(() => client.pull({model, stream: true}), (line) => line.status === 'success', contextFor('pull', signal, model), retryFor(signal, 'the pull')),
				(line) => movement.moved(line),
			);
			for await (const {part, at} of lines) yield aggregator.update(part, at);
		},

		async delete(model, opts) {
			checkName(model);
			await call('delete', opts, (client) => client.delete({model}), model);
		},

		chat(request, opts) {
			const body: WireChatRequest = {
				model: request.model,
				messages: toWireMessages(request.messages),
				// ToolSchema is plain JSON Schema; ollama-js types `parameters` more narrowly than the wire accepts.
				...(request.tools?.length ? {tools: request.tools as unknown as Tool[]} : {}),
				...(request.options ? {options: request.options} : {}),
				...(request.think === undefined ? {} : {think: request.think}),
				...(request.keepAlive === undefined ? {} : {keep_alive: request.keepAlive}),
			};
			return streamEvents<ChatResponse>(
				request.model,
				'chat',
				(client) => client.chat({...body, stream: true}),
				(part) => ({text: part.message?.content ?? '', thinking: part.message?.thinking ?? '', toolCalls: part.message?.tool_calls}),
				opts,
				{kind: 'generation', numPredict: request.options?.num_predict, numCtx: request.options?.num_ctx, loadOnly: request.messages.length === 0},
			);
		},

		generate(request, opts) {
			return generateEvents(generateBody(request), opts);
		},

		async load(model, opts) {
			const request: GenerateRequest = {
				model,
				prompt: '',
				...(opts?.numCtx === undefined ? {} : {options: {num_ctx: opts.numCtx}}),
				...(opts?.keepAlive === undefined ? {} : {keepAlive: opts.keepAlive}),
			};
			// Ollama answers an empty-prompt load with a bare {done:true, done_reason:"load"} and no
			// counters (routes.go), so the client-side wall time stands in when load_duration is absent.
			const started = performance.now();
			let loadDuration = 0;
			for await (const event of generateEvents(generateBody(request), opts)) {
				if (event.type !== 'done') continue;
				// A missing, negative or absurd (over a day) load_duration: the client's wall time stands in.
				const reported = event.counters.loadDuration;
				loadDuration = Number.isFinite(reported) && reported > 0 && reported < 86_400e9 ? reported : Math.max(1, Math.round((event.at - started) * 1e6));
			}
			return loadDuration;
		},

		async unload(model, opts) {
			for await (const event of generateEvents(generateBody({model, prompt: '', keepAlive: 0}), opts)) {
				void event;
			}
		},
	};
}
