// Escalation: accept the recommended 70B-class model, swap to the other, or skip; with each
// candidate's predicted speed on this machine, its ceiling, its fit, and any delete it needs.
// The default (what --yes takes) is listed first, so Enter takes it.
import React from 'react';
import {Box, Text} from 'ink';
import {ListPage} from '../../components/listPage.js';
import type {EscalationChoice, EscalationOffer} from '../../../experiment/strategy/index.js';
import {candidateLine} from '../../lines/runLines.js';
import {Prose} from '../../components/prose.js';

export type EscalationOption = {choice: EscalationChoice; label: string};

export function escalationOptions(offer: EscalationOffer): EscalationOption[] {
	const mark = (choice: EscalationChoice) => (choice === offer.defaultChoice ? ' (recommended)' : '');
	const escalate: EscalationOption[] = [
		{choice: 'accept', label: `Escalate to ${offer.recommended}${mark('accept')}`},
		...(offer.alternative ? [{choice: 'swap' as const, label: `Swap to ${offer.alternative}`}] : []),
	];
	// After an inconclusive round, skipping is how the quality gets settled before 40 GB are pulled.
	const skipWhat = offer.roundCheck.outcome === 'inconclusive' ? 'pull no 70B until the quality is settled' : 'stop here and record the ceiling';
	const skip: EscalationOption = {choice: 'skip', label: `Skip: ${skipWhat}${mark('skip')}`};
	return offer.defaultChoice === 'skip' ? [skip, ...escalate] : [...escalate, skip];
}

export function EscalationScreen({offer, cursor, rows}: {offer: EscalationOffer; cursor: number; rows: number}): React.JSX.Element {
	return (
		<ListPage rows={rows} items={escalationOptions(offer).map((option) => ({key: option.choice, label: option.label}))} cursor={cursor}>
			<Text bold>Escalation after round {offer.afterRound}</Text>
			<Prose>{offer.reason}</Prose>
			<Box flexDirection="column" marginTop={1}>
				{offer.candidates.map((candidate) => (
					<Prose key={candidate.model} color={candidate.fitsRam && candidate.fitsDisk !== false ? undefined : 'red'}>
						{`• ${candidateLine(candidate)}`}
					</Prose>
				))}
			</Box>
		</ListPage>
	);
}
