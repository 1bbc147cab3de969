// Holds a view state outside React and folds events into it synchronously, so the step that
// emits them never waits on rendering. Subscribers (a screen, via useSyncExternalStore) are told
// at most once per interval: a stream of thousands of deltas costs a handful of renders.
import {FEED_INTERVAL_MS} from '../frameRate.js';
import {sanitizeDeep} from '../../system/sanitize.js';

export type EventFeed<S, E> = {
	dispatch(event: E): void;
	getState(): S;
	subscribe(listener: () => void): () => void;
	/** Tell subscribers now (at the end of a run, so the last state is drawn). */
	flush(): void;
	/** Stop the pending notification timer. */
	close(): void;
};

export function createEventFeed<S, E>(reducer: (state: S, event: E) => S, initial: S, intervalMs = FEED_INTERVAL_MS): EventFeed<S, E> {
	let state = initial;
	const listeners = new Set<() => void>();
	let timer: NodeJS.Timeout | null = null;
	let lastNotify = -Infinity;

	const notify = (): void => {
		if (timer) clearTimeout(timer);
		timer = null;
		lastNotify = performance.now();
		for (const listener of listeners) listener();
	};

	return {
		dispatch(event) {
			// Ink forwards every OSC and C0 control it is given: text from servers is cleaned here, the one door into any screen.
			state = reducer(state, sanitizeDeep(event));
			// Leading edge: after a quiet spell the first event is drawn at once; during a stream,
			// one notification per interval.
			timer ??= setTimeout(notify, Math.max(0, lastNotify + intervalMs - performance.now()));
		},
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		flush: notify,
		close() {
			if (timer) clearTimeout(timer);
			timer = null;
		},
	};
}
