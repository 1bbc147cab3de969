// Performs what the strategy asks for, one action at a time, and persists after each: the steps
// write their own measurements; the runner writes rounds, the recommendation, the settings the
// decisions were made with, and progress in the conf store. It stops at every question.
import {setMaxListeners} from 'node:events';
import {acquireResultsLock} from '../../output/lock.js';
import {setSimulated, upsertModel} from '../../output/resultsStore.js';
import {isCanceled} from '../../providers/errors.js';
import type {StepEvent} from '../events.js';
import type {Settings} from '../settings.js';
import {isOutOfRoom} from '../../system/fsErrorMessage.js';
import {userMessage} from '../../system/userMessage.js';
import {announcedClaudeQueue} from '../claudeQueueNotices.js';
import {BaselineBoard} from '../steps/compare/baselineBoard.js';
import {initialState, nextAction, reduce} from '../strategy/index.js';
import type {Action, StepAction, StrategyEvent, StrategyState} from '../strategy/index.js';
import {environmentRecord, machineFacts, settingsRecord} from './preflight.js';
import {configsFor, performOutput} from './outputActions.js';
import {performRound} from './round.js';
import {meteredStepContext, type StepContextSource} from './stepContext.js';
import {roundPlan, roundWork} from './roundPlan.js';
import {TimingRecorder} from './timingRecorder.js';
import {realClock} from '../clock.js';
import type {Outputs, RunnerDeps, RunnerEvent, RunnerListener, StepFunctions, WaitingAction} from './types.js';

export interface Runner {
	state(): StrategyState;
	subscribe(listener: RunnerListener): () => void;
	/** Performs actions until one needs the user (or the end); resolves to that action. */
	advance(): Promise<WaitingAction>;
	/** A user decision or a retry; call advance() afterwards. */
	dispatch(event: StrategyEvent): void;
	updateSettings(settings: Settings): void;
	/** Aborts the step in progress; what it finished is kept. */
	cancelStep(): void;
	/** Resolves when no action is in progress (after a cancel, before closing). */
	settled(): Promise<void>;
	close(): Promise<void>;
	/** A warning from outside the steps (a provider retrying), shown like the steps' own. */
	warn(message: string): void;
}

const WAITING = new Set(['plan', 'ask-escalation', 'ask-delete', 'ask-configs', 'ask-commit', 'done', 'canceled', 'failed']);

type Waiting = Extract<Action, {kind: WaitingAction['kind']}>;

function isWaiting(action: Action): action is Waiting {
	return WAITING.has(action.kind);
}

function stepLabel(action: StepAction): string {
	return `${action.step} ${action.models.join(', ')}${action.baseline && action.models.length === 0 ? 'Claude baseline' : ''}`.trim();
}

export async function createRunner(deps: RunnerDeps, steps: StepFunctions, outputs: Outputs): Promise<Runner> {
	const {services} = deps;
	const now = deps.now ?? (() => new Date());
	const release = await (deps.lock ?? acquireResultsLock)(services.results.dir);
	const listeners = new Set<RunnerListener>();
	let settings = services.settings;
	let state = initialState(services.results.read(), settings);
	let stepController: AbortController | null = null;
	let busy: Promise<WaitingAction> | null = null;
	const clock = services.clock ?? realClock();
	const claudeQueue = announcedClaudeQueue((event) => send(event), {now: () => clock.now(), ...(deps.claudeConcurrency === undefined ? {} : {concurrency: deps.claudeConcurrency})});
	const timing = new TimingRecorder(now, () => clock.now());

	const send = (event: RunnerEvent) => {
		for (const listener of listeners) listener(event);
	};
	const update = () => send({type: 'strategy:update', state, action: nextAction(state)});

	/** Writes this session's decisions when they differ from the file's. */
	const persistDecisions = () => {
		const current = services.results.read();
		const same =
			JSON.stringify(current.rounds) === JSON.stringify(state.results.rounds) &&
			JSON.stringify(current.recommendation) === JSON.stringify(state.results.recommendation);
		if (same) return;
		services.results.update((draft) => {
			draft.rounds = structuredClone(state.results.rounds);
			draft.recommendation = structuredClone(state.results.recommendation);
		});
	};

	const apply = (event: StrategyEvent) => {
		const before = state.results.rounds.length;
		state = reduce(state, event);
		for (const record of state.results.rounds.slice(before)) send({type: 'strategy:decision', record});
		persistDecisions();
		deps.settingsStore?.writeProgress({resultsPath: services.results.path, done: state.done, updatedAt: now().toISOString()});
		update();
	};

	// Read at each step: a settings change between steps reaches the next one.
	const contextSource = (): StepContextSource => ({services, settings, promptsDir: deps.promptsDir, claudeQueue, emit: (event: StepEvent) => send(event)});

	const persistTiming = () => {
		if (!timing.hasSteps()) return;
		services.results.update((draft) => timing.fold(draft, claudeQueue.busy()));
	};

	const preflight = async () => {
		const [installed, version] = await Promise.all([
			services.ollama.list({signal: services.signal}),
			services.ollama.version({signal: services.signal}).catch(() => null),
		]);
		services.results.update((draft) => {
			setSimulated(draft, services.simulated);
			draft.environment = environmentRecord(services, version, settings);
			draft.settings = settingsRecord(settings);
		});
		apply({type: 'preflight:done', machine: machineFacts(services, installed, settings)});
	};

	const performStep = async (action: StepAction) => {
		send({type: 'strategy:step-start', action});
		const controller = new AbortController();
		stepController = controller;
		const signal = AbortSignal.any([controller.signal, services.signal]);
		// Every answer waiting for Claude's (one per role x market), the queue and each request listen
		// on it: more than Node's default 10, whose warning would print over the screen.
		setMaxListeners(0, signal);
		const work = roundWork(roundPlan(state, action));
		let outcome: Awaited<ReturnType<typeof performRound>>;
		try {
			outcome = await performRound(
				{
					state: () => state,
					steps,
					context: (signal, meter, round) => meteredStepContext(contextSource(), signal, meter, round),
					markDone: (keys, pulled) => {
						const results = services.results.read();
						const sizeBytes = results.models.find((model) => model.name === pulled)?.sizeBytes ?? 0;
						apply({type: 'step:done', keys, results, ...(pulled === undefined ? {} : {pulled: [{name: pulled, sizeBytes}]})});
					},
					started: (started) => send({type: 'strategy:step-start', action: started}),
					noteDownload: (model, step, downloading) =>
						services.results.update((draft) => {
							const entry = upsertModel(draft, model);
							entry.duringDownload = {...entry.duringDownload, [step]: downloading};
						}),
					newBoard: () => new BaselineBoard(),
					timing,
					overlap: deps.overlap ?? true,
					clock,
				},
				work,
				signal,
			);
		} finally {
			stepController = null;
			persistTiming();
		}
		const results = services.results.read();
		if (outcome !== null) {
			const {error, key} = outcome;
			if (isCanceled(error) || signal.aborted) apply({type: 'step:canceled', key, results});
			else apply({type: 'step:failed', key, message: userMessage(error), results});
			return;
		}
		const next = nextAction(state);
		// A round that finished without a failure has marked every step done; the same step again would loop.
		if (next.kind === 'step' && next.step === action.step && JSON.stringify(next.keys) === JSON.stringify(action.keys)) {
			apply({type: 'step:failed', key: stepLabel(action), message: `The ${action.step} step did not record its result; run again to retry it.`, results});
		}
	};

	const perform = async (action: Exclude<Action, Waiting>) => {
		const at = now().toISOString();
		switch (action.kind) {
			case 'preflight':
				return preflight();
			case 'step':
				return performStep(action);
			case 'record':
				return apply({type: 'decision:recorded', record: {...action.record, at}});
			case 'delete':
				await services.ollama.delete(action.model, {signal: services.signal});
				send({type: 'strategy:deleted', model: action.model});
				return apply({type: 'delete:done', model: action.model});
			case 'recommend':
				return apply({
					type: 'recommendation:recorded',
					recommendation: action.recommendation,
					configs: configsFor(state.results, action.recommendation.model),
					at,
				});
			case 'configs':
			case 'commitConfigs':
			case 'report':
				return apply(await performOutput(action, {outputs, results: services.results, send}));
		}
	};

	/** A question about files comes with what it would write, planned (read, never written) here. */
	const ask = async (action: Waiting): Promise<WaitingAction> => {
		if (action.kind !== 'ask-configs') return action;
		return {...action, offer: await outputs.offer(services.results.read(), services.results.dir)};
	};

	/**
	 * A failure outside the steps (listing models, deleting, writing outputs or the record): reported,
	 * nothing lost. It is saved like any decision, unless nothing more can be written (a full disk) or
	 * saving it fails too, or it came while stopping at a question: then it is kept in memory and the
	 * loop stops on it. Another pass would meet the same failure again, forever.
	 */
	const recordFailure = (action: Action, error: unknown): Extract<Action, {kind: 'failed' | 'canceled'}> | null => {
		const event = (reason: unknown, results: StrategyState['results']): StrategyEvent =>
			isCanceled(reason) || services.signal.aborted
				? {type: 'step:canceled', key: action.kind, results}
				: {type: 'step:failed', key: isWaiting(action) ? 'save' : action.kind, message: userMessage(reason), results};
		let reason = error;
		if (!isWaiting(action) && !isOutOfRoom(error)) {
			try {
				apply(event(error, services.results.read()));
				return null;
			} catch (second) {
				if (isOutOfRoom(second)) reason = second;
			}
		}
		state = reduce(state, event(reason, state.results));
		update();
		const stopped = nextAction(state);
		// The reducer turns either event into one of these two; anything else is a reducer bug.
		if (stopped.kind !== 'failed' && stopped.kind !== 'canceled') throw new Error(`Internal error: a recorded failure led to ${stopped.kind}`);
		return stopped;
	};

	const loop = async (): Promise<WaitingAction> => {
		const started = timing.now();
		for (;;) {
			// Between any two actions, signals (Ctrl+C, SIGTERM) and timers get their turn: a chain of
			// actions that fail at once must not starve them.
			await new Promise((resolve) => setImmediate(resolve));
			const action = nextAction(state);
			const actionStarted = timing.now();
			try {
				if (isWaiting(action)) {
					timing.busy(timing.now() - started);
					persistTiming();
					// Time accounting is not a decision input; the state only carries it for the done screen.
					const timingRecord = services.results.read().timing;
					if (timingRecord) state = {...state, results: {...state.results, timing: timingRecord}};
					const waiting = await ask(action);
					update();
					return waiting;
				}
				await perform(action);
				if (action.kind !== 'step') timing.sequential(timing.now() - actionStarted);
			} catch (error) {
				const stop = recordFailure(action, error);
				if (stop !== null) return stop;
			}
		}
	};

	return {
		state: () => state,
		warn: (message) => send({type: 'warning', message}),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		advance() {
			busy ??= loop().finally(() => {
				busy = null;
			});
			return busy;
		},
		dispatch: apply,
		updateSettings(next) {
			settings = next;
			// A served backend's ladder is what that server serves: the stored (Ollama) ladder and round-one choice stay.
			deps.settingsStore?.write(services.served ? {...next, ladder: deps.settingsStore.read().ladder, roundOne: deps.settingsStore.read().roundOne} : next);
			services.results.update((draft) => {
				draft.settings = settingsRecord(next);
			});
			apply({type: 'settings:changed', settings: next});
		},
		cancelStep() {
			stepController?.abort();
		},
		async settled() {
			await busy?.catch(() => undefined);
		},
		async close() {
			await busy?.catch(() => undefined);
			await release();
		},
	};
}
