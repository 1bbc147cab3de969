// Round 2's guard: never two 70B-class models at once. Deleting needs an explicit yes; keeping
// the first skips the pull of the second. A model that met the threshold is kept by default.
import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../../components/selectList.js';
import {Prose} from '../../components/prose.js';
import {ONE_AT_A_TIME_WORDS} from '../../../models/tiers.js';

export type DeleteOption = 'delete' | 'keep';

/** In the order shown; the first is where the cursor starts (keep, when the model met the threshold). */
export function deleteOptions(protect: boolean): DeleteOption[] {
	return protect ? ['keep', 'delete'] : ['delete', 'keep'];
}

export function DeleteScreen({model, next, cursor, protect = false}: {model: string; next: string; cursor: number; protect?: boolean}): React.JSX.Element {
	const text: Record<DeleteOption, string> = {delete: `Delete ${model}, then pull ${next}`, keep: `Keep ${model} and skip ${next}`};
	return (
		<Box flexDirection="column">
			<Text bold>Make room for {next}</Text>
			<Prose>
				{model} is installed and is also {ONE_AT_A_TIME_WORDS}: trifecta never holds two at once. Its measurements stay in the results.
				{protect ? ` ${model} met the threshold: keeping it is the default.` : ''}
			</Prose>
			<Box flexDirection="column" marginTop={1}>
				<SelectList items={deleteOptions(protect).map((option) => ({key: option, label: text[option]}))} cursor={cursor} />
			</Box>
		</Box>
	);
}
