// Performs one round without waste. Three lanes run side by side: the pulls (disk and
// network), the Claude baseline (network, through the bounded queue), and local generation, which
// stays strictly one request at a time so no measured rate is ever shared. Each model is loaded
// once: its benchmark's warm-up measures the cold load, then compare and tools run while it stays
// loaded, and it is unloaded once before the next model. Installed models are measured while a
// pull streams unless --no-overlap or memory is short. Every finished step is marked done at once,
// so a cancel or a kill keeps it; the first failure is reported after the other lanes finish.
import {isCanceled} from '../../providers/errors.js';
import type {BaselineBoard} from '../steps/compare/baselineBoard.js';
import type {RoundContext, StepContext} from '../steps/context.js';
import type {StepAction, StrategyState} from '../strategy/index.js';
import {StepMeter} from './meter.js';
import type {ModelWork, RoundWork} from './roundPlan.js';
import type {TimingRecorder} from './timingRecorder.js';
import type {Clock} from '../clock.js';
import type {StepFunctions} from './types.js';

/** keep_alive for a round's local requests: a 70B model's whole round fits well inside it. */
export const ROUND_KEEP_ALIVE = '60m';
/** Measuring beside a pull needs room for both the model and the page cache of the download. */
export const OVERLAP_RAM_FACTOR = 2;
const UNLOAD_TIMEOUT_MS = 15_000;

export type RoundHost = {
	state: () => StrategyState;
	steps: StepFunctions;
	/** A context for one task, with its providers wrapped by the meter. */
	context: (signal: AbortSignal, meter: StepMeter, round: RoundContext) => StepContext;
	/** Marks step keys done (and a pulled model installed) in the strategy, persisted at once. */
	markDone: (keys: Record<string, string>, pulled?: string) => void;
	/** Notes in the results that a model's step ran while another model downloaded. */
	noteDownload: (model: string, step: string, downloading: string) => void;
	/** Tells the screens which step the local lane (or, while it waits, the pull) is on. */
	started: (action: StepAction) => void;
	newBoard: () => BaselineBoard;
	timing: TimingRecorder;
	overlap: boolean;
	/** See experiment/clock.ts: the run's one clock. */
	clock: Clock;
};

export type RoundOutcome = {error: unknown; key: string} | null;

function deferred(): {promise: Promise<boolean>; resolve: (ok: boolean) => void} {
	let resolve: (ok: boolean) => void = () => undefined;
	const promise = new Promise<boolean>((done) => {
		resolve = done;
	});
	return {promise, resolve};
}

/** Whether `model` may be measured while a pull streams: allowed, installed, and twice its size free. */
export function mayOverlap(state: StrategyState, model: string, overlap: boolean): boolean {
	if (!overlap) return false;
	const installed = state.machine?.installed.find((entry) => entry.name === model);
	if (!installed) return false;
	return (state.machine?.freeRamBytes ?? 0) >= OVERLAP_RAM_FACTOR * installed.sizeBytes;
}

export async function performRound(host: RoundHost, work: RoundWork, signal: AbortSignal): Promise<RoundOutcome> {
	const {steps, timing} = host;
	const round = work.round;
	let failure: RoundOutcome = null;
	const fail = (key: string, error: unknown) => {
		// A cancel is reported over any failure: the user stopped the round.
		if (failure === null || (isCanceled(error) && !isCanceled(failure.error))) failure = {error, key};
	};
	let pulling: string | null = null;
	const board = work.baseline ? host.newBoard() : null;
	const roundContext: RoundContext = {keepAlive: ROUND_KEEP_ALIVE, keepLoaded: true, board, pulling: () => pulling};
	const pullDone = new Map(work.pulls.map((pull) => [pull.model, deferred()]));
	const allPulls = Promise.all([...pullDone.values()].map((entry) => entry.promise));

	/** Scoring that finishes after its compare step returned; the round waits for it before it ends. */
	const tails: Promise<void>[] = [];

	const timed = async <T>(
		step: Parameters<TimingRecorder['step']>[0]['step'],
		model: string | null,
		run: (ctx: StepContext) => Promise<T>,
		context: RoundContext = roundContext,
		heldForPull?: boolean,
	): Promise<T> => {
		const meter = new StepMeter({clock: host.clock});
		const during = step === 'pull' ? null : pulling;
		const started = timing.now();
		try {
			return await run(host.context(signal, meter, context));
		} finally {
			timing.step({round, step, model, started, meter, duringDownload: during, ...(heldForPull !== undefined ? {heldForPull} : {})});
		}
	};

	const pullLane = async () => {
		for (const pull of work.pulls) {
			const done = pullDone.get(pull.model);
			if (signal.aborted) {
				done?.resolve(false);
				continue;
			}
			pulling = pull.model;
			try {
				const result = await timed('pull', pull.model, (ctx) => steps.pull(ctx, pull.model));
				host.markDone({[pull.key]: ''}, pull.model);
				done?.resolve(result.status !== 'failed');
			} catch (error) {
				fail(pull.key, error);
				done?.resolve(false);
			} finally {
				pulling = null;
			}
		}
	};

	const baselineLane = async () => {
		if (!work.baseline || !board) return;
		const {key, fingerprint} = work.baseline;
		try {
			await timed('baseline', null, (ctx) => steps.baseline(ctx, board));
			host.markDone({[key]: fingerprint});
		} catch (error) {
			board.close();
			fail(key, error);
		}
	};

	/** `held`: the model waited for the round's pulls, so its steps extend the pull's chain. */
	const runModel = async (entry: ModelWork, held: boolean): Promise<boolean> => {
		try {
			for (const {step, key, fingerprint} of entry.steps) {
				if (signal.aborted) return false;
				host.started({kind: 'step', step, round, models: [entry.model], baseline: false, keys: {[key]: fingerprint}});
				const downloading = pulling;
				const deferred: Promise<void>[] = [];
				try {
					await timed(
						step,
						entry.model,
						async (ctx) => {
							if (step === 'bench') await steps.bench(ctx, entry.model);
							else if (step === 'compare') await steps.compare(ctx, [entry.model]);
							else await steps.tools(ctx, [entry.model]);
						},
						{...roundContext, defer: (work) => void deferred.push(work)},
						held,
					);
				} catch (error) {
					fail(key, error);
					return false;
				}
				if (downloading !== null) host.noteDownload(entry.model, step, downloading);
				// Done once its last answer is scored (Claude's answer to the same role may still be streaming).
				tails.push(
					Promise.all(deferred).then(
						() => (signal.aborted ? undefined : host.markDone({[key]: fingerprint})),
						(error: unknown) => fail(key, error),
					),
				);
			}
			return true;
		} finally {
			// The one unload of this model in this round; never with the round's signal, which may be aborted.
			await timed(
				'unload',
				entry.model,
				(ctx) => ctx.ollama.unload(entry.model, {signal: AbortSignal.timeout(UNLOAD_TIMEOUT_MS)}),
				roundContext,
				held,
			).catch(() => undefined);
		}
	};

	const waitForPulls = async (promise: Promise<unknown>) => {
		if (pulling !== null) {
			host.started({kind: 'step', step: 'pull', round, models: [pulling], baseline: false, keys: {}});
		}
		await promise;
	};

	const localLane = async () => {
		const state = host.state();
		const pulled = new Set(work.pulls.map((pull) => pull.model));
		const early = work.models.filter((entry) => !pulled.has(entry.model) && mayOverlap(state, entry.model, host.overlap));
		const late = work.models.filter((entry) => !early.includes(entry));
		for (const entry of early) if (!(await runModel(entry, false))) return;
		for (const entry of late) {
			const own = pullDone.get(entry.model);
			await waitForPulls(own ? own.promise : allPulls);
			if (own && !(await own.promise)) continue;
			if (signal.aborted) return;
			if (!(await runModel(entry, work.pulls.length > 0))) return;
		}
	};

	await Promise.all([pullLane(), baselineLane(), localLane()]);
	await Promise.all(tails);
	return failure;
}
