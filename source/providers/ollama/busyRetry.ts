// Ollama answers 503 "server busy" when its queue is full (OLLAMA_MAX_QUEUE). That is transient,
// so requests that have not started streaming are retried with exponential backoff before the
// error reaches the user. Only the request is retried; a stream that already yielded never is.
import {ProviderError} from '../errors.js';

export type BusyRetryOptions = {
	/** Retries after the first attempt. */
	retries: number;
	/** Delay before the first retry; doubles each time. Tests pass 1. */
	baseMs: number;
	signal?: AbortSignal;
	/** Told before each wait, so the UI can say why nothing is happening. */
	onRetry?: (delayMs: number) => void;
};

function isBusy(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {status_code?: unknown}).status_code === 503;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(new ProviderError('canceled', 'Canceled', ''));
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(new ProviderError('canceled', 'Canceled', ''));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

export async function withBusyRetry<T>(attempt: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
	for (let retry = 0; ; retry++) {
		try {
			return await attempt();
		} catch (error) {
			if (!isBusy(error) || retry >= options.retries) throw error;
			const delayMs = options.baseMs * 2 ** retry;
			options.onRetry?.(delayMs);
			await sleep(delayMs, options.signal);
		}
	}
}
