// The Tool-calling screen: one models x scenarios grid per endpoint, filling in as results
// arrive (PASS / FAIL / n/a when the model does not support tools), with the reason for every
// failure underneath. Renders ToolsView only; the step does the work.
import React from 'react';
import {Box, Text} from 'ink';
import type {Endpoint} from '../../experiment/events.js';
import type {ToolScenarioId} from '../../domain/schema.js';
import {GridCell, type CellTone} from '../components/gridCell.js';
import {gridKey, TOOL_SCENARIOS, toolCell, type ToolCell, type ToolsView} from '../state/toolsView.js';
import {SimulatedBanner} from '../components/simulatedBanner.js';
import {fitWidths} from '../components/fitWidths.js';

export type ToolsScreenProps = {view: ToolsView; animate: boolean; simulated?: boolean; width?: number};

const LABEL_WIDTH = 22;
const CELL_WIDTH = 9;

export const ENDPOINT_TITLES: Record<Endpoint, string> = {
	native: 'native /api/chat',
	openai: 'OpenAI-compatible /v1/chat/completions',
};

export const SCENARIO_HEADINGS: Record<ToolScenarioId, string> = {
	'single-call': 'call',
	'choose-tool': 'choose',
	'use-result': 'result',
	'structured-output': 'schema',
	'no-leak': 'no-leak',
};

function display(cell: ToolCell): {text: string; tone: CellTone; running: boolean} {
	if (cell.status === 'waiting') return {text: '·', tone: 'muted', running: false};
	if (cell.status === 'running') return {text: '', tone: 'normal', running: true};
	switch (cell.outcome.outcome) {
		case 'pass':
			return {text: 'PASS', tone: 'good', running: false};
		case 'fail':
			return {text: 'FAIL', tone: 'bad', running: false};
		case 'unsupported':
			return {text: 'n/a', tone: 'muted', running: false};
		default:
			return {text: 'ERROR', tone: 'warn', running: false};
	}
}

const PASSED_WIDTH = 12;

function passedText(view: ToolsView, model: string, endpoint: Endpoint): string {
	const summary = view.summaries[gridKey(model, endpoint)];
	return summary ? (summary.supported ? `${summary.passed}/${summary.total}` : 'unsupported') : '';
}

/** The grid's widths at `width`: names give way first, then the cells; "passed" is never cut to "pas". */
export function toolsWidths(view: ToolsView, endpoint: Endpoint, width: number): {label: number; cells: number[]} {
	const scenarios = TOOL_SCENARIOS.map((scenario) => {
		const texts = view.models.map((model) => {
			const shown = display(toolCell(view, model, endpoint, scenario));
			return shown.text.length + (shown.running ? 2 : 0);
		});
		return {natural: CELL_WIDTH, min: Math.max(SCENARIO_HEADINGS[scenario].length, ...texts) + 1};
	});
	const passed = {natural: PASSED_WIDTH, min: Math.max('passed'.length, ...view.models.map((model) => passedText(view, model, endpoint).length)) + 1};
	return fitWidths(width, {natural: LABEL_WIDTH, min: Math.max('model'.length, ...view.models.map((model) => model.length)) + 1}, [...scenarios, passed]);
}

function EndpointGrid({view, endpoint, animate, width}: {view: ToolsView; endpoint: Endpoint; animate: boolean; width: number}): React.JSX.Element {
	const widths = toolsWidths(view, endpoint, width);
	const passedWidth = widths.cells[TOOL_SCENARIOS.length] ?? PASSED_WIDTH;
	const reasons: {key: string; text: string; tone: CellTone}[] = [];
	for (const model of view.models) {
		const summary = view.summaries[gridKey(model, endpoint)];
		if (summary && !summary.supported) {
			reasons.push({key: `${model}:unsupported`, text: `${model}: unsupported, ${summary.scenarios[0]?.reason ?? 'no tool support'}`, tone: 'muted'});
			continue;
		}
		for (const scenario of TOOL_SCENARIOS) {
			const cell = toolCell(view, model, endpoint, scenario);
			if (cell.status === 'done' && (cell.outcome.outcome === 'fail' || cell.outcome.outcome === 'error')) {
				reasons.push({key: `${model}:${scenario}`, text: `${model} ${SCENARIO_HEADINGS[scenario]}: ${cell.outcome.reason}`, tone: cell.outcome.outcome === 'fail' ? 'bad' : 'warn'});
			}
		}
	}
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{ENDPOINT_TITLES[endpoint]}</Text>
			<Box>
				<Box width={widths.label} flexShrink={0}>
					<Text dimColor>model</Text>
				</Box>
				{TOOL_SCENARIOS.map((scenario, index) => (
					<GridCell key={scenario} width={widths.cells[index] ?? CELL_WIDTH} text={SCENARIO_HEADINGS[scenario]} tone="muted" animate={animate} />
				))}
				<GridCell width={passedWidth} text="passed" tone="muted" animate={animate} />
			</Box>
			{view.models.map((model) => {
				const passed = passedText(view, model, endpoint);
				return (
					<Box key={model}>
						<Box width={widths.label} flexShrink={0}>
							<Text wrap="truncate">{model}</Text>
						</Box>
						{TOOL_SCENARIOS.map((scenario, index) => {
							const shown = display(toolCell(view, model, endpoint, scenario));
							return <GridCell key={scenario} width={widths.cells[index] ?? CELL_WIDTH} text={shown.text} tone={shown.tone} running={shown.running} animate={animate} />;
						})}
						<GridCell width={passedWidth} text={passed} animate={animate} />
					</Box>
				);
			})}
			{reasons.map((reason) => (
				<Text key={reason.key} color={reason.tone === 'bad' ? 'red' : reason.tone === 'warn' ? 'yellow' : undefined} dimColor={reason.tone === 'muted'}>
					{reason.text}
				</Text>
			))}
		</Box>
	);
}

export function ToolsScreen({view, animate, simulated = false, width = 80}: ToolsScreenProps): React.JSX.Element {
	return (
		<Box flexDirection="column" width={width}>
			<SimulatedBanner show={simulated} />
			<Text bold>Tool calling, as the pipeline calls models</Text>
			{view.endpoints.map((endpoint) => (
				<EndpointGrid key={endpoint} view={view} endpoint={endpoint} animate={animate} width={width} />
			))}
			{view.warnings.map((warning, index) => (
				<Text key={index} color="yellow">
					warning: {warning}
				</Text>
			))}
		</Box>
	);
}
