// Verdict: every model against the Claude baseline, where the round's model lost its trader
// points, and the decision with its reason.
import React from 'react';
import {Box, Text} from 'ink';
import {CompactTable} from '../../components/compactTable.js';
import {BENCHMARK_COLUMNS, benchmarkRows} from '../../../output/tables/benchmarkSpec.js';
import {textTable, type TextTable} from '../../../output/tables/tableSpec.js';
import type {ResultsFile} from '../../../domain/schema.js';
import type {Settings} from '../../../experiment/settings.js';
import {ScoreBars} from '../../components/scoreBar.js';
import {Prose} from '../../components/prose.js';
import {SpeedQualityPlot, speedQualityPlotLines} from '../../components/speedQualityPlot.js';
import {chartData, type ChartData} from '../../../output/charts/chartData.js';
import {wrappedRows} from '../../lines/wrappedRows.js';
import {scorerNote} from '../../../output/qualityFormat.js';

/** The benchmark table as the terminal shows it (columns declared in output/tables/benchmarkSpec.ts). */
export function verdictTable(results: ResultsFile, settings: Settings): TextTable {
	return textTable(BENCHMARK_COLUMNS, 'terminal', benchmarkRows(results, 'terminal', settings.minRate));
}

/** What the relative column is, in one line: the score the threshold reads (10 = Claude). */
export function relativeLegend(settings: Settings): string {
	return `relative = 10 × local / Claude, same judge calls [95 %]; threshold ${settings.threshold.toFixed(1)}`;
}

/** What † beside a rate means, when a rate has one: measured while another model downloaded. */
export function downloadLegend(results: ResultsFile): string | null {
	const downloads = [...new Set(results.models.flatMap((model) => (model.speed?.duringDownload ? [model.speed.duringDownload] : [])))];
	return downloads.length === 0 ? null : `† benchmarked while ${downloads.join(', ')} downloaded (disk and network busy)`;
}

export type VerdictProps = {
	results: ResultsFile;
	settings: Settings;
	/** The model whose trader dimensions are shown. */
	focus: string | null;
	title: string;
	/** The decision and its reason. */
	reason: string;
	/** Columns to lay out in. */
	width: number;
	/** Rows the page may use; the plot is drawn only when it fits whole. Unbounded when absent. */
	rows?: number;
};

/**
 * The plot's height that fits in the rows left under the table and the sentences (3 to 9 plot
 * rows), or null when not even the smallest fits: a plot cut in half reads as a different picture.
 */
export function plotHeight(data: ChartData, width: number, left: number): number | null {
	for (let height = 9; height >= 3; height--) {
		// The plot's title line, then its rows, axis and key.
		if (1 + speedQualityPlotLines(data, width, height).length <= left) return height;
	}
	return null;
}

const NO_ROOM_FOR_PLOT = 'Speed vs quality: the report has the plot (docs/charts/speed-vs-quality.svg); a taller terminal shows it here.';

// The decision comes right under the table: when the terminal is short, the plot and then the
// per-dimension bars give way (each replaced by a line saying where it is), never the title, the
// table header or the reason.
export function VerdictScreen({results, settings, focus, title, reason, width, rows = Number.POSITIVE_INFINITY}: VerdictProps): React.JSX.Element {
	const dims = results.models.find((model) => model.name === focus)?.reasoning?.trader?.dimensions ?? [];
	const baselineNote = results.baseline?.status === 'ok' ? null : `Claude baseline ${results.baseline?.status ?? 'not run'}${results.baseline?.note ? `: ${results.baseline.note}` : ''}`;
	const table = verdictTable(results, settings);
	const legends = [relativeLegend(settings), downloadLegend(results)].filter((line): line is string => line !== null);
	const scorer = scorerNote(results);
	const plotData = {...chartData(results), threshold: settings.threshold, minRate: settings.minRate};
	const plotWidth = Math.min(width, 80);
	// Title, table (header, rule, rows), the legends, the scorer note, the note, a gap, the sentences, a gap.
	const used = 1 + 2 + table.rows.length + legends.length + (scorer ? wrappedRows(scorer, width) : 0) + (baselineNote ? wrappedRows(baselineNote, width) : 0) + 1 + wrappedRows(reason, width) + 1;
	const height = plotHeight(plotData, plotWidth, rows - used);
	const plotRows = height === null ? wrappedRows(NO_ROOM_FOR_PLOT, width) : 1 + speedQualityPlotLines(plotData, plotWidth, height).length;
	// Under the plot, a gap and the bars' title: the bars only whole, else one line saying where they are.
	const left = rows - used - plotRows - 2;
	const bars = dims.length === 0 || left < 0 ? 'none' : left >= dims.length ? 'bars' : 'pointer';
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			<CompactTable columns={table.columns} rows={table.rows} width={width} bold={(row) => row['model'] === focus} />
			{legends.map((legend) => (
				<Text key={legend} dimColor wrap="truncate">
					{legend}
				</Text>
			))}
			{scorer ? <Text dimColor>{scorer}</Text> : null}
			{baselineNote ? <Text color="yellow">{baselineNote}</Text> : null}
			<Box marginTop={1}>
				<Prose>{reason}</Prose>
			</Box>
			<Box marginTop={1}>
				{height === null ? (
					<Prose dimColor>{NO_ROOM_FOR_PLOT}</Prose>
				) : (
					<SpeedQualityPlot data={plotData} width={plotWidth} height={height} />
				)}
			</Box>
			{bars === 'none' ? null : (
				<Box flexDirection="column" marginTop={1}>
					<Text bold wrap="truncate">
						{focus} — trader points per dimension{bars === 'pointer' ? ': in the report (§6)' : ''}
					</Text>
					{bars === 'bars' ? <ScoreBars dimensions={dims} width={14} showNotes={false} /> : null}
				</Box>
			)}
		</Box>
	);
}
