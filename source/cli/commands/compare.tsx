// `trifecta compare [model...]`: the isolated reasoning comparison with its live grid, or plain
// lines (scores on stdout, progress on stderr); with --json, stdout carries {"models":[...],"baseline":{...}} and nothing else.
// Exit 1 when any cell failed (its reason is in the results), 130 when interrupted.
import {runCompare, type CompareOutcome} from '../../experiment/steps/compare/compare.js';
import type {CompareEvent, NoticeEvent, StepEvent} from '../../experiment/events.js';
import {initialCompareView, reduceCompareView} from '../../app/state/compareView.js';
import {ReasoningScreen} from '../../app/screens/reasoningScreen.js';
import {compareLine} from '../../app/lines/compareLines.js';
import {outcomeLines} from '../../app/lines/runLines.js';
import type {CommandModule} from '../types.js';
import {isNoticeEvent, runLiveCommand} from './liveStep.js';

export function isCompareScreenEvent(event: StepEvent): event is CompareEvent | NoticeEvent {
	return event.type.startsWith('compare:') || isNoticeEvent(event);
}

export function anyCellFailed(outcome: CompareOutcome): boolean {
	const all = [...Object.values(outcome.models), outcome.baseline.reasoning];
	// A market that failed inside a role counts too: its answer is missing from the mean.
	return all.some((reasoning) => Object.values(reasoning).some((response) => response.status === 'error' || response.scenarios?.some((s) => s.status === 'error')));
}

export const compareCommand: CommandModule = {
	run: (input) =>
		runLiveCommand(input, {
			initial: initialCompareView,
			reducer: reduceCompareView,
			accept: isCompareScreenEvent,
			Screen: ReasoningScreen,
			line: compareLine,
			// Each scored cell and the baseline's cost: the comparison itself. A cell that failed is an error (stderr).
			result: (event) => (event.type === 'compare:cell-done' && event.response.status !== 'error') || event.type === 'compare:baseline-done',
			run: runCompare,
			// The baseline this run measured; after an interrupt or a failure, the one stored before.
			json: ({models, stored, outcome}) => ({models, baseline: outcome.status === 'done' ? outcome.result.baseline : stored.baseline}),
			interrupted: 'Finished cells are kept; run the same command again to redo the rest.',
			failedMessage: 'Some cells could not be run: their reasons are above and in the results; run the same command again to redo them.',
			failed: anyCellFailed,
			// Each model's threshold outcome, worded as run words it (meets / misses / inconclusive and why).
			summary: outcomeLines,
		}),
};
