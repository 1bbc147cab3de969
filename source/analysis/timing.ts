// Where an experiment's time went, from the runner's per-step records: pure arithmetic
// on time spans. Local generation is one request at a time, so local steps form one chain; a
// pulled model's steps also wait for its pull: the critical path is the longer of the two chains.
import {formatDuration} from './verboseBlock.js';

export type Span = {start: number; end: number};

export type TimedStep = {
	round: number;
	step: 'pull' | 'bench' | 'compare' | 'tools' | 'baseline' | 'unload';
	model: string | null;
	startMs: number;
	wallMs: number;
	loadMs: number;
	generationMs: number;
	/** Waited for the round's pulls (see domain/schema.ts); when absent, a pulled model's steps did. */
	heldForPull?: boolean | undefined;
};

/** Sorted, non-overlapping spans covering the same time. */
export function mergeSpans(spans: readonly Span[]): Span[] {
	const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
	const merged: Span[] = [];
	for (const span of sorted) {
		const last = merged.at(-1);
		if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
		else merged.push({...span});
	}
	return merged;
}

export function unionMs(spans: readonly Span[]): number {
	return mergeSpans(spans).reduce((sum, span) => sum + span.end - span.start, 0);
}

/** Time covered by both sets of spans. */
export function overlapMs(a: readonly Span[], b: readonly Span[]): number {
	const left = mergeSpans(a);
	const right = mergeSpans(b);
	let total = 0;
	let j = 0;
	for (const span of left) {
		while (j < right.length && (right[j]?.end ?? 0) <= span.start) j++;
		for (let k = j; k < right.length; k++) {
			const other = right[k];
			if (!other || other.start >= span.end) break;
			total += Math.min(span.end, other.end) - Math.max(span.start, other.start);
		}
	}
	return total;
}

const isLocal = (step: TimedStep) => step.step === 'bench' || step.step === 'compare' || step.step === 'tools' || step.step === 'unload';

/**
 * The longest chain that cannot overlap, per round: every local step one after another, or the
 * round's pulls followed by the local steps held behind them (the models they brought, and any
 * the overlap rules kept from measuring beside a download). Rounds follow each other;
 * `sequentialMs` is what ran outside the rounds (preflight, writing the report).
 */
export function criticalPathMs(steps: readonly TimedStep[], sequentialMs = 0): number {
	const rounds = [...new Set(steps.map((step) => step.round))];
	let total = sequentialMs;
	for (const round of rounds) {
		const inRound = steps.filter((step) => step.round === round);
		const pulls = inRound.filter((step) => step.step === 'pull');
		const pulled = new Set(pulls.map((step) => step.model));
		const local = inRound.filter(isLocal);
		const localChain = local.reduce((sum, step) => sum + step.wallMs, 0);
		const pullChain =
			pulls.reduce((sum, step) => sum + step.wallMs, 0) +
			local.filter((step) => step.heldForPull ?? pulled.has(step.model)).reduce((sum, step) => sum + step.wallMs, 0);
		total += Math.max(localChain, pullChain);
	}
	return total;
}

export type TimeSummary = {wallMs: number; generatingMs: number; loadingMs: number; pullingMs: number};

export function summarizeSteps(steps: readonly TimedStep[]): Omit<TimeSummary, 'wallMs'> {
	const local = steps.filter(isLocal);
	return {
		generatingMs: local.reduce((sum, step) => sum + step.generationMs, 0),
		loadingMs: local.reduce((sum, step) => sum + step.loadMs, 0),
		pullingMs: steps.filter((step) => step.step === 'pull').reduce((sum, step) => sum + step.wallMs, 0),
	};
}

/** "experiment took 1 h 12 min; models generating 41 min, loading 3 min, pulling 26 min in parallel" */
export function timeSummaryLine(summary: TimeSummary): string {
	const parts = [`models generating ${formatDuration(summary.generatingMs / 1000)}`, `loading ${formatDuration(summary.loadingMs / 1000)}`];
	if (summary.pullingMs > 0) parts.push(`pulling ${formatDuration(summary.pullingMs / 1000)} in parallel`);
	return `experiment took ${formatDuration(summary.wallMs / 1000)}; ${parts.join(', ')}`;
}

/** Every session of a resumed experiment adds up: the line the done screen and the report show. */
export function experimentTimeLine(runs: readonly TimeSummary[] | undefined): string | null {
	if (!runs || runs.length === 0) return null;
	const total = runs.reduce(
		(sum, run) => ({
			wallMs: sum.wallMs + run.wallMs,
			generatingMs: sum.generatingMs + run.generatingMs,
			loadingMs: sum.loadingMs + run.loadingMs,
			pullingMs: sum.pullingMs + run.pullingMs,
		}),
		{wallMs: 0, generatingMs: 0, loadingMs: 0, pullingMs: 0},
	);
	return timeSummaryLine(total);
}
