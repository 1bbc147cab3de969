// Explicit timeouts around fetch, for Ollama, its /v1 endpoint and Claude alike. Ollama sends no
// headers until the model is loaded and the prompt read (a cold 70B load takes minutes), and a
// pull goes quiet while it verifies; Node's fetch would instead give up after its fixed 300 s
// headers/body timeouts and call that "fetch failed", which reads as "not running". So:
// - the load timeout runs from the request until the first byte (the response headers);
// - the stall timeout runs while a body streams, reset by every chunk.
// When one fires, the request is aborted through its own signal (an abort is never retried by
// the SDKs, so no retries stack on top) and `fired` says which it was, for the provider to report.
// A stream that keeps sending without saying anything (empty chunks, a byte a second, the same
// progress line over and over) would restart a silence timer forever, so an owner that knows what
// content is can ask for `progress: 'marked'`: then only its progress() calls restart the stall
// timer, and a non-streamed answer must arrive whole within the stall timeout. `totalMs` bounds
// the whole request, derived by the owner from what it asked for.
import {ProviderError} from '../errors.js';

export type TimeoutSettings = {
	/** Until the first byte of the response, ms. */
	loadMs: number;
	/** Longest silence inside a streaming body, ms. */
	stallMs: number;
};

export const DEFAULT_TIMEOUTS: TimeoutSettings = {loadMs: 900_000, stallMs: 120_000};

export type FiredTimeout = {phase: 'load' | 'stall' | 'total'; ms: number};

export type TimeoutOptions = {
	/** 'bytes' (default): every body chunk restarts the stall timer. 'marked': only progress() does. */
	progress?: 'bytes' | 'marked';
	/** A deadline for the whole request (every attempt), from its first fetch, ms; none when absent or not positive. */
	totalMs?: number;
};

const DISPATCHER_KEY = Symbol.for('undici.globalDispatcher.1');
type Dispatcher = object;
let patient: Dispatcher | null | undefined;

/**
 * An undici Agent with its own 300 s header and body timeouts off, built from the class of the
 * dispatcher Node's fetch already uses (undici is bundled in Node but not importable). It exists
 * once Node made its first request (the start-up ping); before that the defaults stay.
 */
function patientDispatcher(): Dispatcher | undefined {
	if (patient !== undefined) return patient ?? undefined;
	const current = (globalThis as Record<symbol, unknown>)[DISPATCHER_KEY];
	if (!current || typeof current !== 'object') return undefined;
	try {
		const Agent = current.constructor as new (options: Record<string, number>) => Dispatcher;
		patient = new Agent({headersTimeout: 0, bodyTimeout: 0});
	} catch {
		patient = null;
	}
	return patient ?? undefined;
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** What the user reads, naming which wait ran out and the flag that sets it. */
export function timeoutMessage(fired: FiredTimeout, service: string): {message: string; hint: string} {
	if (fired.phase === 'load') {
		return {
			message: `${service} sent nothing for ${seconds(fired.ms)} s after the request (still loading the model or reading the prompt)`,
			hint: 'a cold load of a large model can take minutes: raise --load-timeout, or check `ollama ps` and the server log',
		};
	}
	if (fired.phase === 'total') {
		return {
			message: `the answer from ${service} was not complete after ${seconds(fired.ms)} s, longer than what was asked for can take`,
			hint: 'the server is streaming too slowly or without end; check that it is a real server that is not swapping, then retry, or raise --load-timeout',
		};
	}
	return {
		message: `no data for ${seconds(fired.ms)} s in the middle of the answer from ${service}`,
		hint: 'the server stalled; check that it is still running (and not swapping), then retry, or raise --stall-timeout',
	};
}

export function timeoutError(fired: FiredTimeout, service: string): ProviderError {
	const {message, hint} = timeoutMessage(fired, service);
	return new ProviderError(fired.phase === 'stall' ? 'stall-timeout' : 'load-timeout', message, hint);
}

/** The timeouts of one logical request (its SDK retries included). */
export class RequestTimeouts {
	readonly signal: AbortSignal;
	private readonly controller = new AbortController();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private totalTimer: ReturnType<typeof setTimeout> | undefined;
	private streaming = false;
	private firedTimeout: FiredTimeout | null = null;

	constructor(
		private readonly settings: TimeoutSettings,
		parent?: AbortSignal,
		private readonly options: TimeoutOptions = {},
	) {
		this.signal = parent ? AbortSignal.any([parent, this.controller.signal]) : this.controller.signal;
	}

	get fired(): FiredTimeout | null {
		return this.firedTimeout;
	}

	private fire(phase: FiredTimeout['phase'], ms: number): ReturnType<typeof setTimeout> {
		const timer = setTimeout(() => {
			this.firedTimeout ??= {phase, ms};
			this.controller.abort(new Error(`${phase} timeout`));
		}, ms);
		// The request itself keeps the process alive; a forgotten timer must not.
		timer.unref?.();
		return timer;
	}

	private arm(phase: 'load' | 'stall'): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		this.streaming = phase === 'stall';
		const ms = phase === 'load' ? this.settings.loadMs : this.settings.stallMs;
		if (!(ms > 0) || !Number.isFinite(ms)) return;
		this.timer = this.fire(phase, ms);
	}

	private armTotal(): void {
		const ms = this.options.totalMs;
		if (this.totalTimer !== undefined || ms === undefined || !(ms > 0) || !Number.isFinite(ms)) return;
		this.totalTimer = this.fire('total', ms);
	}

	/** The owner saw content (a token, thinking, pull bytes): the stall timer starts again. For `progress: 'marked'`. */
	progress(): void {
		if (this.streaming && !this.firedTimeout) this.arm('stall');
	}

	clear(): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		if (this.totalTimer !== undefined) clearTimeout(this.totalTimer);
		this.timer = undefined;
		this.totalTimer = undefined;
		this.streaming = false;
	}

	/** `base` with both timeouts applied to every request it makes, tied to this.signal. */
	fetch(base: typeof fetch = fetch): typeof fetch {
		return async (input, init) => {
			const signals = [init?.signal, this.signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
			const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
			const dispatcher = base === fetch ? patientDispatcher() : undefined;
			this.armTotal();
			this.arm('load');
			let response: Response;
			try {
				// `dispatcher` is undici's extension of RequestInit, absent from the DOM typing.
				response = await base(input, {...init, signal, ...(dispatcher ? {dispatcher} : {})} as RequestInit);
			} catch (error) {
				this.clear();
				throw error;
			}
			if (!response.body) {
				this.clear();
				return response;
			}
			this.arm('stall');
			const marked = this.options.progress === 'marked';
			const watched = response.body.pipeThrough(
				new TransformStream<Uint8Array, Uint8Array>({
					transform: (chunk, controller) => {
						if (!marked) this.arm('stall');
						controller.enqueue(chunk);
					},
					flush: () => this.clear(),
				}),
			);
			return new Response(watched, {status: response.status, statusText: response.statusText, headers: response.headers});
		};
	}
}
