// The one place an ollama-js stream is opened and consumed. It guarantees what the adapter
// promises: a busy server is retried before streaming starts; leaving early (break, return,
// throw in the consumer) or aborting the signal aborts the HTTP request — `break` alone would
// let the server keep generating (docs/reference/libs.md §4); and every failure surfaces as a ProviderError.
import type {AbortableAsyncIterator} from 'ollama';
import {withBusyRetry, type BusyRetryOptions} from './busyRetry.js';
import {mapOllamaError, type OllamaErrorContext} from './mapOllamaError.js';

export type StreamedPart<T> = {part: T; at: number; startedAt: number};

/**
 * A stream that arrives faster than it is processed (a local server flooding progress lines) is
 * consumed in one long run of microtasks, and no timer fires meanwhile: the screen would freeze
 * until the flood ends. Giving the timers phase a turn this often keeps it live at a cost of
 * about one millisecond per slice.
 */
const SLICE_MS = 15;
const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function* guardedStream<T extends object>(
	open: () => Promise<AbortableAsyncIterator<T>>,
	isLast: (part: T) => boolean,
	errorContext: OllamaErrorContext,
	retry: BusyRetryOptions,
): AsyncGenerator<StreamedPart<T>, void, undefined> {
	const context: OllamaErrorContext = {...errorContext, streaming: false};
	let iterator: AbortableAsyncIterator<T> | undefined;
	let finished = false;
	let startedAt = performance.now();
	try {
		iterator = await withBusyRetry(() => {
			// TTFT is measured from the attempt that got through, not from before the backoff.
			startedAt = performance.now();
			return open();
		}, retry);
		context.streaming = true;
		let sliceStart = performance.now();
		for await (const part of iterator) {
			if (isLast(part)) finished = true;
			const at = performance.now();
			yield {part, at, startedAt};
			if (finished) return;
			if (at - sliceStart > SLICE_MS) {
				await nextMacrotask();
				sliceStart = performance.now();
			}
		}
	} catch (error) {
		throw mapOllamaError(error, context);
	} finally {
		if (!finished) iterator?.abort();
	}
}
