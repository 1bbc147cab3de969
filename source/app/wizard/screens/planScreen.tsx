// Plan: the ladder (installed or not, size, fits in RAM, expected speed = ceiling), the round-one
// model, and the settings, editable before starting; below them the plan as it stands now, read
// off the same policy the runner follows. Key handling is a pure function so it is tested directly.
import React from 'react';
import {Box, Text} from 'ink';
import {SelectList, type SelectItem} from '../../components/selectList.js';
import {moveCursor, type Press} from '../keys.js';
import {catalogEntry, defaultLadder} from '../../../models/catalog.js';
import type {Settings} from '../../../experiment/settings.js';
import {CLAUDE_FALLBACK_MODELS} from '../../../models/pipeline.js';
import type {MachineFacts} from '../../../experiment/strategy/index.js';
import {Prose} from '../../components/prose.js';
import {wrappedRows} from '../../lines/wrappedRows.js';

const SETTING_ROWS = ['threshold', 'minRate', 'reps', 'numCtx', 'claudeModel'] as const;
type SettingRow = (typeof SETTING_ROWS)[number];

/**
 * The models the plan knows: the catalog's ladder, or on a served backend (--backend openai) the models
 * the server serves, since serving another is done there.
 */
function knownModels(machine?: MachineFacts | null): readonly string[] {
	return machine?.servedBy ? machine.installed.map((model) => model.name) : defaultLadder;
}

/** The ladder in its order, each known model that is toggled off where the known order has it. */
function defaultOrder(settings: Settings, known: readonly string[]): string[] {
	const rank = (name: string) => known.indexOf(name);
	const names = [...settings.ladder];
	for (const name of known) {
		if (names.includes(name)) continue;
		const after = names.findLastIndex((other) => rank(other) !== -1 && rank(other) < rank(name));
		names.splice(after + 1, 0, name);
	}
	return names;
}

/**
 * The plan's model rows. `order` is the order the rows were drawn in: a toggled row keeps its
 * place (Space never moves a row); the ticked rows take the ladder's models in the ladder's
 * order, so u/d, which reorder the ladder, move them.
 */
export function planModels(settings: Settings, machine?: MachineFacts | null, order?: readonly string[]): {name: string; on: boolean}[] {
	const known = knownModels(machine);
	const base = defaultOrder(settings, known);
	const on = new Set(settings.ladder);
	const names = (order ?? base).filter((name) => on.has(name) || known.includes(name));
	for (const name of base) if (!names.includes(name)) names.push(name);
	let next = 0;
	return names.map((name) => (on.has(name) ? {name: settings.ladder[next++] as string, on: true} : {name, on: false}));
}

function rowCount(settings: Settings, machine?: MachineFacts | null, order?: readonly string[]): number {
	return planModels(settings, machine, order).length + SETTING_ROWS.length;
}

function cycle<T>(values: readonly T[], current: T, step: number): T {
	const index = values.indexOf(current);
	const next = index === -1 ? 0 : (index + step + values.length) % values.length;
	return values[next] as T;
}

/** `claudeModels`: what the Models API lists for the key; the built-in current ones only offline. */
function adjust(settings: Settings, row: SettingRow, step: number, claudeModels: readonly string[]): Settings {
	switch (row) {
		case 'threshold':
			return {...settings, threshold: Math.min(10, Math.max(0, Math.round((settings.threshold + step * 0.5) * 10) / 10))};
		case 'minRate':
			return {...settings, minRate: Math.max(1, settings.minRate + step)};
		case 'reps':
			return {...settings, reps: Math.min(20, Math.max(1, settings.reps + step))};
		case 'numCtx':
			return {...settings, numCtx: Math.min(131_072, Math.max(2048, step > 0 ? settings.numCtx * 2 : settings.numCtx / 2))};
		case 'claudeModel':
			return {...settings, claudeModel: cycle(claudeModels.includes(settings.claudeModel) ? claudeModels : [settings.claudeModel, ...claudeModels], settings.claudeModel, step)};
	}
}

/** `order`: the model rows in the order drawn after the press (keep it for the next one). */
export type PlanKeyResult = {cursor: number; settings: Settings; start: boolean; order: string[]};

/**
 * One press on the plan: the cursor, the settings after it, and whether it starts the experiment.
 * `machine.claudeModels`: what the Models API lists for the key (the built-in current ones only offline).
 * `order` is the order the model rows were drawn in (the previous result's), so a toggle keeps rows in place.
 */
export function planKey(settings: Settings, cursor: number, press: Press, machine?: MachineFacts | null, order?: readonly string[]): PlanKeyResult {
	const claudeModels = machine?.claudeModels ?? CLAUDE_FALLBACK_MODELS;
	const models = planModels(settings, machine, order);
	const drawn = models.map((model) => model.name);
	const same = {cursor, settings, start: false, order: drawn};
	if (press === 'up' || press === 'down') return {...same, cursor: moveCursor(cursor, press === 'up' ? -1 : 1, rowCount(settings, machine, drawn))};
	if (press === 'enter') return {...same, start: true};
	const model = models[cursor];
	if (model) {
		if (press === 'space') {
			// Re-ticked, a model goes back into the ladder at its row: after the ticked rows above it.
			const above = models.slice(0, cursor).filter((row) => row.on).length;
			const ladder = model.on ? settings.ladder.filter((name) => name !== model.name) : settings.ladder.toSpliced(above, 0, model.name);
			// The experiment needs at least one model on the ladder; an unticked round-one choice goes with it.
			if (ladder.length === 0) return same;
			const roundOne = model.on && settings.roundOne === model.name ? null : settings.roundOne;
			return {...same, settings: {...settings, ladder, roundOne}};
		}
		if (press === 'r' && model.on) {
			// r on the chosen model gives the choice back to the ladder rule.
			return {...same, settings: {...settings, roundOne: settings.roundOne === model.name ? null : model.name}};
		}
		const index = settings.ladder.indexOf(model.name);
		if (model.on && (press === 'u' || press === 'd')) {
			const target = press === 'u' ? index - 1 : index + 1;
			if (target < 0 || target >= settings.ladder.length) return same;
			const ladder = [...settings.ladder];
			[ladder[index], ladder[target]] = [ladder[target] as string, ladder[index] as string];
			const moved = {...settings, ladder};
			const rows = planModels(moved, machine, drawn).map((row) => row.name);
			return {cursor: rows.indexOf(model.name), settings: moved, start: false, order: rows};
		}
		return same;
	}
	const row = SETTING_ROWS[cursor - models.length];
	if (row && (press === 'left' || press === 'right')) return {...same, settings: adjust(settings, row, press === 'right' ? 1 : -1, claudeModels.length > 0 ? claudeModels : CLAUDE_FALLBACK_MODELS)};
	return same;
}

function settingText(settings: Settings, row: SettingRow): [string, string] {
	switch (row) {
		case 'threshold':
			return ['Threshold', `${settings.threshold.toFixed(1)} relative to Claude (trader)`];
		case 'minRate':
			return ['Minimum rate', `${settings.minRate} t/s`];
		case 'reps':
			return ['Repetitions', String(settings.reps)];
		case 'numCtx':
			return ['num_ctx', String(settings.numCtx)];
		case 'claudeModel':
			return ['Claude model', settings.claudeModel];
	}
}

/** The column headers and widths of the model rows: short headers when the full ones would cut "expected". */
type PlanLayout = {name: number; installed: string; fits: string};

/** The select list's cursor (2), "1[x] " (5), then the columns; "≤ 123.4 t/s" is the widest expected value. */
const rowWidth = (layout: PlanLayout): number => 2 + 5 + layout.name + 1 + 8 + 1 + layout.installed.length + 1 + layout.fits.length + 1 + '≤ 123.4 t/s'.length;

export function planLayout(width: number, names: readonly string[], served: boolean): PlanLayout {
	const name = Math.max('model'.length, ...names.map((entry) => entry.length));
	// A served backend: nothing is installed here and this machine's RAM says nothing.
	const full = {name: Math.max(18, name), installed: served ? 'served    ' : 'installed ', fits: 'fits RAM '};
	return rowWidth(full) <= width ? full : {name, installed: served ? 'served' : 'have', fits: 'RAM'};
}

function planHeader(layout: PlanLayout): string {
	return `   on  ${'model'.padEnd(layout.name)} ${'size'.padEnd(8)} ${layout.installed} ${layout.fits} expected`;
}

/** The rows of the plan's list; `roundOne` (the model the policy resolves to) is marked 1. */
export function planItems(settings: Settings, machine: MachineFacts | null, cursor: number, roundOne?: string, order?: readonly string[], width = 80): SelectItem[] {
	const models = planModels(settings, machine, order);
	const served = machine?.servedBy !== undefined;
	const layout = planLayout(width, models.map((model) => model.name), served);
	const modelRows = models.map((model): SelectItem => {
		const installed = machine?.installed.find((entry) => entry.name === model.name);
		const size = installed?.sizeBytes ?? catalogEntry(model.name)?.sizeBytes ?? null;
		const fits = size !== null && machine !== null && !served ? size * 1.1 <= machine.totalRamBytes * 0.75 : null;
		const ceiling = size !== null && machine?.bandwidthGBs ? (machine.bandwidthGBs * 1e9) / size : null;
		return {
			key: model.name,
			label: `${model.name === roundOne ? '1' : ' '}${model.on ? '[x]' : '[ ]'} ${model.name.padEnd(layout.name)} ${(size === null ? '?' : `${(size / 1e9).toFixed(1)} GB`).padEnd(8)} ${(installed ? 'yes' : 'no').padEnd(layout.installed.length)} ${(fits === null ? '?' : fits ? 'yes' : 'NO').padEnd(layout.fits.length)} ${ceiling === null ? '?' : `≤ ${ceiling.toFixed(1)} t/s`}`,
		};
	});
	const settingRows = SETTING_ROWS.map((row, offset): SelectItem => {
		const [label, value] = settingText(settings, row);
		const selected = models.length + offset === cursor;
		return {key: row, label: ` ${label.padEnd(14)} ${selected ? `‹ ${value} ›` : value}`, gapBefore: offset === 0};
	});
	return [...modelRows, ...settingRows];
}

/**
 * The plan's sentences that fit in `budget` rows, in order; when some do not, one row says how
 * many were left out, so a short terminal keeps room for the list (every model and setting must
 * stay reachable) rather than cut the last sentence mid-word.
 */
export function planSentences(lines: readonly string[], width: number, budget: number): {shown: string[]; left: number} {
	const total = lines.reduce((sum, line) => sum + wrappedRows(line, width), 0);
	if (total <= budget) return {shown: [...lines], left: 0};
	const shown: string[] = [];
	let used = 1; // the "more lines" row
	for (const line of lines) {
		const need = wrappedRows(line, width);
		if (used + need > budget) break;
		shown.push(line);
		used += need;
	}
	return {shown, left: lines.length - shown.length};
}

export type PlanScreenProps = {
	settings: Settings;
	machine: MachineFacts | null;
	cursor: number;
	rows: number;
	/** Columns the plan's sentences wrap at. */
	width: number;
	/** The plan as it stands now (strategy planSummary): exactly what runs. */
	plan?: string[];
	/** The round-one model the policy resolves to, marked in the list. */
	roundOne?: string;
	/** The order the model rows were drawn in (planKey's), so a toggle never moves a row. */
	order?: readonly string[];
};

export function PlanScreen({settings, machine, cursor, rows, width, plan: strategyPlan = [], roundOne, order}: PlanScreenProps): React.JSX.Element {
	const allLines = machine?.servedBy ? [`Served by ${machine.servedBy}: nothing is pulled or deleted; serving another model is done on the server.`, ...strategyPlan] : strategyPlan;
	const items = planItems(settings, machine, cursor, roundOne, order, width);
	// Title, header and the gap before the settings take three rows; the rest is shared.
	const body = rows - 3;
	const {shown: plan, left} = planSentences(allLines, width, body - Math.min(items.length, Math.max(3, Math.floor(body / 2))));
	const planRows = plan.reduce((sum, line) => sum + wrappedRows(line, width), 0) + (left > 0 ? 1 : 0);
	const layout = planLayout(width, planModels(settings, machine, order).map((model) => model.name), machine?.servedBy !== undefined);
	return (
		<Box flexDirection="column">
			<Text bold>Plan — the ladder and the settings</Text>
			<Text dimColor wrap="truncate">
				{planHeader(layout)}
			</Text>
			<SelectList items={items} cursor={cursor} rows={Math.max(3, body - planRows)} />
			{plan.map((line) => (
				<Prose key={line} dimColor>
					{line}
				</Prose>
			))}
			{left > 0 ? (
				<Text dimColor wrap="truncate">
					{`… ${left} more line${left === 1 ? '' : 's'} of the plan in a taller terminal`}
				</Text>
			) : null}
		</Box>
	);
}
