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

/** The ladder in its order, then the known models that are toggled off. */
export function planModels(settings: Settings): {name: string; on: boolean}[] {
	const off = defaultLadder.filter((name) => !settings.ladder.includes(name));
	return [...settings.ladder.map((name) => ({name, on: true})), ...off.map((name) => ({name, on: false}))];
}

function rowCount(settings: Settings): number {
	return planModels(settings).length + SETTING_ROWS.length;
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

export type PlanKeyResult = {cursor: number; settings: Settings; start: boolean};

/** One press on the plan: the cursor, the settings after it, and whether it starts the experiment. */
export function planKey(settings: Settings, cursor: number, press: Press, claudeModels: readonly string[] = CLAUDE_FALLBACK_MODELS): PlanKeyResult {
	const models = planModels(settings);
	const same = {cursor, settings, start: false};
	if (press === 'up' || press === 'down') return {...same, cursor: moveCursor(cursor, press === 'up' ? -1 : 1, rowCount(settings))};
	if (press === 'enter') return {...same, start: true};
	const model = models[cursor];
	if (model) {
		if (press === 'space') {
			const ladder = model.on ? settings.ladder.filter((name) => name !== model.name) : [...settings.ladder, model.name];
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
			return {cursor: target, settings: {...settings, ladder}, start: false};
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
			return ['Threshold', `${settings.threshold.toFixed(1)} trader score`];
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

const HEADER = `   on  ${'model'.padEnd(18)} ${'size'.padEnd(8)} ${'installed'.padEnd(10)} ${'fits RAM'.padEnd(9)} expected`;

/** The rows of the plan's list; `roundOne` (the model the policy resolves to) is marked 1. */
export function planItems(settings: Settings, machine: MachineFacts | null, cursor: number, roundOne?: string): SelectItem[] {
	const models = planModels(settings);
	const modelRows = models.map((model): SelectItem => {
		const installed = machine?.installed.find((entry) => entry.name === model.name);
		const size = installed?.sizeBytes ?? catalogEntry(model.name)?.sizeBytes ?? null;
		const fits = size !== null && machine !== null ? size * 1.1 <= machine.totalRamBytes * 0.75 : null;
		const ceiling = size !== null && machine?.bandwidthGBs ? (machine.bandwidthGBs * 1e9) / size : null;
		return {
			key: model.name,
			label: `${model.name === roundOne ? '1' : ' '}${model.on ? '[x]' : '[ ]'} ${model.name.padEnd(18)} ${(size === null ? '?' : `${(size / 1e9).toFixed(1)} GB`).padEnd(8)} ${(installed ? 'yes' : 'no').padEnd(10)} ${(fits === null ? '?' : fits ? 'yes' : 'NO').padEnd(9)} ${ceiling === null ? '?' : `≤ ${ceiling.toFixed(1)} t/s`}`,
		};
	});
	const settingRows = SETTING_ROWS.map((row, offset): SelectItem => {
		const [label, value] = settingText(settings, row);
		const selected = models.length + offset === cursor;
		return {key: row, label: ` ${label.padEnd(14)} ${selected ? `‹ ${value} ›` : value}`, gapBefore: offset === 0};
	});
	return [...modelRows, ...settingRows];
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
};

export function PlanScreen({settings, machine, cursor, rows, width, plan = [], roundOne}: PlanScreenProps): React.JSX.Element {
	const planRows = plan.reduce((sum, line) => sum + wrappedRows(line, width), 0);
	return (
		<Box flexDirection="column">
			<Text bold>Plan — the ladder and the settings</Text>
			<Text dimColor wrap="truncate">
				{HEADER}
			</Text>
			{/* Title, header and the gap before the settings take three rows; the plan's sentences what they wrap to. */}
			<SelectList items={planItems(settings, machine, cursor, roundOne)} cursor={cursor} rows={Math.max(3, rows - 3 - planRows)} />
			{plan.map((line) => (
				<Prose key={line} dimColor>
					{line}
				</Prose>
			))}
		</Box>
	);
}
