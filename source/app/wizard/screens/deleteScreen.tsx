// Round 2's guard: never two 70B-class models at once. Deleting needs an explicit yes; keeping
// the first skips the pull of the second.
import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../../components/selectList.js';
import {Prose} from '../../components/prose.js';

export const DELETE_OPTIONS = ['delete', 'keep'] as const;

export function DeleteScreen({model, next, cursor}: {model: string; next: string; cursor: number}): React.JSX.Element {
	const labels = [`Delete ${model}, then pull ${next}`, `Keep ${model} and skip ${next}`];
	return (
		<Box flexDirection="column">
			<Text bold>Make room for {next}</Text>
			<Prose>
				{model} is installed and is also 70B-class: trifecta never holds two at once. Its measurements stay in the results.
			</Prose>
			<Box flexDirection="column" marginTop={1}>
				<SelectList items={labels.map((label, index) => ({key: DELETE_OPTIONS[index] ?? label, label}))} cursor={cursor} />
			</Box>
		</Box>
	);
}
