// Speed vs quality: every model a point (decode t/s across, quality up), the two lines that decide
// (minimum rate, threshold), Claude as a reference, and the four quadrants named.
import {linearScale, niceDomain, niceTicks, type Scale} from '../../analysis/scale.js';
import type {ChartData, ChartModel} from './chartData.js';
import {el, line, svgDocument, text, textWidth} from './svg.js';
import {emptyObstacles, placeLabel, type Box, type Obstacles} from './labelPlacement.js';

export const SPEED_QUALITY_FILE = 'speed-vs-quality.svg';

const WIDTH = 760;
const HEIGHT = 510;
const PLOT = {left: 64, right: 736, top: 72, bottom: 446};

export type Geometry = {x: Scale; y: Scale; plot: typeof PLOT};

type Plotted = {model: ChartModel; rate: number; sd: number; quality: number};

function plotted(data: ChartData): Plotted[] {
	return data.models.flatMap((model) => (model.rate && model.quality ? [{model, rate: model.rate.mean, sd: model.rate.sd, quality: model.quality.value}] : []));
}

/** The scales for this data: x from 0 past the fastest model and the minimum rate, y up to 10. */
export function speedQualityGeometry(data: ChartData): Geometry {
	const points = plotted(data);
	const rates = [...points.map((point) => point.rate + point.sd), data.minRate ?? 0];
	const maxRate = Math.max(...rates);
	const xDomain = niceDomain(0, maxRate > 0 ? maxRate * 1.1 : 20);
	const lows = [
		...points.map((point) => point.model.quality?.interval?.low ?? point.quality),
		...(data.threshold === null ? [] : [data.threshold]),
		...(data.claude?.quality == null ? [] : [data.claude.quality]),
	];
	const highs = [10, ...points.map((point) => point.model.quality?.interval?.high ?? point.quality)];
	const low = lows.length === 0 ? 0 : Math.max(0, Math.floor(Math.min(...lows) - 0.5));
	return {
		x: linearScale(xDomain, [PLOT.left, PLOT.right]),
		y: linearScale([low, Math.ceil(Math.max(...highs))], [PLOT.bottom, PLOT.top]),
		plot: PLOT,
	};
}

function axes({x, y, plot}: Geometry): string[] {
	const parts: string[] = [];
	for (const tick of niceTicks(x.domain[0], x.domain[1])) {
		if (tick < x.domain[0] || tick > x.domain[1]) continue;
		parts.push(line(x(tick), plot.top, x(tick), plot.bottom, {class: 'grid'}), text(x(tick), plot.bottom + 18, String(tick), {'text-anchor': 'middle', class: 'muted'}));
	}
	for (const tick of niceTicks(y.domain[0], y.domain[1], 4)) {
		if (tick < y.domain[0] || tick > y.domain[1]) continue;
		parts.push(line(plot.left, y(tick), plot.right, y(tick), {class: 'grid'}), text(plot.left - 8, y(tick) + 4, String(tick), {'text-anchor': 'end', class: 'muted'}));
	}
	parts.push(
		line(plot.left, plot.bottom, plot.right, plot.bottom, {class: 'axis'}),
		line(plot.left, plot.top, plot.left, plot.bottom, {class: 'axis'}),
		text((plot.left + plot.right) / 2, plot.bottom + 40, 'decode rate (tokens/s, mean ± sd)', {'text-anchor': 'middle'}),
		text(18, (plot.top + plot.bottom) / 2, 'trader quality relative to Claude (10 = Claude)', {'text-anchor': 'middle', transform: `rotate(-90 18 ${(plot.top + plot.bottom) / 2})`}),
	);
	return parts;
}

type QuadrantLabel = {lines: string[]; box: Box};

/** A quadrant's name on one line, or on two when the quadrant is narrow. */
function wrap(content: string, room: number): string[] | null {
	if (textWidth(content, 11) <= room) return [content];
	const words = content.split(' ');
	const half = Math.ceil(words.length / 2);
	const lines = [words.slice(0, half).join(' '), words.slice(half).join(' ')];
	return lines.every((entry) => textWidth(entry, 11) <= room) ? lines : null;
}

/** The four quadrants' names, each in its outer corner, where it fits. */
function quadrantLabels(data: ChartData, {x, y, plot}: Geometry): QuadrantLabel[] {
	if (data.minRate === null || data.threshold === null) return [];
	const split = {x: Math.min(plot.right, Math.max(plot.left, x(data.minRate))), y: Math.min(plot.bottom, Math.max(plot.top, y(data.threshold)))};
	const labels: QuadrantLabel[] = [];
	const label = (content: string, right: boolean, top: boolean, area: Box) => {
		const lines = wrap(content, area.right - area.left - 12);
		if (lines === null || area.bottom - area.top < lines.length * 13 + 6) return;
		const width = Math.max(...lines.map((entry) => textWidth(entry, 11)));
		const left = right ? area.right - 6 - width : area.left + 6;
		const start = top ? area.top + 3 : area.bottom - 6 - lines.length * 13;
		labels.push({lines, box: {left, right: left + width, top: start, bottom: start + lines.length * 13}});
	};
	label('fast enough and good enough', true, true, {left: split.x, right: plot.right, top: plot.top, bottom: split.y});
	label('good enough, too slow', false, true, {left: plot.left, right: split.x, top: plot.top, bottom: split.y});
	label('fast enough, not good enough', true, false, {left: split.x, right: plot.right, top: split.y, bottom: plot.bottom});
	label('too slow, not good enough', false, false, {left: plot.left, right: split.x, top: split.y, bottom: plot.bottom});
	return labels;
}

function quadrants(data: ChartData, geometry: Geometry): string[] {
	const {x, y, plot} = geometry;
	if (data.minRate === null || data.threshold === null) return [];
	const split = {x: Math.min(plot.right, Math.max(plot.left, x(data.minRate))), y: Math.min(plot.bottom, Math.max(plot.top, y(data.threshold)))};
	return [
		el('rect', {class: 'good', x: split.x, y: plot.top, width: plot.right - split.x, height: split.y - plot.top}),
		...quadrantLabels(data, geometry).flatMap(({lines, box}) => lines.map((entry, index) => text(box.left, box.top + 11 + index * 13, entry, {class: 'quadrant'}))),
	];
}

const LABEL_HEIGHT = 14;

/** A text box for a label whose baseline is at (x, y), anchored at its start or end. */
function textBox(x: number, y: number, content: string, anchor: 'start' | 'end' = 'start'): Box {
	const width = textWidth(content);
	const left = anchor === 'end' ? x - width : x;
	return {left, right: left + width, top: y - LABEL_HEIGHT + 3, bottom: y + 3};
}

/** Every line, point and error bar the chart draws, and the labels already placed: what a model's label must avoid. */
function chartObstacles(data: ChartData, geometry: Geometry): {obstacles: Obstacles; decision: string[]} {
	const {x, y, plot} = geometry;
	const obstacles = emptyObstacles();
	obstacles.boxes.push(...quadrantLabels(data, geometry).map((label) => label.box));
	const decision: string[] = [];
	if (data.claude?.quality != null) {
		const at = y(data.claude.quality);
		const content = `${data.claude.label}: ${data.claude.quality.toFixed(1)}`;
		decision.push(line(plot.left, at, plot.right, at, {class: 'claude', id: 'claude-line'}), text(plot.right - 4, at - 5, content, {class: 'claude-label', 'text-anchor': 'end'}));
		obstacles.hLines.push({y: at, left: plot.left, right: plot.right});
		obstacles.boxes.push(textBox(plot.right - 4, at - 5, content, 'end'));
	}
	if (data.threshold !== null) {
		const at = y(data.threshold);
		const content = `threshold ${data.threshold.toFixed(1)}`;
		decision.push(line(plot.left, at, plot.right, at, {class: 'threshold', id: 'threshold-line'}), text(plot.left + 6, at - 5, content, {class: 'threshold-label'}));
		obstacles.hLines.push({y: at, left: plot.left, right: plot.right});
		obstacles.boxes.push(textBox(plot.left + 6, at - 5, content));
	}
	if (data.minRate !== null) {
		const at = x(data.minRate);
		const content = `minimum ${data.minRate} t/s`;
		decision.push(line(at, plot.top, at, plot.bottom, {class: 'minrate', id: 'min-rate-line'}), text(at + 5, plot.bottom - 24, content, {class: 'minrate-label'}));
		obstacles.vLines.push({x: at, top: plot.top, bottom: plot.bottom});
		obstacles.boxes.push(textBox(at + 5, plot.bottom - 24, content));
	}
	for (const point of plotted(data)) {
		const cx = x(point.rate);
		const cy = y(point.quality);
		obstacles.points.push({x: cx, y: cy, r: 5});
		if (point.sd > 0) obstacles.hLines.push({y: cy, left: x(point.rate - point.sd), right: x(point.rate + point.sd)});
		const interval = point.model.quality?.interval;
		if (interval) obstacles.vLines.push({x: cx, top: y(interval.high), bottom: y(interval.low)});
	}
	return {obstacles, decision};
}

/** The decision lines and their labels, then every point with its error bars and its label, placed clear of all of them. */
function pointsAndLines(data: ChartData, geometry: Geometry): string[] {
	const {x, y, plot} = geometry;
	const {obstacles, decision} = chartObstacles(data, geometry);
	const parts: string[] = [...decision];
	const labels: string[] = [];
	const slow = (rate: number) => (data.minRate !== null && rate < data.minRate ? ' slow' : '');
	const bounds = {left: plot.left + 2, right: plot.right, top: plot.top, bottom: plot.bottom};
	for (const point of [...plotted(data)].sort((a, b) => b.quality - a.quality || a.rate - b.rate)) {
		const cx = x(point.rate);
		const cy = y(point.quality);
		const kind = slow(point.rate);
		if (point.sd > 0) parts.push(line(x(point.rate - point.sd), cy, x(point.rate + point.sd), cy, {class: `err${kind}`}));
		const interval = point.model.quality?.interval;
		if (interval) {
			parts.push(
				line(cx, y(interval.low), cx, y(interval.high), {class: `err${kind}`}),
				line(cx - 4, y(interval.low), cx + 4, y(interval.low), {class: `err${kind}`}),
				line(cx - 4, y(interval.high), cx + 4, y(interval.high), {class: `err${kind}`}),
			);
		}
		parts.push(el('circle', {class: `point${kind}`, cx, cy, r: 5}));
		const label = `${point.model.name} (${point.rate.toFixed(1)} t/s, ${point.quality.toFixed(1)})`;
		const {box, leader} = placeLabel({x: cx, y: cy}, textWidth(label), LABEL_HEIGHT, bounds, obstacles);
		obstacles.boxes.push(box);
		// A label moved away from its point is tied to it, so it cannot be read as another model's.
		if (leader) parts.push(line(cx, cy, Math.min(Math.max(cx, box.left), box.right), Math.min(Math.max(cy, box.top), box.bottom), {class: 'leader'}));
		labels.push(text(box.left, box.bottom - 3, label, {class: 'point-label'}));
	}
	// Labels last, so no line is drawn over one.
	return [...parts, ...labels];
}

function notPlotted(data: ChartData): string | null {
	const missing = data.models.filter((model) => !model.rate || !model.quality).map((model) => `${model.name} (${model.rate ? 'no quality score' : 'no speed'})`);
	return missing.length === 0 ? null : `Not plotted: ${missing.join(', ')}`;
}

export function speedQualityChart(data: ChartData): string {
	const geometry = speedQualityGeometry(data);
	const title = `Speed vs quality${data.simulated ? ' (SIMULATED)' : ''}`;
	const missing = notPlotted(data);
	const body = [
		text(PLOT.left, 24, title, {class: 'title'}),
		text(PLOT.left, 42, 'Each local model by decode rate and trader quality relative to Claude (10 = Claude); the top-right quadrant is what the pipeline can use.', {class: 'muted'}),
		...quadrants(data, geometry),
		...axes(geometry),
		...pointsAndLines(data, geometry),
		...(plotted(data).length === 0 ? [text((PLOT.left + PLOT.right) / 2, (PLOT.top + PLOT.bottom) / 2, 'No model has both a speed and a quality score yet.', {'text-anchor': 'middle'})] : []),
		...(missing ? [text(PLOT.left, HEIGHT - 8, missing, {class: 'muted'})] : []),
	];
	return svgDocument(WIDTH, HEIGHT, title, body);
}
