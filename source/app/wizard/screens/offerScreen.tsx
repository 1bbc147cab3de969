// The configs offer, after the final verdict: every hybrid config by name, where each file
// would go, what the pipeline patch changes; nothing is written until the user picks Write.
// The diff itself opens in a view of its own (Show the diff), scrolled a page at a time.
import React from 'react';
import {Box, Text} from 'ink';
import type {ConfigsOffer} from '../../../experiment/runner/index.js';
import {ListPage} from '../../components/listPage.js';
import {Prose} from '../../components/prose.js';

export type OfferChoice = 'write' | 'json' | 'diff' | 'skip';

export function offerOptions(offer: ConfigsOffer): {choice: OfferChoice; label: string}[] {
	const files = offer.pipeline.changes.length;
	if (files === 0) {
		return [
			{choice: 'write', label: 'Write the configs file'},
			{choice: 'skip', label: 'Skip: write nothing'},
		];
	}
	return [
		{choice: 'write', label: `Write the configs file and patch ${files} pipeline file${files === 1 ? '' : 's'}`},
		{choice: 'diff', label: 'Show the diff'},
		{choice: 'json', label: 'Write only the configs file (leave the pipeline alone)'},
		{choice: 'skip', label: 'Skip: write nothing'},
	];
}

function pipelineLine(offer: ConfigsOffer): string {
	const {pipeline} = offer;
	if (!pipeline.found) return `No pipeline in ${pipeline.dir} (no src/hybrid_llm.py; --pipeline-dir points at one): only the configs file is written.`;
	if (pipeline.changes.length === 0) return `The pipeline in ${pipeline.dir} already has these configs: nothing to patch.`;
	return `Pipeline ${pipeline.dir}: ${pipeline.changes.map((change) => `${change.relative} +${change.added} -${change.removed}`).join(', ')} (backups kept; patching twice changes nothing)`;
}

export function OfferScreen({offer, cursor, rows}: {offer: ConfigsOffer; cursor: number; rows: number}): React.JSX.Element {
	return (
		<ListPage rows={rows} items={offerOptions(offer).map((option) => ({key: option.choice, label: option.label}))} cursor={cursor}>
			<Text bold>{`Hybrid configs for ${offer.model}`}</Text>
			{offer.configs.map((config) => (
				<Text key={config.name} wrap="truncate">
					{`• ${config.name}: ${config.description}`}
				</Text>
			))}
			<Box flexDirection="column" marginTop={1}>
				<Prose>{`Configs file: ${offer.jsonFile}`}</Prose>
				<Prose>{pipelineLine(offer)}</Prose>
				{offer.pipeline.notes ? (
					<Text dimColor wrap="truncate">
						{offer.pipeline.notes.split('\n')[0]}
					</Text>
				) : null}
			</Box>
		</ListPage>
	);
}
