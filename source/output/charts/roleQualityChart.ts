// Quality per role: one panel per role (bull, bear, trader), a bar per model, Claude's score for
// that role as the reference line, and the threshold on the trader panel (the one it applies to).
import {linearScale} from '../../analysis/scale.js';
import {ROLES, type ChartData, type ScorePoint} from './chartData.js';
import type {Role} from '../../domain/schema.js';
import {el, line, svgDocument, text, textWidth} from './svg.js';

export const ROLE_QUALITY_FILE = 'quality-per-role.svg';

const WIDTH = 760;
const ROW = 26;
const TOP = 76;
// Wide enough that one panel's "10" and the next one's "0" read as two axes.
const GAP = 32;

export function roleQualityChart(data: ChartData): string {
	const models: Array<{name: string; roles: Record<Role, ScorePoint | null>; claude: boolean}> = data.models
		.filter((model) => ROLES.some((role) => model.roles[role] !== null))
		.map((model) => ({name: model.name, roles: model.roles, claude: false}));
	const claude = data.claude;
	if (claude && models.length > 0) {
		const point = (value: number | null): ScorePoint | null => (value === null ? null : {value, interval: null});
		models.push({name: claude.label, roles: {bull: point(claude.roles.bull), bear: point(claude.roles.bear), trader: point(claude.roles.trader)}, claude: true});
	}
	const labelWidth = Math.min(200, Math.max(80, ...models.map((model) => textWidth(model.name) + 16)));
	const panelWidth = (WIDTH - labelWidth - 24 - GAP * (ROLES.length - 1)) / ROLES.length;
	const bottom = TOP + Math.max(1, models.length) * ROW;
	const height = bottom + 44;
	const title = `Quality per role against Claude${data.simulated ? ' (SIMULATED)' : ''}`;
	const body: string[] = [
		text(24, 24, title, {class: 'title'}),
		text(24, 42, `Score 0–10 per prompt; dotted line: ${data.claude ? data.claude.label : 'Claude (not measured)'}; dashed on trader: the threshold.`, {class: 'muted'}),
	];
	models.forEach((model, index) => body.push(text(labelWidth - 8, TOP + index * ROW + 17, model.name, {'text-anchor': 'end'})));
	if (models.length === 0) body.push(text(WIDTH / 2, TOP + 16, 'No model has been scored yet.', {'text-anchor': 'middle'}));
	ROLES.forEach((role, panel) => {
		const left = labelWidth + panel * (panelWidth + GAP);
		const right = left + panelWidth;
		const x = linearScale([0, 10], [left, right]);
		body.push(text((left + right) / 2, TOP - 12, role, {'text-anchor': 'middle', class: 'title'}));
		for (const tick of [0, 5, 10]) body.push(line(x(tick), TOP, x(tick), bottom, {class: 'grid'}), text(x(tick), bottom + 16, String(tick), {'text-anchor': 'middle', class: 'muted'}));
		body.push(line(left, bottom, right, bottom, {class: 'axis'}));
		models.forEach((model, index) => {
			const point = model.roles[role];
			const top = TOP + index * ROW + 4;
			if (!point) {
				body.push(text(left + 4, top + 13, 'not scored', {class: 'muted'}));
				return;
			}
			body.push(el('rect', {class: model.claude ? 'bar claude' : 'bar', x: left, y: top, width: Math.max(0, x(point.value) - left), height: 16}));
			if (point.interval) body.push(line(x(point.interval.low), top + 8, x(point.interval.high), top + 8, {class: 'axis'}));
			const inside = x(point.value) - left > 34;
			body.push(text(inside ? x(point.value) - 4 : x(point.value) + 4, top + 13, point.value.toFixed(1), inside ? {'text-anchor': 'end', class: 'bar-value'} : {class: 'muted'}));
		});
		const reference = data.claude?.roles[role];
		if (reference != null) body.push(line(x(reference), TOP - 4, x(reference), bottom, {class: 'claude', id: `claude-${role}`}));
		if (role === 'trader' && data.threshold !== null) body.push(line(x(data.threshold), TOP - 4, x(data.threshold), bottom, {class: 'threshold', id: 'threshold-line'}));
	});
	body.push(text(24, height - 10, 'Bars in the trader panel are the quality the threshold applies to.', {class: 'muted'}));
	return svgDocument(WIDTH, height, title, body);
}
