// The Reasoning screen: a subjects x prompts grid whose cells go from waiting to a spinner to
// their figures, the running prompt's streamed tail and elapsed time, and every failure with
// its reason. Renders CompareView only; the step does the work.
import {RUBRIC_LABEL} from '../../analysis/judgeIdentity.js';
import React from 'react';
import {Box, Text} from 'ink';
import type {Role, ScoredResponse} from '../../domain/schema.js';
import {GridCell, type CellTone} from '../components/gridCell.js';
import {StreamTail} from '../components/streamTail.js';
import {isBaselineSubject, runningElapsedSeconds, type CompareCell, type CompareView} from '../state/compareView.js';
import {SimulatedBanner} from '../components/simulatedBanner.js';
import {fitWidths} from '../components/fitWidths.js';

export type ReasoningScreenProps = {
	view: CompareView;
	animate: boolean;
	simulated?: boolean;
	/** Terminal width; the grid is laid out for 80 columns. */
	width?: number;
};

const LABEL_WIDTH = 24;
const CELL_WIDTH = 18;
const TAIL_LINES = 4;

export function subjectLabel(subject: string): string {
	return isBaselineSubject(subject) ? 'Claude (baseline)' : subject;
}

/**
 * Quality, then compliance checks passed (never folded into the quality), then the decision:
 * what a reader scans the grid for. Records without compliance checks show their word count.
 */
export function cellFigures(response: ScoredResponse): string {
	if (response.status === 'error') return 'ERROR';
	const score = response.score === null ? '–' : response.score.toFixed(1);
	const compliance = response.compliance ? `${response.compliance.passed}/${response.compliance.total}✓` : response.metrics ? `${response.metrics.words}w` : '';
	const decision = response.metrics?.decision ?? '';
	return [score, compliance, decision].filter(Boolean).join(' ');
}

/** What the first number in a cell is, so judged and offline scores are never read as the same thing. */
export function qualityLegend(view: CompareView): string[] {
	for (const subject of view.subjects) {
		for (const role of view.roles) {
			const cell = view.cells[subject]?.[role];
			if (cell?.status !== 'done' || cell.response.status !== 'ok' || !cell.response.scoreSource) continue;
			const source = cell.response.scoreSource === 'judge' ? `judge ${cell.response.scorer?.judgeModel ?? 'Claude'}, absolute, beside Claude` : RUBRIC_LABEL;
			const n = cell.response.quality?.n ?? 1;
			return [`quality 0-10: ${source}`, `mean of ${n} market${n === 1 ? '' : 's'} · n/m✓ = compliance checks passed`];
		}
	}
	return [];
}

function cellDisplay(cell: CompareCell | undefined): {text: string; tone: CellTone; running: boolean} {
	if (!cell || cell.status === 'waiting') return {text: 'waiting', tone: 'muted', running: false};
	if (cell.status === 'running') return {text: 'running', tone: 'normal', running: true};
	const response = cell.response;
	if (response.status === 'error') return {text: 'ERROR', tone: 'bad', running: false};
	const score = response.score ?? 0;
	return {text: cellFigures(response), tone: score >= 9 ? 'good' : score >= 6 ? 'normal' : 'warn', running: false};
}

function failures(view: CompareView): {subject: string; role: Role; reason: string}[] {
	const found: {subject: string; role: Role; reason: string}[] = [];
	for (const subject of view.subjects) {
		for (const role of view.roles) {
			const cell = view.cells[subject]?.[role];
			if (cell?.status === 'done' && cell.response.status === 'error') found.push({subject, role, reason: cell.response.error ?? 'failed'});
		}
	}
	return found;
}

/** The grid's widths at `width`: names give way first, then the cells, never a whole role column. */
export function reasoningWidths(view: CompareView, width: number): {label: number; cells: number[]} {
	const labels = view.subjects.map((subject) => subjectLabel(subject).length);
	const cells = view.roles.map((role) => {
		const texts = view.subjects.map((subject) => {
			const shown = cellDisplay(view.cells[subject]?.[role]);
			return shown.text.length + (shown.running ? 2 : 0);
		});
		return {natural: CELL_WIDTH, min: Math.max(role.length, ...texts) + 1};
	});
	return fitWidths(width, {natural: LABEL_WIDTH, min: Math.max('subject'.length, ...labels) + 1}, cells);
}

export function ReasoningScreen({view, animate, simulated = false, width = 80}: ReasoningScreenProps): React.JSX.Element {
	const errors = failures(view);
	const widths = reasoningWidths(view, width);
	return (
		<Box flexDirection="column" width={width}>
			<SimulatedBanner show={simulated} />
			<Text bold>Reasoning comparison: bull, bear and trader prompts</Text>
			<Box>
				<Box width={widths.label} flexShrink={0}>
					<Text dimColor>subject</Text>
				</Box>
				{view.roles.map((role, index) => (
					<GridCell key={role} width={widths.cells[index] ?? CELL_WIDTH} text={role} tone="muted" animate={animate} />
				))}
			</Box>
			{view.baseline === 'skipped' ? (
				<Text color="yellow" wrap="truncate-end">
					baseline skipped: {view.baselineNote ?? 'no Claude key'}
				</Text>
			) : null}
			{view.subjects.map((subject) => (
				<Box key={subject}>
					<Box width={widths.label} flexShrink={0}>
						<Text wrap="truncate" bold={isBaselineSubject(subject)}>
							{subjectLabel(subject)}
						</Text>
					</Box>
					{view.roles.map((role, index) => {
						const shown = cellDisplay(view.cells[subject]?.[role]);
						return <GridCell key={role} width={widths.cells[index] ?? CELL_WIDTH} text={shown.text} tone={shown.tone} running={shown.running} animate={animate} />;
					})}
				</Box>
			))}
			{qualityLegend(view).map((line) => (
				<Text key={line} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
			{errors.map((error) => (
				<Text key={`${error.subject}:${error.role}`} color="red">
					{subjectLabel(error.subject)} {error.role}: ERROR {error.reason}
				</Text>
			))}
			{view.running ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>
						{subjectLabel(view.running.subject)} · {view.running.role}
						{view.running.scenario ? ` · ${view.running.scenario}` : ''} · {runningElapsedSeconds(view.running).toFixed(1)}s
					</Text>
					<StreamTail text={view.running.tail} lines={TAIL_LINES} width={width} animate={animate} />
				</Box>
			) : null}
			{view.warnings.map((warning, index) => (
				<Text key={index} color="yellow">
					warning: {warning}
				</Text>
			))}
		</Box>
	);
}
