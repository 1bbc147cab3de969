// How long each Ollama request may take, and what counts as progress inside it. A stream that keeps
// sending without content (empty chunks, a byte a second, a pull repeating the same progress line
// every 60 ms while Ollama retries a stuck part forever: server/download.go) would restart a
// silence timer for ever; so only content restarts the stall timer (tokens, thinking, tool calls,
// pull bytes) and every request has a total deadline derived from what it asked for
// (docs/reference/ollama-wire.md §1; docs/DESIGN.md "load and stall timeouts are explicit").
import {ProviderError} from '../errors.js';
import {timeoutError, type FiredTimeout, type TimeoutOptions, type TimeoutSettings} from '../network/timeouts.js';
import type {PullLine} from './pullProgress.js';

/**
 * The slowest decode a request is given time for: 0.5 t/s, far below any usable local rate (the
 * pipeline needs 8 t/s; a 70B model partly on the CPU still does 1-2 t/s).
 */
export const SLOWEST_TOKEN_MS = 2000;
/** Tokens a request without num_predict may stream, for its deadline: up to the context it runs at. */
const DEFAULT_CONTEXT_TOKENS = 32_768;
/**
 * A request that loads nothing (version, tags, ps, show, delete, the liveness probe) is answered
 * at once by a real server, even while it loads a model: it gets this long, or the load timeout if
 * shorter, for its headers and body together.
 */
export const QUICK_ANSWER_MS = 30_000;

export type Deadline = {kind: 'quick'} | {kind: 'generation'; numPredict?: number | undefined; numCtx?: number | undefined; loadOnly?: boolean} | {kind: 'pull'};

function enabled(ms: number): boolean {
	return ms > 0 && Number.isFinite(ms);
}

export function quickAnswerMs(settings: TimeoutSettings): number {
	return enabled(settings.loadMs) ? Math.min(settings.loadMs, QUICK_ANSWER_MS) : QUICK_ANSWER_MS;
}

/**
 * The whole-request deadline, ms, or undefined for none. A generation may take the load timeout
 * (load and prompt), then its tokens at SLOWEST_TOKEN_MS each, plus one stall's grace; a pull none
 * (a 47 GB download takes hours): its `completed` must keep moving instead.
 */
export function totalDeadlineMs(deadline: Deadline, settings: TimeoutSettings): number | undefined {
	switch (deadline.kind) {
		case 'quick':
			return quickAnswerMs(settings);
		case 'pull':
			return undefined;
		case 'generation': {
			// Timeouts turned off (0) are off for the whole request too.
			if (!enabled(settings.loadMs) || !enabled(settings.stallMs)) return undefined;
			const asked = deadline.numPredict !== undefined && deadline.numPredict > 0 ? deadline.numPredict : (deadline.numCtx ?? DEFAULT_CONTEXT_TOKENS);
			const tokens = deadline.loadOnly ? 0 : asked;
			return settings.loadMs + settings.stallMs + tokens * SLOWEST_TOKEN_MS;
		}
	}
}

/** Timeout options of one request: progress is marked by the adapter, and the total deadline applies. */
export function timeoutOptions(deadline: Deadline, settings: TimeoutSettings): TimeoutOptions {
	const totalMs = totalDeadlineMs(deadline, settings);
	return {progress: 'marked', ...(totalMs === undefined ? {} : {totalMs})};
}

/**
 * Tells pull lines that move from repeats: a new status, or more bytes of a layer. Ollama sends the
 * same line every 60 ms while a part is stuck and retries it for ever (server/download.go), so a
 * repeated line is no progress.
 */
export class PullMovement {
	private lastStatus = '';
	private readonly completed = new Map<string, number>();

	moved(line: PullLine): boolean {
		let moved = line.status !== this.lastStatus;
		this.lastStatus = line.status;
		if (line.digest) {
			const completed = typeof line.completed === 'number' ? line.completed : 0;
			const before = this.completed.get(line.digest);
			if (before === undefined || completed > before) moved = true;
			this.completed.set(line.digest, Math.max(completed, before ?? 0));
		}
		return moved;
	}
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A fired timeout as the user reads it, worded for what the request was doing. */
export function ollamaTimeoutError(fired: FiredTimeout, host: string, request: {operation: string; model?: string | undefined; deadline: Deadline}): ProviderError {
	const {operation, model, deadline} = request;
	if (deadline.kind === 'pull' && fired.phase === 'stall' && model) {
		return new ProviderError(
			'stall-timeout',
			`The download of ${model} stopped moving: no new bytes for ${seconds(fired.ms)} s (Ollama keeps retrying a stuck part without end)`,
			`run \`trifecta pull ${model}\` to resume it from the bytes already received (they are lost if Ollama restarts meanwhile); raise --stall-timeout on a slow link`,
		);
	}
	if (deadline.kind === 'quick') {
		const what = operation === 'ping' ? 'its liveness probe (GET /)' : `/api/${operation === 'list' ? 'tags' : operation}`;
		return new ProviderError(
			'load-timeout',
			`Ollama at ${host} accepted the connection but did not answer ${what} within ${seconds(fired.ms)} s`,
			'the server is up but stuck, or it is not Ollama: check the host and port, restart Ollama (`ollama serve`), then retry',
		);
	}
	if (fired.phase === 'stall') {
		return new ProviderError(
			'stall-timeout',
			`no new tokens for ${seconds(fired.ms)} s in the middle of the answer from Ollama at ${host}`,
			'the server stalled (or sends nothing but empty chunks); check that it is still running (and not swapping), then retry, or raise --stall-timeout',
		);
	}
	return timeoutError(fired, `Ollama at ${host}`);
}
