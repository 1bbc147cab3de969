// What the pull and bench commands share: a StepContext built from the services, and the two
// ways of showing a step's events — an Ink screen fed through an event feed (interactive), or
// plain lines (no TTY, --json): the command's results on stdout, its progress on stderr.
import React, {useSyncExternalStore} from 'react';
import {render} from 'ink';
import type {StepEvent} from '../../experiment/events.js';
import type {StepContext} from '../../experiment/steps/context.js';
import {announcedClaudeQueue} from '../../experiment/claudeQueueNotices.js';
import {stepContext as runnerStepContext} from '../../experiment/runner/stepContext.js';
import {createEventFeed, type EventFeed} from '../../app/state/eventFeed.js';
import {useCancelKeys} from '../../app/components/cancelKeys.js';
import {ResizeRefresh} from '../../app/components/resizeRefresh.js';
import {MAX_FPS} from '../../app/frameRate.js';
import type {CommandInput, CommandIO, Services} from '../types.js';

/**
 * A step on a served backend records the server as a run's preflight does, so that configs written
 * after a standalone bench or compare name the pipeline's openai_compatible provider and its URL.
 */
function recordServedBackend(services: Services): void {
	const served = services.served;
	if (!served) return;
	const host = services.ollama.host;
	const backend = {kind: 'openai' as const, url: `${host}/v1`, server: served.label};
	services.results.update((draft) => {
		const same = draft.environment?.host === host ? draft.environment : undefined;
		draft.environment = {host, ollamaVersion: null, chip: null, bandwidthGBs: services.settings.bandwidthGBs ?? null, totalRamBytes: null, platform: services.system.platform, ...same, backend};
	});
}

export function stepContext(input: CommandInput, services: Services, emit: (event: StepEvent) => void): StepContext {
	recordServedBackend(services);
	// The runner's context, so a standalone step gets what a step of a run gets. Standalone compare waits
	// its turn for Claude like a run does: bounded, and paused on a 429.
	return runnerStepContext({services, settings: services.settings, promptsDir: input.flags.promptsDir, claudeQueue: announcedClaudeQueue(emit), emit}, services.signal);
}

export type ScreenRenderer<S> = (state: S, cancelHint: boolean) => React.JSX.Element;

function FeedScreen<S, E>({feed, screen, onCancel}: {feed: EventFeed<S, E>; screen: ScreenRenderer<S>; onCancel: () => void}): React.JSX.Element {
	const state = useSyncExternalStore(feed.subscribe, feed.getState);
	const listening = useCancelKeys(onCancel);
	return <ResizeRefresh enabled>{screen(state, listening)}</ResizeRefresh>;
}

export type Session = {
	emit: (event: StepEvent) => void;
	/** Called each time the screen is told about new state (the benchmark harness measures UI lag with it). */
	onNotify?: (listener: () => void) => void;
	/** Draws the final state and releases the terminal. */
	finish(): Promise<void>;
};

/** Interactive: an Ink screen; `accept` picks the events this screen's reducer understands. */
export function screenSession<S, E extends StepEvent>(
	io: CommandIO,
	options: {
		reducer: (state: S, event: E) => S;
		initial: S;
		accept: (event: StepEvent) => event is E;
		screen: ScreenRenderer<S>;
		onCancel: () => void;
		/** Called after each frame Ink draws (the benchmark harness measures UI lag with it). */
		onRender?: () => void;
	},
): Session {
	const feed = createEventFeed(options.reducer, options.initial);
	const instance = render(<FeedScreen feed={feed} screen={options.screen} onCancel={options.onCancel} />, {
		stdout: io.stdout as NodeJS.WriteStream, // Ink wants a WriteStream; a TTY Writable is one at runtime.
		stdin: io.stdin as NodeJS.ReadStream, // Same for stdin: only used when it is a TTY.
		exitOnCtrlC: false,
		maxFps: MAX_FPS,
		...(options.onRender ? {onRender: options.onRender} : {}),
		patchConsole: false,
	});
	return {
		emit(event) {
			if (options.accept(event)) feed.dispatch(event);
		},
		onNotify(listener) {
			feed.subscribe(listener);
		},
		async finish() {
			feed.flush();
			// Let React commit the flushed state before Ink writes its last frame.
			await new Promise((resolve) => setTimeout(resolve, 20));
			feed.close();
			instance.unmount();
			await instance.waitUntilExit().catch(() => undefined);
		},
	};
}

/** Where a line goes: what the command found on stdout, how it is getting there on stderr. */
export type LineRouting<E> = {
	/** The events whose lines are the command's result (a summary, a score, a verdict). */
	result: (event: E) => boolean;
	/** --json: stdout carries the one JSON document, so result lines go to stderr with the rest. */
	json: boolean;
};

/** Non-interactive: one formatted line per event that has something to say. */
export function lineSession<E extends StepEvent>(
	io: CommandIO,
	accept: (event: StepEvent) => event is E,
	format: (event: E) => string | null,
	routing: LineRouting<E> = {result: () => false, json: true},
): Session {
	return {
		emit(event) {
			if (!accept(event)) return;
			const line = format(event);
			if (line === null) return;
			const out = routing.result(event) && !routing.json ? io.stdout : io.stderr;
			out.write(`${line}\n`);
		},
		finish: async () => undefined,
	};
}

/**
 * The session with the services' warnings on it: those collected before the step (a settings
 * file set aside…), then each one as it happens (Ollama busy, retrying) until finish(). They go
 * through the session, so on a TTY they land in the Ink frame rather than being printed over it.
 */
export function withWarnings(session: Session, services: Services): Session {
	for (const warning of services.warnings) session.emit({type: 'warning', message: warning});
	const stop = services.onWarning((message) => session.emit({type: 'warning', message}));
	return {
		...session,
		async finish() {
			stop();
			await session.finish();
		},
	};
}
