// Every Claude request of a session (the baseline's roles and markets, the judge's pairs) goes
// through one queue: first in, first out, no priorities, at most `concurrency` in flight. Claude
// uses the network, not the GPU, so these run beside pulls and local generation; the bound keeps
// a burst of judge pairs from tripping the API's rate limit. A 429 (the adapter leaves it to us,
// with the API's retry-after) or a 529 that survives the SDK's own retries pauses the whole queue
// (every request would hit the same limit) for as long as the API asked, said on screen with a
// countdown, and the request is tried again at its place. A wait longer than `maxWaitMs` is not
// sat out silently: the request fails at once with a message saying how long the API asked for.
import {isCanceled, isProviderError, ProviderError} from '../providers/errors.js';

export const DEFAULT_CLAUDE_CONCURRENCY = 3;

export type ClaudeTask<T> = (signal: AbortSignal) => Promise<T>;

/** When one request was in flight, in performance.now() milliseconds (for time accounting). */
export type BusySpan = {label: string; start: number; end: number};

export type ClaudeQueueOptions = {
	concurrency?: number;
	/** First pause after a 429/529; doubles per consecutive one. */
	backoffMs?: number;
	maxBackoffMs?: number;
	/** Tries of one request while rate-limited or overloaded: a role is not lost to a few 429s. */
	maxAttempts?: number;
	/** The longest pause the queue takes for one retry-after (default 5 minutes). */
	maxWaitMs?: number;
	/** Told of each pause, so the screen can say why Claude went quiet and for how long. */
	onBackoff?: (ms: number, reason: string) => void;
	/** Every `tickMs` of a pause (default 10 s): the time left, for a countdown. */
	onCountdown?: (remainingMs: number) => void;
	tickMs?: number;
	now?: () => number;
};

export const DEFAULT_THROTTLED_ATTEMPTS = 8;
export const DEFAULT_MAX_WAIT_MS = 5 * 60 * 1000;

function duration(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** A retry-after past the cap: the request fails now, saying what the API asked for. */
export function waitTooLong(askedMs: number, capMs: number, cause: unknown): ProviderError {
	return new ProviderError(
		'claude-rate-limit',
		`The Claude API rate limit asks to wait ${duration(askedMs)} before the next request (retry-after), longer than the ${duration(capMs)} trifecta waits`,
		'run the same command again once the limit has reset (finished answers are kept), or raise your rate limit with Anthropic',
		{status: 429, cause, retryAfterMs: askedMs},
	);
}

type Entry = {label: string; run: (signal: AbortSignal) => Promise<void>; signal: AbortSignal; attempts: number};

/** The provider error inside `error`: callers wrap it (a cell's failure keeps its partial text). */
function providerErrorIn(error: unknown): ProviderError | null {
	if (isProviderError(error)) return error;
	const cause = error instanceof Error ? error.cause : undefined;
	return isProviderError(cause) ? cause : null;
}

function isThrottle(error: unknown): boolean {
	const reason = providerErrorIn(error);
	return reason !== null && (reason.kind === 'claude-rate-limit' || reason.kind === 'claude-overloaded');
}

function canceled(): ProviderError {
	return new ProviderError('canceled', 'Canceled', 'Results measured so far are kept.');
}

export class ClaudeQueue {
	readonly concurrency: number;
	private readonly waiting: Entry[] = [];
	private active = 0;
	private pausedUntil = 0;
	private consecutiveThrottles = 0;
	private wakeTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly spans: BusySpan[] = [];
	private readonly options: ClaudeQueueOptions;

	constructor(options: ClaudeQueueOptions = {}) {
		this.options = options;
		this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CLAUDE_CONCURRENCY));
	}

	/** Requests in flight and waiting (for the screens). */
	load(): {active: number; waiting: number} {
		return {active: this.active, waiting: this.waiting.length};
	}

	/** Every request's time in flight so far, in the order they finished. */
	busy(): BusySpan[] {
		return [...this.spans];
	}

	/** Queues a request; resolves or rejects with its outcome. A canceled signal drops it from the queue. */
	run<T>(label: string, task: ClaudeTask<T>, signal: AbortSignal): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			if (signal.aborted) {
				reject(canceled());
				return;
			}
			const entry: Entry = {
				label,
				signal,
				attempts: 0,
				run: async (taskSignal) => {
					const started = this.now();
					try {
						const value = await task(taskSignal);
						this.consecutiveThrottles = 0;
						resolve(value);
					} catch (error) {
						if (isThrottle(error) && !signal.aborted && entry.attempts < (this.options.maxAttempts ?? DEFAULT_THROTTLED_ATTEMPTS)) {
							const tooLong = this.throttled(entry, error);
							if (tooLong) reject(tooLong);
							return;
						}
						reject(signal.aborted && !isCanceled(error) ? canceled() : error);
					} finally {
						this.spans.push({label, start: started, end: this.now()});
					}
				},
			};
			signal.addEventListener(
				'abort',
				() => {
					const index = this.waiting.indexOf(entry);
					if (index >= 0) {
						this.waiting.splice(index, 1);
						reject(canceled());
					}
				},
				{once: true},
			);
			this.waiting.push(entry);
			this.pump();
		});
	}

	private now(): number {
		return (this.options.now ?? (() => performance.now()))();
	}

	/**
	 * Pauses every start for what the API asked (retry-after), else a doubling backoff, and puts
	 * the request back at the head: it keeps its place in line. Returns the error to fail it with
	 * when the API asks for more than the queue waits.
	 */
	private throttled(entry: Entry, error: unknown): ProviderError | null {
		this.consecutiveThrottles += 1;
		const cause = providerErrorIn(error);
		const asked = cause?.retryAfterMs;
		const cap = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
		if (asked !== undefined && asked > cap) return waitTooLong(asked, cap, cause);
		const base = this.options.backoffMs ?? 2000;
		const ms = asked ?? Math.min(this.options.maxBackoffMs ?? 30_000, base * 2 ** (this.consecutiveThrottles - 1));
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
		const reason = cause?.message ?? (error instanceof Error ? error.message : String(error));
		this.options.onBackoff?.(ms, reason);
		this.countdown();
		this.waiting.unshift(entry);
		return null;
	}

	private countdownTimer: ReturnType<typeof setInterval> | null = null;

	/** Ticks the time left while paused, then stops. */
	private countdown(): void {
		const onCountdown = this.options.onCountdown;
		if (!onCountdown || this.countdownTimer !== null) return;
		const tickMs = this.options.tickMs ?? 10_000;
		this.countdownTimer = setInterval(() => {
			const left = this.pausedUntil - this.now();
			if (left <= tickMs / 2) {
				if (this.countdownTimer !== null) clearInterval(this.countdownTimer);
				this.countdownTimer = null;
				return;
			}
			onCountdown(left);
		}, tickMs);
		this.countdownTimer.unref?.();
	}

	private pump(): void {
		const wait = this.pausedUntil - this.now();
		if (wait > 0) {
			if (this.wakeTimer === null && this.waiting.length > 0) {
				this.wakeTimer = setTimeout(() => {
					this.wakeTimer = null;
					this.pump();
				}, wait);
			}
			return;
		}
		while (this.active < this.concurrency && this.waiting.length > 0) {
			const entry = this.waiting.shift();
			if (!entry) break;
			entry.attempts += 1;
			this.active += 1;
			void entry.run(entry.signal).finally(() => {
				this.active -= 1;
				this.pump();
			});
		}
	}
}
