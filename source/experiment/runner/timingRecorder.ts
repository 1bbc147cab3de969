// Collects one session's time accounting: every timed step, the time the runner was
// busy (waiting on the user is not the experiment's time), and the Claude queue's busy spans;
// folds them into the results file's `timing` (this session's entries replaced, others kept).
import {criticalPathMs, overlapMs, summarizeSteps, unionMs, type Span} from '../../analysis/timing.js';
import type {ResultsFile, RunTiming, StepTiming} from '../../domain/schema.js';
import type {BusySpan} from '../claudeQueue.js';
import type {StepMeter} from './meter.js';

export class TimingRecorder {
	readonly id: string;
	private readonly origin: number;
	private readonly originIso: string;
	private readonly steps: StepTiming[] = [];
	private busyMs = 0;
	private sequentialMs = 0;
	private readonly clock: () => number;

	constructor(now: () => Date, clock: () => number = () => performance.now()) {
		this.clock = clock;
		this.origin = clock();
		this.originIso = now().toISOString();
		this.id = this.originIso;
	}

	now(): number {
		return this.clock();
	}

	step(input: {
		round: number;
		step: StepTiming['step'];
		model: string | null;
		started: number;
		meter: StepMeter;
		duringDownload: string | null;
		heldForPull?: boolean;
	}): void {
		const end = this.clock();
		this.steps.push({
			run: this.id,
			round: input.round,
			step: input.step,
			model: input.model,
			startedAt: new Date(Date.parse(this.originIso) + (input.started - this.origin)).toISOString(),
			startMs: input.started - this.origin,
			wallMs: end - input.started,
			serverWaitMs: input.meter.serverWaitMs,
			loadMs: input.meter.loadMs,
			generationMs: input.meter.generationMs,
			duringDownload: input.duringDownload,
			...(input.heldForPull !== undefined ? {heldForPull: input.heldForPull} : {}),
		});
	}

	/** Time the runner spent performing actions (not waiting for the user). */
	busy(ms: number): void {
		this.busyMs += ms;
	}

	/** An action outside the rounds (preflight, a decision, writing the report): it adds to the critical path. */
	sequential(ms: number): void {
		this.sequentialMs += ms;
	}

	summary(claude: readonly BusySpan[]): RunTiming {
		const claudeSpans: Span[] = claude.map((span) => ({start: span.start - this.origin, end: span.end - this.origin}));
		const localSpans: Span[] = this.steps.filter((step) => step.step !== 'baseline').map((step) => ({start: step.startMs, end: step.startMs + step.wallMs}));
		return {
			id: this.id,
			startedAt: this.originIso,
			wallMs: this.busyMs,
			criticalPathMs: criticalPathMs(this.steps, this.sequentialMs),
			...summarizeSteps(this.steps),
			claudeMs: unionMs(claudeSpans),
			claudeOverlapMs: overlapMs(claudeSpans, localSpans),
		};
	}

	/** Writes this session into the results file's timing, keeping earlier sessions. */
	fold(draft: ResultsFile, claude: readonly BusySpan[]): void {
		const timing = draft.timing ?? {steps: [], runs: []};
		draft.timing = {
			steps: [...timing.steps.filter((step) => step.run !== this.id), ...this.steps],
			runs: [...timing.runs.filter((run) => run.id !== this.id), this.summary(claude)],
		};
	}

	hasSteps(): boolean {
		return this.steps.length > 0;
	}
}
