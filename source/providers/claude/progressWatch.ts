// What the network layer's stall timer cannot see: the Messages API sends `event: ping` frames
// (and a broken proxy may send empty deltas) that keep bytes flowing while no answer comes, so a
// Claude request is stalled when no *content* (text or thinking) has arrived for the stall
// timeout, whatever else did. And every request has a total deadline derived from what it asked
// for (its max_tokens at a slow but honest rate), so no stream of frames can hold it forever.
import {ProviderError} from '../errors.js';
import type {TimeoutSettings} from '../network/timeouts.js';

/** Slower than any Claude model streams (they run at 50-100 tokens/s): past this the stream is not an answer. */
const FLOOR_TOKENS_PER_SECOND = 10;
/** The most of the load timeout a Claude request gets before its first token (a cold Ollama load needs far more). */
const FIRST_TOKEN_ALLOWANCE_MS = 120_000;

/** The longest one request for `maxTokens` may take, in ms. */
export function deadlineMs(maxTokens: number, timeouts: TimeoutSettings): number {
	const first = timeouts.loadMs > 0 ? Math.min(timeouts.loadMs, FIRST_TOKEN_ALLOWANCE_MS) : FIRST_TOKEN_ALLOWANCE_MS;
	return first + Math.ceil((maxTokens / FLOOR_TOKENS_PER_SECOND) * 1000);
}

function seconds(ms: number): string {
	const value = ms / 1000;
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export class ProgressWatch {
	readonly signal: AbortSignal;
	private readonly controller = new AbortController();
	private stallTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly deadlineTimer: ReturnType<typeof setTimeout>;
	private firedError: ProviderError | null = null;

	constructor(
		private readonly stallMs: number,
		totalMs: number,
	) {
		this.signal = this.controller.signal;
		this.deadlineTimer = setTimeout(() => this.fire(new ProviderError('stall-timeout', `the Claude API had not finished after ${seconds(totalMs)} s, longer than an answer of this size takes`, 'the API or a proxy in between kept the request open without finishing it; retry, and check ANTHROPIC_BASE_URL if it keeps happening')), totalMs);
		this.deadlineTimer.unref?.();
	}

	/** The timeout that ended the request, if one did. */
	get fired(): ProviderError | null {
		return this.firedError;
	}

	private fire(error: ProviderError): void {
		if (this.firedError) return;
		this.firedError = error;
		this.controller.abort(error);
	}

	/** The response started streaming: from now on only content counts as progress. */
	started(): void {
		this.progress();
	}

	/** Text or thinking arrived. */
	progress(): void {
		if (this.stallTimer !== undefined) clearTimeout(this.stallTimer);
		if (!(this.stallMs > 0) || !Number.isFinite(this.stallMs)) return;
		this.stallTimer = setTimeout(
			() =>
				this.fire(
					new ProviderError('stall-timeout', `no answer text for ${seconds(this.stallMs)} s in the middle of the answer from the Claude API (only keep-alive pings arrived)`, 'the API stalled; retry, or raise --stall-timeout'),
				),
			this.stallMs,
		);
		this.stallTimer.unref?.();
	}

	clear(): void {
		if (this.stallTimer !== undefined) clearTimeout(this.stallTimer);
		clearTimeout(this.deadlineTimer);
	}
}
