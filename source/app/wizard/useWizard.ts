// Connects the App to the runner: where the strategy stands, which step runs (with its live
// view), what waits for the user, and the summary lines printed once above the live area.
// The runner performs everything; this hook only listens and forwards the user's decisions.
import {FEED_INTERVAL_MS} from '../frameRate.js';
import {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import type {Runner, WaitingAction} from '../../experiment/runner/index.js';
import type {StepAction, StrategyEvent, StrategyState} from '../../experiment/strategy/index.js';
import type {Settings} from '../../experiment/settings.js';
import {createRunLines} from '../lines/runLines.js';
import {createStepSummaryLines} from '../lines/stepSummaryLines.js';
import {createEventFeed} from '../state/eventFeed.js';
import {sanitizeDeep} from '../../system/sanitize.js';
import {initialBesideView, reduceBeside, type BesideView} from './besideView.js';
import {initialStepViews, reduceStepViews, type StepViews} from './stepViews.js';

export type Wizard = {
	strategy: StrategyState;
	/** What waits for the user; null while the runner works. */
	waiting: WaitingAction | null;
	running: StepAction | null;
	views: StepViews;
	/** The download and the Claude baseline running beside the local step (not reset per step). */
	beside: BesideView;
	/** Summary lines (decisions, steps started with their figures, files written), printed once through <Static>. */
	log: string[];
	/** Send a decision and let the runner go on. */
	decide(event: StrategyEvent): void;
	updateSettings(settings: Settings): void;
	cancelStep(): void;
	/** Adds lines to the summary log (into the scrollback, printed once). */
	print(lines: string[]): void;
};

export function useWizard(runner: Runner, feedIntervalMs = FEED_INTERVAL_MS): Wizard {
	const feed = useMemo(() => createEventFeed(reduceStepViews, initialStepViews, feedIntervalMs), [feedIntervalMs]);
	const views = useSyncExternalStore(feed.subscribe, feed.getState);
	const besideFeed = useMemo(() => createEventFeed(reduceBeside, initialBesideView, feedIntervalMs), [feedIntervalMs]);
	const beside = useSyncExternalStore(besideFeed.subscribe, besideFeed.getState);
	const [strategy, setStrategy] = useState(runner.state());
	const [waiting, setWaiting] = useState<WaitingAction | null>(null);
	const [running, setRunning] = useState<StepAction | null>(null);
	const [log, setLog] = useState<string[]>([]);

	const advance = useCallback(() => {
		setWaiting(null);
		void runner.advance().then((action) => {
			feed.flush();
			setRunning(null);
			setWaiting(action);
		});
	}, [runner, feed]);

	useEffect(() => {
		const lines = createRunLines();
		const summaries = createStepSummaryLines();
		const unsubscribe = runner.subscribe((raw) => {
			// Names, notes and errors in these events came from servers: cleaned before any line or screen shows them.
			const event = sanitizeDeep(raw);
			switch (event.type) {
				case 'strategy:update':
					setStrategy(event.state);
					return;
				case 'strategy:step-start':
					// A pull shown again while the local lane waits for it keeps its progress.
					if (!(event.action.step === 'pull' && Object.keys(event.action.keys).length === 0)) feed.dispatch({type: 'reset'});
					feed.flush();
					setRunning(event.action);
					break;
				case 'strategy:decision':
				case 'strategy:deleted':
				case 'strategy:written':
					break;
				default: {
					feed.dispatch(event);
					besideFeed.dispatch(event);
					// The live screen goes with the step; its figures stay in the summary log.
					const summary = summaries(event);
					if (summary !== null) setLog((previous) => [...previous, summary]);
					return;
				}
			}
			const line = lines(event);
			if (line !== null) setLog((previous) => [...previous, line]);
		});
		advance();
		return () => {
			unsubscribe();
			feed.close();
			besideFeed.close();
		};
	}, [runner, feed, besideFeed, advance]);

	return {
		strategy,
		waiting,
		running,
		views,
		beside,
		log,
		decide(event) {
			runner.dispatch(event);
			advance();
		},
		updateSettings(settings) {
			runner.updateSettings(settings);
		},
		cancelStep() {
			runner.cancelStep();
		},
		print(lines) {
			setLog((previous) => [...previous, ...lines]);
		},
	};
}
