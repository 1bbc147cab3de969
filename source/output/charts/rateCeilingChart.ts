// Decode rate per model against its memory-bandwidth ceiling: a bar for the measured mean with its
// sd, the ceiling drawn as the outline the bar could fill, and the minimum rate as a line.
import {linearScale, niceDomain, niceTicks} from '../../analysis/scale.js';
import type {ChartData} from './chartData.js';
import {el, line, svgDocument, text, textWidth} from './svg.js';

export const RATE_CEILING_FILE = 'rate-vs-ceiling.svg';

const WIDTH = 820;
const ROW = 34;
const TOP = 70;
/** The figures column on the right: mean ± sd, ceiling, efficiency. */
const FIGURES = 236;

export function rateCeilingChart(data: ChartData): string {
	const models = data.models.filter((model) => model.rate !== null);
	const labelWidth = Math.min(220, Math.max(80, ...models.map((model) => textWidth(model.name) + 16)));
	const left = labelWidth;
	const right = WIDTH - FIGURES;
	const bottom = TOP + Math.max(1, models.length) * ROW;
	const height = bottom + 56;
	const highest = Math.max(data.minRate ?? 0, ...models.map((model) => Math.max(model.ceiling ?? 0, (model.rate?.mean ?? 0) + (model.rate?.sd ?? 0))));
	const x = linearScale(niceDomain(0, highest > 0 ? highest * 1.05 : 20), [left, right]);
	const title = `Decode rate against the bandwidth ceiling${data.simulated ? ' (SIMULATED)' : ''}`;
	const body: string[] = [text(24, 24, title, {class: 'title'}), text(24, 42, 'Bar: measured mean ± sd; dashed outline: the ceiling (bandwidth / model bytes) the bar could fill.', {class: 'muted'})];
	for (const tick of niceTicks(x.domain[0], x.domain[1])) {
		if (tick > x.domain[1]) continue;
		body.push(line(x(tick), TOP, x(tick), bottom, {class: 'grid'}), text(x(tick), bottom + 18, String(tick), {'text-anchor': 'middle', class: 'muted'}));
	}
	body.push(line(left, bottom, right, bottom, {class: 'axis'}), text((left + right) / 2, bottom + 40, 'decode rate (tokens/s)', {'text-anchor': 'middle'}));
	if (models.length === 0) body.push(text((left + right) / 2, TOP + ROW / 2 + 4, 'No model has been benchmarked yet.', {'text-anchor': 'middle'}));
	models.forEach((model, index) => {
		const rate = model.rate ?? {mean: 0, sd: 0};
		const top = TOP + index * ROW + 6;
		const mid = top + 11;
		const slow = data.minRate !== null && rate.mean < data.minRate ? ' slow' : '';
		body.push(text(left - 8, mid + 4, model.name, {'text-anchor': 'end'}));
		if (model.ceiling !== null) body.push(el('rect', {class: 'ceiling', x: left, y: top - 2, width: x(model.ceiling) - left, height: 26}));
		body.push(el('rect', {class: `bar${slow}`, x: left, y: top + 2, width: Math.max(0, x(rate.mean) - left), height: 18}));
		if (rate.sd > 0) body.push(line(x(rate.mean - rate.sd), mid, x(rate.mean + rate.sd), mid, {class: 'axis'}), line(x(rate.mean + rate.sd), mid - 5, x(rate.mean + rate.sd), mid + 5, {class: 'axis'}));
		const efficiency = model.ceiling ? ` · ceiling ${model.ceiling.toFixed(1)} · ${Math.round((rate.mean / model.ceiling) * 100)} %` : ' · ceiling unknown';
		body.push(text(right + 12, mid + 4, `${rate.mean.toFixed(1)} ± ${rate.sd.toFixed(1)} t/s${efficiency}`, {class: 'muted'}));
	});
	if (data.minRate !== null) {
		const at = x(data.minRate);
		body.push(line(at, TOP - 4, at, bottom, {class: 'minrate', id: 'min-rate-line'}), text(at + 4, TOP - 8, `minimum ${data.minRate} t/s`, {class: 'minrate-label'}));
	}
	return svgDocument(WIDTH, height, title, body);
}
