// Tool-calling events as plain stderr lines for non-interactive runs: one line per scenario
// outcome (with its reason when it did not pass) and one summary per endpoint.
import type {NoticeEvent, ToolsEvent} from '../../experiment/events.js';
import {ENDPOINT_TITLES, SCENARIO_HEADINGS} from '../screens/toolsScreen.js';
import {noticeLine} from './noticeLine.js';

export type ToolsLineFormatter = (event: ToolsEvent | NoticeEvent) => string | null;

export function toolsLine(event: ToolsEvent | NoticeEvent): string | null {
	switch (event.type) {
		case 'tools:start':
			return `testing tool calling for ${event.models.join(', ')} on ${event.endpoints.map((endpoint) => ENDPOINT_TITLES[endpoint]).join(' and ')}`;
		case 'tools:scenario-start':
			return null;
		case 'tools:scenario-done': {
			const {outcome} = event;
			const label = `  ${event.model} ${event.endpoint} ${SCENARIO_HEADINGS[outcome.id]}`;
			if (outcome.outcome === 'unsupported') return null;
			const ms = `${Math.round(outcome.latencyMs)} ms`;
			if (outcome.outcome === 'pass') return `${label}: PASS (${ms})`;
			return `${label}: ${outcome.outcome === 'fail' ? 'FAIL' : 'ERROR'} ${outcome.reason} (${ms})`;
		}
		case 'tools:endpoint-done':
			return event.result.supported
				? `  ${event.model} ${event.endpoint}: ${event.result.passed}/${event.result.total} passed`
				: `  ${event.model} ${event.endpoint}: unsupported, ${event.result.scenarios[0]?.reason ?? 'no tool support'}`;
		case 'tools:done':
			return null;
		case 'warning':
		case 'info':
		case 'step-error':
			return noticeLine(event);
	}
}

export function createToolsLines(): ToolsLineFormatter {
	return toolsLine;
}
