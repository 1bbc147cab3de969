// After a Write that patched the pipeline in a git repository: commit those files? The git
// commands are shown before anything runs; No is the default, and the runner makes the commit.
import React from 'react';
import {Box} from 'ink';
import type {CommitPlan} from '../../../output/configs/commit.js';
import {ListPage} from '../../components/listPage.js';
import {Prose} from '../../components/prose.js';

export type CommitChoice = 'no' | 'yes';

export const COMMIT_OPTIONS: {choice: CommitChoice; label: string}[] = [
	{choice: 'no', label: 'No: leave them uncommitted'},
	{choice: 'yes', label: 'Yes: run these commands'},
];

export function CommitScreen({plan, cursor, rows}: {plan: CommitPlan; cursor: number; rows: number}): React.JSX.Element {
	return (
		<ListPage rows={rows} items={COMMIT_OPTIONS.map((option) => ({key: option.choice, label: option.label}))} cursor={cursor}>
			<Prose bold>{`Commit the configs in ${plan.pipelineDir}?`}</Prose>
			<Box flexDirection="column" marginTop={1} paddingLeft={2}>
				{plan.commands.map((command) => (
					<Prose key={command}>{command}</Prose>
				))}
			</Box>
		</ListPage>
	);
}
