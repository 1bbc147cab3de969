// The running step's live screen: the step screens of issues 3-5, fed by the wizard's feed,
// laid out in the columns the wizard gives it (the wizard bounds its height).
import React from 'react';
import {Box, Text} from 'ink';
import type {StepAction} from '../../experiment/strategy/index.js';
import {BenchScreen} from '../screens/benchScreen.js';
import {PullScreen} from '../screens/pullScreen.js';
import {ReasoningScreen} from '../screens/reasoningScreen.js';
import {ToolsScreen} from '../screens/toolsScreen.js';
import type {StepViews} from './stepViews.js';
import {besideLines, initialBesideView, type BesideView} from './besideView.js';

const TITLES = {pull: 'Pull', bench: 'Benchmark', compare: 'Reasoning', tools: 'Tool calling'} as const;

export type StepScreenProps = {action: StepAction; views: StepViews; animate: boolean; simulated: boolean; width: number; beside?: BesideView};

export function StepScreen({action, views, animate, simulated, width, beside = initialBesideView}: StepScreenProps): React.JSX.Element {
	const what = action.models.length > 0 ? action.models.join(', ') : 'Claude baseline';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">{`Round ${action.round} · ${TITLES[action.step]} · ${what}`}</Text>
			{/* Under the title, so the wizard's bounded live region cuts the step's table before them. */}
			{besideLines(beside, action.step).map((line) => (
				<Text key={line.slice(0, 14)} dimColor wrap="truncate">
					{line}
				</Text>
			))}
			{action.step === 'pull' ? <PullScreen view={views.pull} animate={animate} simulated={simulated} width={width} /> : null}
			{action.step === 'bench' ? <BenchScreen view={views.bench} animate={animate} simulated={simulated} width={width} /> : null}
			{action.step === 'compare' ? <ReasoningScreen view={views.compare} animate={animate} simulated={simulated} width={width} /> : null}
			{action.step === 'tools' ? <ToolsScreen view={views.tools} animate={animate} simulated={simulated} width={width} /> : null}
		</Box>
	);
}
