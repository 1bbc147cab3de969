// What runs beside the local step in a round: the download and the Claude baseline.
// Kept apart from the step views, which reset at every step start, so the line survives the
// local lane moving from one model's step to the next.
import type {StepEvent} from '../../experiment/events.js';
import {COMPARE_ROLES} from '../../experiment/steps/compare/prompts.js';
import type {Role} from '../../domain/schema.js';

export type BesideView = {
	pull: {model: string; completed: number; total: number} | null;
	/** The baseline's roles streaming and answered, while any answer is missing. */
	claude: {streaming: Role[]; answered: Role[]} | null;
};

export const initialBesideView: BesideView = {pull: null, claude: null};

const isClaude = (subject: string) => subject.startsWith('claude:');

export function reduceBeside(view: BesideView, event: StepEvent): BesideView {
	switch (event.type) {
		case 'pull:start':
			return {...view, pull: {model: event.model, completed: 0, total: event.expectedBytes ?? 0}};
		case 'pull:progress':
			return {...view, pull: {model: event.model, completed: event.update.completed, total: event.update.total}};
		case 'pull:done':
			return {...view, pull: null};
		case 'compare:cell-start': {
			// The round's baseline lane sends no compare:start: its cells are known by their subject.
			if (!isClaude(event.subject)) return view;
			const claude = view.claude ?? {streaming: [], answered: []};
			return {...view, claude: {...claude, streaming: [...claude.streaming.filter((role) => role !== event.role), event.role]}};
		}
		case 'compare:cell-done': {
			// A compare step re-shows answers already posted: counted by role, never twice.
			if (!isClaude(event.subject)) return view;
			const claude = view.claude ?? {streaming: [], answered: []};
			const answered = claude.answered.includes(event.role) ? claude.answered : [...claude.answered, event.role];
			if (answered.length >= COMPARE_ROLES.length) return {...view, claude: null};
			return {...view, claude: {streaming: claude.streaming.filter((role) => role !== event.role), answered}};
		}
		case 'compare:baseline-done':
			return {...view, claude: null};
		default:
			return view;
	}
}

/** At most two short lines; none for the activity the step itself shows. */
export function besideLines(view: BesideView, step: 'pull' | 'bench' | 'compare' | 'tools'): string[] {
	const lines: string[] = [];
	if (step !== 'pull' && view.pull) {
		const share = view.pull.total > 0 ? ` ${Math.floor((view.pull.completed / view.pull.total) * 100)} %` : '';
		lines.push(`Meanwhile: pulling ${view.pull.model}${share}`);
	}
	if (step !== 'compare' && view.claude) {
		const streaming = view.claude.streaming.length > 0 ? `; ${view.claude.streaming.join(', ')} streaming` : '';
		lines.push(`Meanwhile: Claude baseline ${view.claude.answered.length}/${COMPARE_ROLES.length} answers${streaming}`);
	}
	return lines;
}
