// Compare events as plain stderr lines for non-interactive runs: one line per finished cell
// (with its figures or its failure), nothing per streamed chunk.
import {RUBRIC_LABEL} from '../../analysis/judgeIdentity.js';
import type {CompareEvent, NoticeEvent} from '../../experiment/events.js';
import {formatInterval} from '../../analysis/interval.js';
import {formatRelative} from '../../analysis/relative.js';
import type {ScoredResponse} from '../../domain/schema.js';
import {subjectLabel} from '../screens/reasoningScreen.js';
import {noticeLine} from './noticeLine.js';

export type CompareLineFormatter = (event: CompareEvent | NoticeEvent) => string | null;

export function compareLine(event: CompareEvent | NoticeEvent): string | null {
	switch (event.type) {
		case 'compare:start': {
			const models = event.subjects.filter((subject) => !subject.startsWith('claude:'));
			const baseline = event.baseline === 'run' ? 'with the Claude baseline' : `baseline skipped: ${event.baselineNote ?? 'no Claude key'}`;
			return `comparing ${models.length} model${models.length === 1 ? '' : 's'} on ${event.roles.join(', ')} (${baseline})`;
		}
		case 'compare:cell-start':
			return `  ${subjectLabel(event.subject)} ${event.role}${event.scenario ? ` (${event.scenario})` : ''}: running`;
		case 'compare:delta':
			return null;
		case 'compare:cell-done': {
			const {response} = event;
			const seconds = `${response.elapsedSeconds.toFixed(1)} s`;
			if (response.status === 'error') return `  ${subjectLabel(event.subject)} ${event.role}: ERROR ${response.error ?? 'failed'} (${seconds})`;
			const partly = response.error ? `; ERROR ${response.error}` : '';
			return `  ${subjectLabel(event.subject)} ${event.role}: ${qualityText(response)}${partly} (${seconds})`;
		}
		case 'compare:baseline-done':
			if (event.baseline.status === 'skipped') return null;
			return event.baseline.costUsd === null ? 'baseline done' : `baseline done (cost $${event.baseline.costUsd.toFixed(4)})`;
		case 'warning':
		case 'info':
		case 'step-error':
			return noticeLine(event);
	}
}

/** "quality 4.2 [2.9–5.5], n=3 (judge) · relative to Claude 4.4 [3.1–5.7], n=12 · compliance 5/7 checks · BUY" */
export function qualityText(response: ScoredResponse): string {
	const source = response.scoreSource === 'judge' ? 'judge' : response.scoreSource === 'rubric' ? RUBRIC_LABEL : null;
	const quality = response.quality && response.quality.n > 1 ? formatInterval(response.quality) : response.score === null ? '–' : response.score.toFixed(1);
	const parts = [`quality ${quality}${source ? ` (${source})` : ''}`];
	// The score the threshold reads, under the name it has everywhere.
	if (response.relative) parts.push(`relative to Claude ${formatRelative(response.relative)}`);
	if (response.compliance) parts.push(`compliance ${response.compliance.passed}/${response.compliance.total} checks`);
	else if (response.metrics) parts.push(`${response.metrics.words} words`);
	if (response.metrics?.decision) parts.push(response.metrics.decision);
	return parts.join(' · ');
}

/**
 * The formatter for one run: a cell's quality line is printed once it is settled (the judge's
 * revisions come in later events for the same cell), and never again when a later step posts the
 * same figures (the Claude baseline's cells are shown to every compare step).
 */
export function createCompareLines(): CompareLineFormatter {
	const printed = new Map<string, string>();
	return (event) => {
		if (event.type !== 'compare:cell-done') return compareLine(event);
		if (event.settled === false) return null;
		const line = compareLine(event);
		if (line === null) return null;
		const key = `${event.subject}\u0000${event.role}`;
		// The figures without the timing, which a re-posted cell repeats exactly.
		const figures = line.replace(/ \([\d.]+ s\)$/, '');
		if (printed.get(key) === figures) return null;
		printed.set(key, figures);
		return line;
	};
}
