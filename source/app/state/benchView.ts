// Folds benchmark events into what the Benchmark screen shows. bench:delta is the hot path
// (one event per streamed token): it does constant work on bounded state — a text tail of at
// most TAIL_CHARS, a window of recent arrival times, a capped sparkline — so a fast stream never
// grows memory or slows the step that emits it.
import type {BenchEvent, NoticeEvent} from '../../experiment/events.js';
import type {RepRecord, SpeedResult} from '../../domain/schema.js';

export const TAIL_CHARS = 400;
/** The live rate counts chunks that arrived in the last RATE_WINDOW_MS. */
export const RATE_WINDOW_MS = 2000;
/** At most this many arrival times are kept, whatever the rate: two seconds of a 32 t/s model, and copied per chunk, so kept small. */
export const WINDOW_CAP = 64;
export const SPARK_INTERVAL_MS = 250;
export const SPARK_POINTS = 40;
const MAX_WARNINGS = 8;

export type BenchPhase = 'warmup' | 'loaded' | 'streaming' | 'between' | 'done' | 'failed';

export type BenchModelView = {
	model: string;
	reps: number;
	ceilingRate: number | null;
	phase: BenchPhase;
	loadMs: number | null;
	/** 1-based rep being streamed (0 before the first). */
	rep: number;
	tail: string;
	/** Live estimate from chunk arrival times while streaming; the rep's exact rate after it. */
	rate: number | null;
	rateIsExact: boolean;
	windowAt: number[];
	sparkline: number[];
	lastSampleAt: number | null;
	records: RepRecord[];
	speed: SpeedResult | null;
	practical: boolean | null;
	/** Why this model's run failed. */
	error: string | null;
};

export type BenchView = {
	/** Models whose run ended, in order: rendered once through <Static>. */
	finished: BenchModelView[];
	current: BenchModelView | null;
	/** Warnings not yet part of a finished model's summary. */
	warnings: string[];
	/** A failure not tied to one model. */
	error: string | null;
};

export const initialBenchView: BenchView = {finished: [], current: null, warnings: [], error: null};

function newModel(model: string, reps: number, ceilingRate: number | null): BenchModelView {
	return {
		model,
		reps,
		ceilingRate,
		phase: 'warmup',
		loadMs: null,
		rep: 0,
		tail: '',
		rate: null,
		rateIsExact: false,
		windowAt: [],
		sparkline: [],
		lastSampleAt: null,
		records: [],
		speed: null,
		practical: null,
		error: null,
	};
}

/** Chunks per second over the window; null until two chunks are apart in time. */
export function windowRate(windowAt: readonly number[]): number | null {
	const first = windowAt[0];
	const last = windowAt[windowAt.length - 1];
	if (first === undefined || last === undefined || windowAt.length < 2) return null;
	const span = last - first;
	if (span <= 0) return null;
	return ((windowAt.length - 1) * 1000) / span;
}

function foldDelta(view: BenchModelView, text: string, at: number): BenchModelView {
	const joined = view.tail + text;
	const tail = joined.length > TAIL_CHARS ? joined.slice(joined.length - TAIL_CHARS) : joined;
	let start = 0;
	const cutoff = at - RATE_WINDOW_MS;
	while (start < view.windowAt.length && (view.windowAt[start] ?? at) < cutoff) start++;
	start = Math.max(start, view.windowAt.length + 1 - WINDOW_CAP);
	const windowAt = view.windowAt.slice(start);
	windowAt.push(at);
	const windowed = windowRate(windowAt);
	const rate = windowed;
	let {sparkline, lastSampleAt} = view;
	if (rate !== null && (lastSampleAt === null || at - lastSampleAt >= SPARK_INTERVAL_MS)) {
		sparkline = [...sparkline.slice(-(SPARK_POINTS - 1)), rate];
		lastSampleAt = at;
	}
	return {...view, phase: 'streaming', tail, windowAt, rate, rateIsExact: false, sparkline, lastSampleAt};
}

function withoutCovered(warnings: string[], speed: SpeedResult): string[] {
	return warnings.filter((warning) => !speed.warnings.includes(warning));
}

function foldModel(view: BenchView, model: string, change: (current: BenchModelView) => BenchModelView): BenchView {
	if (!view.current || view.current.model !== model) return view;
	return {...view, current: change(view.current)};
}

export function benchViewReducer(view: BenchView, event: BenchEvent | NoticeEvent): BenchView {
	switch (event.type) {
		case 'bench:start':
			return {...view, current: newModel(event.model, event.reps, event.ceilingRate), error: null};
		case 'bench:warmup':
			return foldModel(view, event.model, (current) => ({...current, phase: 'warmup'}));
		case 'bench:loaded':
			return foldModel(view, event.model, (current) => ({...current, phase: 'loaded', loadMs: event.loadMs}));
		case 'bench:rep-start':
			return foldModel(view, event.model, (current) => ({
				...current,
				phase: 'streaming',
				rep: event.rep,
				tail: '',
				windowAt: [],
				rate: null,
				rateIsExact: false,
			}));
		case 'bench:delta':
			return foldModel(view, event.model, (current) => foldDelta(current, event.text, event.at));
		case 'bench:rep-done':
			return foldModel(view, event.model, (current) => ({
				...current,
				phase: 'between',
				rate: event.record.evalRate,
				rateIsExact: true,
				windowAt: [],
				records: [...current.records, event.record],
			}));
		case 'bench:done': {
			const base = view.current?.model === event.model ? view.current : newModel(event.model, event.speed.reps.length, event.speed.ceilingRate);
			const done: BenchModelView = {...base, phase: 'done', speed: event.speed, practical: event.practical, rate: event.speed.evalRate.mean, rateIsExact: true};
			return {...view, finished: [...view.finished, done], current: null, warnings: withoutCovered(view.warnings, event.speed)};
		}
		case 'warning':
			return {...view, warnings: [...view.warnings, event.message].slice(-MAX_WARNINGS)};
		case 'step-error': {
			if (event.model === null) return {...view, error: event.message};
			const base = view.current?.model === event.model ? view.current : newModel(event.model, 0, null);
			const failed: BenchModelView = {...base, phase: 'failed', error: event.message};
			return {...view, finished: [...view.finished, failed], current: view.current === base ? null : view.current};
		}
		case 'info':
			return view;
	}
}
