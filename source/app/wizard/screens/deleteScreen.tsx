// Round 2's guard: never two 70B-class models at once. Deleting needs an explicit yes; keeping
// the first skips the pull of the second. A model that met the threshold is kept by default.
import React from 'react';
import {Box, Text} from 'ink';

export type DeleteOption = 'delete' | 'keep';

/** In the order shown; the first is where the cursor starts (keep, when the model met the threshold). */
export function deleteOptions(protect: boolean): DeleteOption[] {
	return protect ? ['keep', 'delete'] : ['delete', 'keep'];
}

export function DeleteScreen({model, next, cursor, protect = false}: {model: string; next: string; cursor: number; protect?: boolean}): React.JSX.Element {
	const text: Record<DeleteOption, string> = {delete: `Delete ${model}, then pull ${next}`, keep: `Keep ${model} and skip ${next}`};
	const labels = deleteOptions(protect).map((option) => text[option]);
	return (
		<Box flexDirection="column">
			<Text bold>Make room for {next}</Text>
			<Text wrap="wrap">
				{model} is installed and is also 70B-class: trifecta never holds two at once. Its measurements stay in the results.
				{protect ? ` ${model} met the threshold: keeping it is the default.` : ''}
			</Text>
			<Box flexDirection="column" marginTop={1}>
				{labels.map((label, index) => (
					<Text key={label} inverse={index === cursor}>
						{`${index === cursor ? '›' : ' '} ${label}`}
					</Text>
				))}
			</Box>
		</Box>
	);
}
