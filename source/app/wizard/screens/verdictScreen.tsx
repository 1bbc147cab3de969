// Verdict: every model against the Claude baseline, where the round's model lost its trader
// points, and the decision with its reason. The threshold reads the relative score (10 = Claude's,
// on the same judge calls) and its outcome, the same record the strategy, run and the report read;
// the absolute judged trader score stays beside it.
import React from 'react';
import {Box, Text} from 'ink';
import {CompactTable, type Column} from '../../components/compactTable.js';
import type {ResultsFile} from '../../../domain/schema.js';
import type {Settings} from '../../../experiment/settings.js';
import {thresholdOf, type MachineFacts} from '../../../experiment/strategy/index.js';
import {ScoreBars} from '../../components/scoreBar.js';
import {Prose} from '../../components/prose.js';
import {SpeedQualityPlot, speedQualityPlotLines} from '../../components/speedQualityPlot.js';
import {chartData, type ChartData} from '../../../output/charts/chartData.js';
import {wrappedRows} from '../../lines/wrappedRows.js';

type Row = {
	model: string;
	't/s': string;
	trader: string;
	relative: string;
	outcome: string;
	tools: string;
};

function score(value: number | null | undefined): string {
	return value === null || value === undefined ? '–' : value.toFixed(1);
}

const COLUMNS: Column<Row>[] = [
	{key: 'model', header: 'model'},
	{key: 't/s', header: 't/s', align: 'right'},
	{key: 'trader', header: 'trader', align: 'right'},
	{key: 'relative', header: 'relative', align: 'right'},
	{key: 'outcome', header: 'outcome'},
	{key: 'tools', header: 'tools', align: 'right'},
];

/** "9.6 [9.1–10.1]": the relative score with its 95 % interval, as the report writes it. */
function relativeCell(value: number | null, low: number | null, high: number | null): string {
	if (value === null) return '–';
	return low === null || high === null || low === high ? value.toFixed(1) : `${value.toFixed(1)} [${low.toFixed(1)}–${high.toFixed(1)}]`;
}

export function verdictRows(results: ResultsFile, settings: Settings, machine: MachineFacts | null = null): Row[] {
	const rows: Row[] = results.models
		.filter((model) => model.reasoning !== undefined)
		.map((model) => {
			const trader = model.reasoning?.trader?.score ?? null;
			const check = thresholdOf({results, settings, machine}, model.name);
			const rate = model.speed?.evalRate.mean ?? null;
			const practical = rate === null ? '' : rate >= settings.minRate ? '' : ' slow';
			// † : measured while another model downloaded (disk and network busy).
			const during = model.speed?.duringDownload ? ' †' : '';
			const openai = model.toolCalling?.openai;
			return {
				model: model.name,
				't/s': rate === null ? '–' : `${rate.toFixed(1)}${practical}${during}`,
				trader: score(trader),
				relative: relativeCell(check.value, check.low, check.high),
				outcome: check.outcome,
				tools: openai ? `${openai.passed}/${openai.total}` : '–',
			};
		});
	if (results.baseline?.status === 'ok') {
		const reasoning = results.baseline.reasoning;
		rows.push({model: 'Claude (baseline)', 't/s': '–', trader: score(reasoning.trader?.score), relative: '10.0', outcome: 'reference', tools: '–'});
	}
	return rows;
}

/** What the two trader columns are, in one line. */
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
	/** What preflight found (whether Claude can judge): decides whether a stored score is stale. */
	machine?: MachineFacts | null;
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

// The decision comes right under the table: when the terminal is short, the per-dimension bars
// are what gets cut, never the title, the table header or the reason.
export function VerdictScreen({results, settings, machine = null, focus, title, reason, width, rows = Number.POSITIVE_INFINITY}: VerdictProps): React.JSX.Element {
	const dims = results.models.find((model) => model.name === focus)?.reasoning?.trader?.dimensions ?? [];
	const baselineNote = results.baseline?.status === 'ok' ? null : `Claude baseline ${results.baseline?.status ?? 'not run'}${results.baseline?.note ? `: ${results.baseline.note}` : ''}`;
	const table = verdictRows(results, settings, machine);
	const legends = [relativeLegend(settings), downloadLegend(results)].filter((line): line is string => line !== null);
	const plotData = {...chartData(results), threshold: settings.threshold, minRate: settings.minRate};
	const plotWidth = Math.min(width, 80);
	// Title, table (header, rule, rows), the legends, the note, a gap, the sentences, a gap.
	const used = 1 + 2 + table.length + legends.length + (baselineNote ? wrappedRows(baselineNote, width) : 0) + 1 + wrappedRows(reason, width) + 1;
	const height = plotHeight(plotData, plotWidth, rows - used);
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			<CompactTable columns={COLUMNS} rows={table} width={width} bold={(row) => row.model === focus} />
			{legends.map((legend) => (
				<Text key={legend} dimColor wrap="truncate">
					{legend}
				</Text>
			))}
			{baselineNote ? <Text color="yellow">{baselineNote}</Text> : null}
			<Box marginTop={1}>
				<Prose>{reason}</Prose>
			</Box>
			<Box marginTop={1}>
				{height === null ? (
					<Text dimColor wrap="truncate">
						Speed vs quality: a taller terminal shows the plot here; the report has it (docs/charts/speed-vs-quality.svg).
					</Text>
				) : (
					<SpeedQualityPlot data={plotData} width={plotWidth} height={height} />
				)}
			</Box>
			{dims.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>{focus} — trader points per dimension</Text>
					<ScoreBars dimensions={dims} width={14} showNotes={false} />
				</Box>
			) : null}
		</Box>
	);
}
