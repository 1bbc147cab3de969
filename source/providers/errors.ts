// One error taxonomy for everything the services can do wrong (docs/reference/ollama-wire.md §2,
// docs/reference/libs.md §4-5). Each kind carries a message a user can act on; adapters map into it.
import {sanitizeInline} from '../system/sanitize.js';

export type ProviderErrorKind =
	| 'unreachable'
	| 'model-not-found'
	| 'tools-unsupported'
	| 'out-of-memory'
	| 'server-busy'
	| 'in-band'
	| 'stream-incomplete'
	| 'canceled'
	| 'bad-request'
	| 'runner-crashed'
	| 'claude-auth'
	| 'claude-rate-limit'
	| 'claude-overloaded'
	| 'claude-connection'
	| 'claude-stream-error'
	| 'claude-no-key'
	/** Claude declined to answer (stop_reason "refusal"): asking again the same way gets the same. */
	| 'claude-refusal'
	/** The prompt and answer did not fit the model's context window (stop_reason "model_context_window_exceeded"). */
	| 'claude-context-exceeded'
	/** The answer is not what was asked for (a judge verdict that is not the schema's JSON). */
	| 'claude-invalid-output'
	/** Nothing arrived before --load-timeout (model load and prompt reading). */
	| 'load-timeout'
	/** The stream went silent for longer than --stall-timeout. */
	| 'stall-timeout'
	| 'disk-full'
	/** The server could not parse what the model wrote (e.g. its tool call): the model's failure, not the server's. */
	| 'model-output'
	| 'unknown';

/** The longest message kept from a server: a sentence or two; the rest is noise or an attack. */
export const MAX_MESSAGE_CHARS = 400;

/** Upstream text as it may be stored and shown: one line, no controls, no secrets, at most MAX_MESSAGE_CHARS. */
export function upstreamText(text: string): string {
	const clean = sanitizeInline(text);
	return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS - 1)}…` : clean;
}

export class ProviderError extends Error {
	override readonly name = 'ProviderError';
	readonly kind: ProviderErrorKind;
	/** What the user can do about it, in one sentence. */
	readonly hint: string;
	readonly status: number | undefined;
	/** How long the server asked the client to wait before trying again (retry-after), ms. */
	readonly retryAfterMs: number | undefined;

	constructor(kind: ProviderErrorKind, message: string, hint: string, options?: {status?: number; cause?: unknown; retryAfterMs?: number}) {
		// Messages quote servers (error bodies, names): sanitised and cut before anyone stores or shows them.
		super(upstreamText(message), options?.cause === undefined ? undefined : {cause: options.cause});
		this.kind = kind;
		this.hint = hint;
		this.status = options?.status;
		this.retryAfterMs = options?.retryAfterMs;
	}

	/** The line shown to users: what happened — what to do. */
	get userMessage(): string {
		return this.hint ? `${this.message} — ${this.hint}` : this.message;
	}
}

export function isProviderError(error: unknown): error is ProviderError {
	return error instanceof ProviderError;
}

export function isCanceled(error: unknown): boolean {
	return error instanceof ProviderError && error.kind === 'canceled';
}
