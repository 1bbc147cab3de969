// Folds pull events into what the Pull screen shows: one row per layer, a whole-model row,
// and the outcome. Pure, so the wizard can reuse it with its own store. An update that names the
// layer it moved (PullUpdate.changed) is folded in time proportional to the layers still moving,
// not to every layer: a hostile server announcing thousands of layers cannot make it crawl.
import type {NoticeEvent, PullEvent} from '../../experiment/events.js';
import type {PullResult} from '../../domain/schema.js';
import type {PullUpdate} from '../../providers/types.js';
import {shortDigest} from '../../analysis/units.js';

export type LayerView = {
	digest: string;
	short: string;
	total: number;
	completed: number;
	done: boolean;
	/** Present before this pull started: the server reported it complete on first sight. */
	cached: boolean;
	/** Average since this layer was first seen, so a resumed layer's old bytes do not count. */
	bytesPerSecond: number | null;
	etaSeconds: number | null;
	/** Arrival time and bytes when first seen (for the rate). */
	firstAt: number;
	firstCompleted: number;
};

export type PullPhase = 'waiting' | 'pulling' | 'pulled' | 'present' | 'failed' | 'canceled';

export type PullView = {
	model: string | null;
	expectedBytes: number | null;
	phase: PullPhase;
	/** The server's latest status line ("pulling manifest", "verifying sha256 digest", …). */
	status: string;
	/** Layers still moving, in the order the server announced them. */
	active: LayerView[];
	/** Append-only, in order of completion: rendered once through <Static>. */
	finished: LayerView[];
	total: number;
	completed: number;
	bytesPerSecond: number | null;
	etaSeconds: number | null;
	firstAt: number | null;
	firstCompleted: number;
	/** Bytes this pull moved: each layer from where it stood when first seen (see foldProgress). */
	moved: number;
	result: PullResult | null;
	/** What happened, in words (skip, error, cancel). */
	message: string | null;
	warnings: string[];
};

export const initialPullView: PullView = {
	model: null,
	expectedBytes: null,
	phase: 'waiting',
	status: '',
	active: [],
	finished: [],
	total: 0,
	completed: 0,
	bytesPerSecond: null,
	etaSeconds: null,
	firstAt: null,
	firstCompleted: 0,
	moved: 0,
	result: null,
	message: null,
	warnings: [],
};

const MAX_WARNINGS = 8;

function rateSince(firstAt: number, firstCompleted: number, at: number, completed: number): number | null {
	const seconds = (at - firstAt) / 1000;
	const bytes = completed - firstCompleted;
	if (seconds <= 0 || bytes <= 0) return null;
	return bytes / seconds;
}

function eta(total: number, completed: number, rate: number | null): number | null {
	if (rate === null || rate <= 0) return null;
	return Math.max(0, total - completed) / rate;
}

function foldLayer(previous: LayerView | undefined, layer: PullUpdate['layers'][number], at: number): LayerView {
	const done = isDone(layer);
	if (!previous) {
		return {
			digest: layer.digest,
			short: shortDigest(layer.digest),
			total: layer.total,
			completed: layer.completed,
			done,
			cached: done,
			bytesPerSecond: null,
			etaSeconds: null,
			firstAt: at,
			firstCompleted: layer.completed,
		};
	}
	const bytesPerSecond = rateSince(previous.firstAt, previous.firstCompleted, at, layer.completed);
	return {
		...previous,
		total: layer.total,
		completed: layer.completed,
		done,
		bytesPerSecond: bytesPerSecond ?? previous.bytesPerSecond,
		etaSeconds: done ? 0 : eta(layer.total, layer.completed, bytesPerSecond),
	};
}

/** What one layer adds to `moved`. */
function movedBy(layer: LayerView | undefined): number {
	return layer ? Math.max(0, layer.completed - layer.firstCompleted) : 0;
}

function isDone(layer: {total: number; completed: number}): boolean {
	return layer.total > 0 && layer.completed >= layer.total;
}

/** Every layer of the update, for an update that does not say which one moved. */
function foldAll(view: PullView, update: PullUpdate): Pick<PullView, 'active' | 'finished' | 'moved'> {
	const before = new Map(view.active.map((layer) => [layer.digest, layer]));
	const done = new Set(view.finished.map((layer) => layer.digest));
	const active: LayerView[] = [];
	let finished = view.finished;
	for (const layer of update.layers) {
		const previous = before.get(layer.digest);
		if (!previous && done.has(layer.digest)) continue;
		const next = foldLayer(previous, layer, update.at);
		if (next.done) {
			if (finished === view.finished) finished = [...finished];
			finished.push(next);
			done.add(next.digest);
		} else {
			active.push(next);
		}
	}
	const moved = [...active, ...finished].reduce((sum, layer) => sum + movedBy(layer), 0);
	return {active, finished, moved};
}

/** Only the layer the update moved: the rest stand as they were. */
function foldChanged(view: PullView, update: PullUpdate, changed: NonNullable<PullUpdate['changed']>): Pick<PullView, 'active' | 'finished' | 'moved'> {
	const {layer, before} = changed;
	// A line about a layer already finished (Ollama repeats the last one) changes nothing shown.
	if (before !== null && isDone(before)) return view;
	const index = view.active.findIndex((entry) => entry.digest === layer.digest);
	const previous = index === -1 ? undefined : view.active[index];
	const next = foldLayer(previous, layer, update.at);
	const moved = view.moved - movedBy(previous) + movedBy(next);
	if (next.done) {
		return {active: index === -1 ? view.active : view.active.filter((_, position) => position !== index), finished: [...view.finished, next], moved};
	}
	const active = index === -1 ? [...view.active, next] : view.active.map((entry, position) => (position === index ? next : entry));
	return {active, finished: view.finished, moved};
}

function foldProgress(view: PullView, update: PullUpdate): PullView {
	const {active, finished, moved} = update.changed ? foldChanged(view, update, update.changed) : foldAll(view, update);
	// Layers are announced one by one, so the server's total grows; the catalog size is a better
	// whole-model total until the last layer shows up.
	const total = Math.max(update.total, view.expectedBytes ?? 0);
	const firstAt = view.firstAt ?? update.at;
	const firstCompleted = view.firstAt === null ? update.completed : view.firstCompleted;
	// A layer announced late with its bytes already on disk (a retried pull) adds to `completed`
	// but not to the rate.
	const bytesPerSecond = rateSince(firstAt, 0, update.at, moved) ?? view.bytesPerSecond;
	return {
		...view,
		phase: 'pulling',
		status: update.status,
		active,
		finished,
		moved,
		total,
		completed: update.completed,
		firstAt,
		firstCompleted,
		bytesPerSecond,
		etaSeconds: eta(total, update.completed, bytesPerSecond),
	};
}

function doneMessage(model: string, result: PullResult): string {
	switch (result.status) {
		case 'present':
			return `${model} is already installed — pull skipped.`;
		case 'pulled':
			return `${model} pulled.`;
		case 'failed':
		case 'canceled':
			return result.error ?? `Pull of ${model} ${result.status}.`;
	}
}

function foldDone(view: PullView, model: string, result: PullResult): PullView {
	const pulled = result.status === 'pulled';
	// On success the last "success" line may arrive without a final per-layer update.
	const finished = pulled
		? [...view.finished, ...view.active.map((layer) => ({...layer, completed: layer.total, done: true, etaSeconds: 0}))]
		: view.finished;
	return {
		...view,
		model,
		phase: result.status,
		active: pulled ? [] : view.active,
		finished,
		completed: pulled ? Math.max(view.total, result.bytes) : view.completed,
		total: pulled ? Math.max(view.total, result.bytes) : view.total,
		etaSeconds: pulled ? 0 : null,
		result,
		message: doneMessage(model, result),
	};
}

export function pullViewReducer(view: PullView, event: PullEvent | NoticeEvent): PullView {
	switch (event.type) {
		case 'pull:start':
			return {...initialPullView, model: event.model, expectedBytes: event.expectedBytes, phase: 'pulling', warnings: view.warnings};
		case 'pull:progress':
			return foldProgress(view, event.update);
		case 'pull:done':
			return foldDone(view, event.model, event.result);
		case 'warning':
			return {...view, warnings: [...view.warnings, event.message].slice(-MAX_WARNINGS)};
		case 'step-error':
			return {...view, message: event.message};
		case 'info':
			return view;
	}
}
