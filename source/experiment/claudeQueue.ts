// Every Claude request of a session (the baseline's roles and markets, the judge's pairs) goes
// through one queue: first in, first out, no priorities, at most `concurrency` in flight. Claude
// uses the network, not the GPU, so these run beside pulls and local generation; the bound keeps
// a burst of judge pairs from tripping the API's rate limit. A 429 or 529 that survives the SDK's
// own retries pauses the whole queue (every request would hit the same limit) and the request is
// tried again at its place, a bounded number of times.
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
	/** Tries of one request after a rate-limit or overload (the SDK has already retried each). */
	maxAttempts?: number;
	/** Told of each pause, so the screen can say why Claude went quiet. */
	onBackoff?: (ms: number, reason: string) => void;
	now?: () => number;
};

type Entry = {label: string; run: (signal: AbortSignal) => Promise<void>; signal: AbortSignal; attempts: number};

function isThrottle(error: unknown): boolean {
	return isProviderError(error) && (error.kind === 'claude-rate-limit' || error.kind === 'claude-overloaded');
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
						if (isThrottle(error) && !signal.aborted && entry.attempts < (this.options.maxAttempts ?? 3)) {
							this.throttled(entry, error);
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

	/** Pauses every start and puts the request back at the head: it keeps its place in line. */
	private throttled(entry: Entry, error: unknown): void {
		this.consecutiveThrottles += 1;
		const base = this.options.backoffMs ?? 2000;
		const ms = Math.min(this.options.maxBackoffMs ?? 30_000, base * 2 ** (this.consecutiveThrottles - 1));
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
		const reason = error instanceof Error ? error.message : String(error);
		this.options.onBackoff?.(ms, reason);
		this.waiting.unshift(entry);
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
