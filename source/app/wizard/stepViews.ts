// The live views of the step screens, fed by the runner's step events through one event feed so
// a stream of deltas costs a handful of renders. Each step's reducer is the step screen's own.
import type {StepEvent} from '../../experiment/events.js';
import {benchViewReducer, initialBenchView, type BenchView} from '../state/benchView.js';
import {initialCompareView, reduceCompareView, type CompareView} from '../state/compareView.js';
import {initialPullView, pullViewReducer, type PullView} from '../state/pullView.js';
import {initialToolsView, reduceToolsView, type ToolsView} from '../state/toolsView.js';

export type StepViews = {pull: PullView; bench: BenchView; compare: CompareView; tools: ToolsView};

export const initialStepViews: StepViews = {
	pull: initialPullView,
	bench: initialBenchView,
	compare: initialCompareView,
	tools: initialToolsView,
};

export type StepViewEvent = StepEvent | {type: 'reset'};

export function reduceStepViews(views: StepViews, event: StepViewEvent): StepViews {
	if (event.type === 'reset') return initialStepViews;
	if (event.type.startsWith('pull:')) return {...views, pull: pullViewReducer(views.pull, event as Parameters<typeof pullViewReducer>[1])};
	if (event.type.startsWith('bench:')) return {...views, bench: benchViewReducer(views.bench, event as Parameters<typeof benchViewReducer>[1])};
	if (event.type.startsWith('compare:')) return {...views, compare: reduceCompareView(views.compare, event as Parameters<typeof reduceCompareView>[1])};
	if (event.type.startsWith('tools:')) return {...views, tools: reduceToolsView(views.tools, event as Parameters<typeof reduceToolsView>[1])};
	// Notices belong to whichever step is running; each view keeps its own warnings.
	if (event.type === 'warning' || event.type === 'info' || event.type === 'step-error') {
		return {
			pull: pullViewReducer(views.pull, event),
			bench: benchViewReducer(views.bench, event),
			compare: reduceCompareView(views.compare, event),
			tools: reduceToolsView(views.tools, event),
		};
	}
	return views;
}
