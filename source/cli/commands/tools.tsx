// `trifecta tools [model...]`: the tool-calling test with its live grids, or plain lines
// (outcomes on stdout, progress on stderr); with --json, stdout carries {"models":[...]} and nothing else. A FAIL is a measurement
// (exit 0); exit 1 only when a scenario could not be run at all, 130 when interrupted.
import {runTools} from '../../experiment/steps/tools.js';
import type {ToolsEvent, NoticeEvent, StepEvent} from '../../experiment/events.js';
import type {ToolCallingResult} from '../../domain/schema.js';
import {initialToolsView, reduceToolsView} from '../../app/state/toolsView.js';
import {ToolsScreen} from '../../app/screens/toolsScreen.js';
import {toolsLine} from '../../app/lines/toolsLines.js';
import type {CommandModule} from '../types.js';
import {isNoticeEvent, runLiveCommand} from './liveStep.js';

export function isToolsScreenEvent(event: StepEvent): event is ToolsEvent | NoticeEvent {
	return event.type.startsWith('tools:') || isNoticeEvent(event);
}

export function anyScenarioErrored(results: Record<string, ToolCallingResult>): boolean {
	return Object.values(results).some((result) =>
		[result.native, result.openai].some((endpoint) => endpoint?.scenarios.some((scenario) => scenario.outcome === 'error')),
	);
}

export const toolsCommand: CommandModule = {
	run: (input) =>
		runLiveCommand(input, {
			initial: initialToolsView,
			reducer: reduceToolsView,
			accept: isToolsScreenEvent,
			Screen: ToolsScreen,
			line: toolsLine,
			// Each scenario's outcome (a FAIL is a finding) and each endpoint's tally; a scenario that could not run is an error (stderr).
			result: (event) => (event.type === 'tools:scenario-done' && event.outcome.outcome !== 'error') || event.type === 'tools:endpoint-done',
			run: runTools,
			json: ({models}) => ({models}),
			interrupted: 'Finished models are kept; run the same command again to redo the rest.',
			failedMessage: 'Some scenarios could not be run: their reasons are above and in the results; run the same command again to redo them.',
			failed: anyScenarioErrored,
		}),
};
