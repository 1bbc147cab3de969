// Folds tool-calling events into the Tool-calling screen's grids: one models x scenarios grid per
// endpoint, each cell waiting, running, or the scenario's outcome.
import type {Endpoint, NoticeEvent, ToolsEvent} from '../../experiment/events.js';
import type {EndpointToolResult, ToolScenarioId, ToolScenarioOutcome} from '../../domain/schema.js';

export const TOOL_SCENARIOS: readonly ToolScenarioId[] = ['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak'];
const MAX_WARNINGS = 5;

export type ToolCell = {status: 'waiting'} | {status: 'running'} | {status: 'done'; outcome: ToolScenarioOutcome};

export type ToolGridKey = `${string}|${Endpoint}`;

export type ToolsView = {
	models: string[];
	endpoints: Endpoint[];
	/** Keyed by `${model}|${endpoint}`, then scenario id. */
	cells: Record<ToolGridKey, Partial<Record<ToolScenarioId, ToolCell>>>;
	summaries: Record<ToolGridKey, EndpointToolResult>;
	running: {model: string; endpoint: Endpoint; scenario: ToolScenarioId} | null;
	warnings: string[];
};

export const initialToolsView: ToolsView = {models: [], endpoints: [], cells: {}, summaries: {}, running: null, warnings: []};

export function gridKey(model: string, endpoint: Endpoint): ToolGridKey {
	return `${model}|${endpoint}`;
}

export function toolCell(view: ToolsView, model: string, endpoint: Endpoint, scenario: ToolScenarioId): ToolCell {
	return view.cells[gridKey(model, endpoint)]?.[scenario] ?? {status: 'waiting'};
}

function setCell(view: ToolsView, model: string, endpoint: Endpoint, scenario: ToolScenarioId, cell: ToolCell): ToolsView {
	const key = gridKey(model, endpoint);
	return {...view, cells: {...view.cells, [key]: {...view.cells[key], [scenario]: cell}}};
}

export function reduceToolsView(view: ToolsView, event: ToolsEvent | NoticeEvent): ToolsView {
	switch (event.type) {
		case 'tools:start':
			return {...view, models: [...event.models], endpoints: [...event.endpoints], cells: {}, summaries: {}, running: null};
		case 'tools:scenario-start':
			return {
				...setCell(view, event.model, event.endpoint, event.scenario, {status: 'running'}),
				running: {model: event.model, endpoint: event.endpoint, scenario: event.scenario},
			};
		case 'tools:scenario-done': {
			const next = setCell(view, event.model, event.endpoint, event.outcome.id, {status: 'done', outcome: event.outcome});
			const running = view.running;
			const finished = running?.model === event.model && running.endpoint === event.endpoint && running.scenario === event.outcome.id;
			return {...next, running: finished ? null : running};
		}
		case 'tools:endpoint-done':
			return {...view, summaries: {...view.summaries, [gridKey(event.model, event.endpoint)]: event.result}};
		case 'warning':
			// The same SDK warning can arrive from the services and from the step: show it once.
			if (view.warnings.includes(event.message)) return view;
			return {...view, warnings: [...view.warnings, event.message].slice(-MAX_WARNINGS)};
		default:
			return view;
	}
}
