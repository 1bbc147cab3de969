// Folds compare events into what the Reasoning screen shows: a subjects x roles grid and the
// running prompt's bounded tail. compare:delta is the hot path (one event per streamed chunk):
// it only appends to a tail capped at TAIL_CHARS, so a fast stream never grows the state.
import type {CompareEvent, NoticeEvent} from '../../experiment/events.js';
import {CLAUDE_COUNTDOWN_PREFIX} from '../../experiment/claudeQueueNotices.js';
import type {Role, ScoredResponse} from '../../domain/schema.js';

export const TAIL_CHARS = 400;
const MAX_WARNINGS = 5;

export type CompareCell =
	| {status: 'waiting'}
	| {status: 'running'}
	| {status: 'done'; response: ScoredResponse};

export type RunningPrompt = {subject: string; role: Role; startedAt: number; lastAt: number; tail: string; scenario?: string};

export type CompareView = {
	/** Rows in order: the baseline subject (`claude:<model>`) first when it runs, then the models. */
	subjects: string[];
	roles: Role[];
	baseline: 'run' | 'skipped' | null;
	baselineNote: string | null;
	cells: Record<string, Partial<Record<Role, CompareCell>>>;
	running: RunningPrompt | null;
	warnings: string[];
};

export const initialCompareView: CompareView = {
	subjects: [],
	roles: ['bull', 'bear', 'trader'],
	baseline: null,
	baselineNote: null,
	cells: {},
	running: null,
	warnings: [],
};

export function isBaselineSubject(subject: string): boolean {
	return subject.startsWith('claude:');
}

function setCell(view: CompareView, subject: string, role: Role, cell: CompareCell): CompareView {
	return {...view, cells: {...view.cells, [subject]: {...view.cells[subject], [role]: cell}}};
}

export function reduceCompareView(view: CompareView, event: CompareEvent | NoticeEvent): CompareView {
	switch (event.type) {
		case 'compare:start': {
			const cells: CompareView['cells'] = {};
			for (const subject of event.subjects) cells[subject] = Object.fromEntries(event.roles.map((role) => [role, {status: 'waiting'}]));
			return {...view, subjects: [...event.subjects], roles: [...event.roles], baseline: event.baseline, baselineNote: event.baselineNote, cells, running: null};
		}
		case 'compare:cell-start':
			return {
				...setCell(view, event.subject, event.role, {status: 'running'}),
				running: {subject: event.subject, role: event.role, startedAt: event.at, lastAt: event.at, tail: '', ...(event.scenario ? {scenario: event.scenario} : {})},
			};
		case 'compare:delta': {
			const running = view.running;
			if (!running || running.subject !== event.subject || running.role !== event.role) return view;
			const joined = running.tail + event.text;
			const tail = joined.length > TAIL_CHARS ? joined.slice(joined.length - TAIL_CHARS) : joined;
			return {...view, running: {...running, tail, lastAt: Math.max(running.lastAt, event.at)}};
		}
		case 'compare:cell-done': {
			const next = setCell(view, event.subject, event.role, {status: 'done', response: event.response});
			const stillRunning = view.running?.subject === event.subject && view.running.role === event.role ? null : view.running;
			return {...next, running: stillRunning};
		}
		case 'compare:baseline-done':
			return event.baseline.status === 'skipped' ? {...view, baseline: 'skipped', baselineNote: event.baseline.note} : view;
		case 'warning':
			// The same SDK warning can arrive from the services and from the step: show it once.
			if (view.warnings.includes(event.message)) return view;
			// A rate-limit countdown replaces its previous tick rather than filling the list.
			return {...view, warnings: [...view.warnings.filter((kept) => !(event.message.startsWith(CLAUDE_COUNTDOWN_PREFIX) && kept.startsWith(CLAUDE_COUNTDOWN_PREFIX))), event.message].slice(-MAX_WARNINGS)};
		default:
			return view;
	}
}

/** Seconds the running prompt has streamed, from the events' own clock (no timers needed). */
export function runningElapsedSeconds(running: RunningPrompt): number {
	return Math.max(0, running.lastAt - running.startedAt) / 1000;
}
