// Points per rubric dimension as bars, so a reader sees at a glance where a response lost its
// score (the Verdict screen and the Reasoning screen's detail use them).
import React from 'react';
import {Box, Text} from 'ink';
import type {RubricDimension} from '../../domain/schema.js';
import {ProgressBar} from './progressBar.js';

export type ScoreBarProps = {
	label: string;
	points: number;
	max: number;
	/** Bar width in cells. */
	width?: number;
	labelWidth?: number;
	note?: string;
};

function toneFor(fraction: number): string {
	if (fraction >= 0.8) return 'green';
	if (fraction >= 0.5) return 'yellow';
	return 'red';
}

export function formatPoints(points: number, max: number): string {
	const show = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
	return `${show(points)}/${show(max)}`;
}

export function ScoreBar({label, points, max, width = 20, labelWidth = 20, note}: ScoreBarProps): React.JSX.Element {
	const fraction = max > 0 ? points / max : 0;
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text wrap="truncate">{label}</Text>
			</Box>
			<ProgressBar fraction={fraction} width={width} color={toneFor(fraction)} />
			<Box width={8} flexShrink={0} justifyContent="flex-end">
				<Text>{formatPoints(points, max)}</Text>
			</Box>
			{note ? (
				<Box marginLeft={1} flexShrink={1}>
					<Text dimColor wrap="truncate">
						{note}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

export type ScoreBarsProps = {dimensions: RubricDimension[]; width?: number; showNotes?: boolean};

/** One bar per rubric dimension, in the rubric's order. */
export function ScoreBars({dimensions, width = 16, showNotes = true}: ScoreBarsProps): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{dimensions.map((dimension) => (
				<ScoreBar
					key={dimension.id}
					label={dimension.label}
					points={dimension.points}
					max={dimension.max}
					width={width}
					note={showNotes ? dimension.note : undefined}
				/>
			))}
		</Box>
	);
}
