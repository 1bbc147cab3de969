// What a finished step leaves in the wizard's scrollback. The live step screens (grids, gauges)
// are redrawn in place and vanish when the round ends, so without these lines scrolling back
// shows only "── round 1 · bench · …" headers. One line per model (per subject for compare),
// built from the same formatters as the screens and the stderr lines, each within 80 columns.
// `trifecta run` does not need them: its stderr lines already carry every one of these figures.
import type {StepEvent} from '../../experiment/events.js';
import type {Role, ToolCallingResult} from '../../domain/schema.js';
import {speedLine} from '../state/speedSummary.js';
import {cellFigures, subjectLabel} from '../screens/reasoningScreen.js';
import {endpointSummary, formatOutcome} from '../../output/toolTable.js';
import {truncate} from '../../output/textFormat.js';
import {pullDoneLine} from './pullLines.js';

export type StepSummaryFormatter = (event: StepEvent) => string | null;

const WIDTH = 80;
const MIN_LABEL = 12;

/** A message on one line, never cut: the scrollback wraps it, and a cut command cannot be run. */
function whole(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ');
}

/** One line of at most WIDTH columns (an error message may span lines); single-width characters only. */
function fit(text: string): string {
	const line = text.replace(/\s*\n\s*/g, ' ');
	return line.length <= WIDTH ? line : `${line.slice(0, WIDTH - 3)}...`;
}

/**
 * Label padded to `pad` (so a step's lines line up), two spaces, figures. When too long the
 * label gives way before the figures do: the round header above names it in full.
 */
function labelled(label: string, figures: string, pad = 0): string {
	const room = Math.max(MIN_LABEL, WIDTH - figures.length - 2);
	return fit(`${truncate(label, room).padEnd(Math.min(pad, room))}  ${figures}`);
}

/** "native 5/5, openai 0/5 · FAIL: leaked into text: …": the first problem, if any, in short. */
function toolsFigures(result: ToolCallingResult): string {
	const endpoints = (['native', 'openai'] as const).filter((endpoint) => result[endpoint] !== undefined);
	const counts = endpoints.map((endpoint) => `${endpoint} ${endpointSummary(result[endpoint])}`).join(', ');
	const outcomes = endpoints.flatMap((endpoint) => result[endpoint]?.scenarios ?? []);
	const failed = outcomes.find((outcome) => outcome.outcome === 'fail' || outcome.outcome === 'error');
	const unsupported = endpoints.map((endpoint) => result[endpoint]).find((endpoint) => endpoint?.supported === false);
	const problem = failed ? formatOutcome(failed) : unsupported ? (unsupported.scenarios[0]?.reason ?? 'no tool support') : null;
	return problem === null ? counts : `${counts} · ${problem}`;
}

export function createStepSummaryLines(): StepSummaryFormatter {
	// Compare finishes a subject cell by cell; its line waits for the last role.
	let roles: Role[] = [];
	let figures = new Map<string, Partial<Record<Role, string>>>();
	let pad = 0;
	const summarized = new Map<string, string>();
	return (event) => {
		switch (event.type) {
			case 'pull:done':
				return whole(pullDoneLine(event.model, event.result));
			case 'bench:done':
				return labelled(event.model, speedLine(event.speed, event.practical));
			case 'compare:start':
				roles = [...event.roles];
				figures = new Map();
				pad = Math.max(0, ...event.subjects.map((subject) => subjectLabel(subject).length));
				return event.baseline === 'skipped' ? whole(`Claude baseline skipped: ${event.baselineNote ?? 'no Claude key'}`) : null;
			case 'compare:cell-done': {
				// One line per subject, from its final figures: a record the judge will revise is not one.
				if (event.settled === false) return null;
				const cells = {...figures.get(event.subject), [event.role]: cellFigures(event.response)};
				figures.set(event.subject, cells);
				if (!roles.every((role) => cells[role] !== undefined)) return null;
				const line = labelled(subjectLabel(event.subject), roles.map((role) => `${role} ${cells[role]}`).join(' · '), pad);
				// The baseline's cells are shown to every compare step: its line is printed once, unless its figures change.
				if (summarized.get(event.subject) === line) return null;
				summarized.set(event.subject, line);
				return line;
			}
			case 'tools:done':
				return fit(`${event.model}: ${toolsFigures(event.result)}`);
			default:
				return null;
		}
	};
}
