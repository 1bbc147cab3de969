// The running step's live screen: the step screens of issues 3-5, fed by the wizard's feed.
import React from 'react';
import {Box, Text} from 'ink';
import type {StepAction} from '../../experiment/strategy/index.js';
import {BenchScreen} from '../screens/benchScreen.js';
import {PullScreen} from '../screens/pullScreen.js';
import {ReasoningScreen} from '../screens/reasoningScreen.js';
import {ToolsScreen} from '../screens/toolsScreen.js';
import type {StepViews} from './stepViews.js';

const TITLES = {pull: 'Pull', bench: 'Benchmark', compare: 'Reasoning', tools: 'Tool calling'} as const;

/**
 * What runs beside the local step (issue 16): the round's download and the Claude baseline, one
 * line each, so the screen never hides work in progress. Null when nothing else runs.
 */
export function backgroundLines(action: StepAction, views: StepViews): string[] {
	const lines: string[] = [];
	const pull = views.pull;
	if (action.step !== 'pull' && pull.model !== null && pull.result === null && pull.total > 0) {
		lines.push(`↓ ${pull.model} downloading beside it: ${Math.floor((pull.completed / pull.total) * 100)} %`);
	}
	// The baseline's cells arrive before any compare screen opened, so they are found by subject.
	const claude = Object.keys(views.compare.cells).find((subject) => subject.startsWith('claude:'));
	if (action.step !== 'compare' && claude) {
		const roles = views.compare.roles.length;
		const done = Object.values(views.compare.cells[claude] ?? {}).filter((cell) => cell?.status === 'done').length;
		if (done < roles) lines.push(`Claude baseline beside it: ${done}/${roles} answers`);
	}
	return lines;
}

export function StepScreen({action, views, animate, simulated}: {action: StepAction; views: StepViews; animate: boolean; simulated: boolean}): React.JSX.Element {
	const what = action.models.length > 0 ? action.models.join(', ') : 'Claude baseline';
	return (
		<Box flexDirection="column">
			<Text bold>{`Round ${action.round} · ${TITLES[action.step]} · ${what}`}</Text>
			{backgroundLines(action, views).map((line) => (
				<Text key={line.slice(0, 12)} dimColor>
					{line}
				</Text>
			))}
			{action.step === 'pull' ? <PullScreen view={views.pull} animate={animate} simulated={simulated} /> : null}
			{action.step === 'bench' ? <BenchScreen view={views.bench} animate={animate} simulated={simulated} width={80} /> : null}
			{action.step === 'compare' ? <ReasoningScreen view={views.compare} animate={animate} simulated={simulated} width={80} /> : null}
			{action.step === 'tools' ? <ToolsScreen view={views.tools} animate={animate} simulated={simulated} width={80} /> : null}
		</Box>
	);
}
