// The speed-vs-quality chart in characters, for the verdict screen: the same scales as the SVG,
// each model a labelled point, the threshold (─) and the minimum rate (│) drawn, Claude dotted.
import React from 'react';
import {Box, Text} from 'ink';
import {niceTicks} from '../../analysis/scale.js';
import {sanitizeInline} from '../../system/sanitize.js';
import type {ChartData} from '../../output/charts/chartData.js';
import {speedQualityGeometry} from '../../output/charts/speedQualityChart.js';

const GUTTER = 5;
const POINT = '●';

function place(row: string[], start: number, text: string, taken: boolean[]): boolean {
	if (start < 0 || start + text.length > row.length) return false;
	for (let index = 0; index < text.length; index++) if (taken[start + index]) return false;
	for (let index = 0; index < text.length; index++) {
		row[start + index] = text[index] ?? ' ';
		taken[start + index] = true;
	}
	return true;
}

/**
 * The plot as lines of at most `width` characters: `height` rows of plot, the x axis with its
 * ticks, and a key. A label that finds no room beside its point gets a number and a key entry.
 */
export function speedQualityPlotLines(data: ChartData, width: number, height = 9): string[] {
	const columns = Math.max(10, width - GUTTER - 1);
	const rows = Math.max(3, height);
	const {x, y} = speedQualityGeometry(data);
	const [x0, x1] = x.domain;
	const [y0, y1] = y.domain;
	const col = (value: number) => Math.max(0, Math.min(columns - 1, Math.round(((value - x0) / (x1 - x0 || 1)) * (columns - 1))));
	const row = (value: number) => Math.max(0, Math.min(rows - 1, Math.round(((y1 - value) / (y1 - y0 || 1)) * (rows - 1))));
	// A character cell is coarse: a point is kept on its side of each decision line, never on it,
	// so a model just below the threshold or the minimum rate never reads as meeting it.
	const pointRow = (quality: number) => {
		const at = row(quality);
		if (data.threshold === null) return at;
		const line = row(data.threshold);
		return quality >= data.threshold ? Math.min(at, Math.max(0, line - 1)) : Math.max(at, Math.min(rows - 1, line + 1));
	};
	const pointCol = (rate: number) => {
		const at = col(rate);
		if (data.minRate === null) return at;
		const line = col(data.minRate);
		return rate >= data.minRate ? Math.max(at, Math.min(columns - 1, line + 1)) : Math.min(at, Math.max(0, line - 1));
	};
	const grid = Array.from({length: rows}, () => Array.from({length: columns}, () => ' '));
	const taken = Array.from({length: rows}, () => Array.from({length: columns}, () => false));

	const claude = data.claude?.quality ?? null;
	if (claude !== null) grid[row(claude)]?.fill('·');
	if (data.threshold !== null) grid[row(data.threshold)]?.fill('─');
	if (data.minRate !== null) {
		const at = col(data.minRate);
		for (const line of grid) line[at] = line[at] === '─' ? '┼' : '│';
	}
	const points = data.models.flatMap((model) => (model.rate && model.quality ? [{name: sanitizeInline(model.name), rate: model.rate.mean, quality: model.quality.value}] : []));
	for (const point of points) {
		const r = pointRow(point.quality);
		const c = pointCol(point.rate);
		const line = grid[r];
		const busy = taken[r];
		if (line && busy) {
			line[c] = POINT;
			busy[c] = true;
		}
	}
	const key: string[] = [];
	points.forEach((point) => {
		const r = pointRow(point.quality);
		const c = pointCol(point.rate);
		const line = grid[r];
		const busy = taken[r];
		if (!line || !busy) return;
		const label = point.name.length > 24 ? `${point.name.slice(0, 23)}…` : point.name;
		if (place(line, c + 2, label, busy) || place(line, c - 1 - label.length, label, busy)) return;
		// No room beside the point: a number there, the name in the key.
		const number = String(key.length + 1);
		if (!place(line, c + 1, number, busy)) place(line, c - number.length, number, busy);
		key.push(`${number} ${point.name}`);
	});

	const yLabel = (index: number): string => {
		const marks = [y1, y0, ...(data.threshold === null ? [] : [data.threshold])];
		const shown = marks.find((mark) => row(mark) === index);
		return shown === undefined ? '' : shown.toFixed(1);
	};
	const lines = grid.map((line, index) => `${yLabel(index).padStart(GUTTER - 1)}┤${line.join('')}`.trimEnd());
	const axis = Array.from({length: columns}, () => '─');
	const tickLine = Array.from({length: columns + GUTTER}, () => ' ');
	for (const tick of niceTicks(x0, x1)) {
		if (tick < x0 || tick > x1) continue;
		const at = col(tick);
		axis[at] = '┬';
		const text = String(tick);
		const start = Math.min(columns + GUTTER - text.length, Math.max(0, GUTTER + at - Math.floor(text.length / 2)));
		if (tickLine.slice(Math.max(0, start - 1), start + text.length + 1).every((cell) => cell === ' ')) {
			for (let index = 0; index < text.length; index++) tickLine[start + index] = text[index] ?? ' ';
		}
	}
	lines.push(`${' '.repeat(GUTTER - 1)}└${axis.join('')}`, tickLine.join('').trimEnd());
	const legend = [
		...(data.threshold === null ? [] : [`─ threshold ${data.threshold.toFixed(1)}`]),
		...(data.minRate === null ? [] : [`│ minimum ${data.minRate} t/s`]),
		...(claude === null ? [] : [`· Claude ${claude.toFixed(1)}`]),
		'top right: fast and good enough',
	];
	lines.push(...wrapItems(legend, width), ...wrapItems(key, width));
	if (points.length === 0) lines.unshift('No model has both a speed and a quality score yet.');
	return lines.map((line) => (line.length > width ? line.slice(0, width) : line));
}

/** Items joined with two spaces, wrapped to the width. */
function wrapItems(items: string[], width: number): string[] {
	const out: string[] = [];
	let current = '';
	for (const item of items) {
		if (current !== '' && current.length + 2 + item.length > width) {
			out.push(current);
			current = item;
		} else current = current === '' ? item : `${current}  ${item}`;
	}
	if (current !== '') out.push(current);
	return out;
}

export type SpeedQualityPlotProps = {data: ChartData; width: number; height?: number};

export function SpeedQualityPlot({data, width, height}: SpeedQualityPlotProps): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>Speed vs quality</Text>
				<Text dimColor> · decode t/s across, trader quality relative to Claude up</Text>
			</Text>
			{speedQualityPlotLines(data, width, height).map((line, index) => (
				// Lines are positional: the index is their identity.
				<Text key={index}>{line}</Text>
			))}
		</Box>
	);
}
