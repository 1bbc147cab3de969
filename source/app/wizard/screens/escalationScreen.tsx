// Escalation: accept the recommended 70B-class model, swap to the other, or skip; with each
// candidate's predicted speed on this machine, its ceiling, its fit, and any delete it needs.
// The default (what --yes takes) is listed first, so Enter takes it.
import React from 'react';
import {Box, Text} from 'ink';
import type {Key} from 'ink';
import type {EscalationChoice, EscalationOffer} from '../../../experiment/strategy/index.js';
import {candidateLine} from '../../lines/runLines.js';

export type EscalationOption = {choice: EscalationChoice; label: string};

export function escalationOptions(offer: EscalationOffer): EscalationOption[] {
	const mark = (choice: EscalationChoice) => (choice === offer.defaultChoice ? ' (recommended)' : '');
	const escalate: EscalationOption[] = [
		{choice: 'accept', label: `Escalate to ${offer.recommended}${mark('accept')}`},
		...(offer.alternative ? [{choice: 'swap' as const, label: `Swap to ${offer.alternative}`}] : []),
	];
	const skip: EscalationOption = {choice: 'skip', label: `Skip: stop here and record the ceiling${mark('skip')}`};
	return offer.defaultChoice === 'skip' ? [skip, ...escalate] : [...escalate, skip];
}

export function escalationKey(offer: EscalationOffer, cursor: number, key: Key): {cursor: number; choose: EscalationChoice | null; back: boolean} {
	const options = escalationOptions(offer);
	if (key.upArrow) return {cursor: Math.max(0, cursor - 1), choose: null, back: false};
	if (key.downArrow) return {cursor: Math.min(options.length - 1, cursor + 1), choose: null, back: false};
	if (key.return) return {cursor, choose: options[cursor]?.choice ?? null, back: false};
	if (key.escape) return {cursor, choose: null, back: true};
	return {cursor, choose: null, back: false};
}

export function EscalationScreen({offer, cursor}: {offer: EscalationOffer; cursor: number}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold>Escalation after round {offer.afterRound}</Text>
			<Text wrap="wrap">{offer.reason}</Text>
			<Box flexDirection="column" marginY={1}>
				{offer.candidates.map((candidate) => (
					<Text key={candidate.model} wrap="wrap" color={candidate.fitsRam && candidate.fitsDisk !== false ? undefined : 'red'}>
						{`• ${candidateLine(candidate)}`}
					</Text>
				))}
			</Box>
			{escalationOptions(offer).map((option, index) => (
				<Text key={option.choice} inverse={index === cursor}>
					{`${index === cursor ? '›' : ' '} ${option.label}`}
				</Text>
			))}
		</Box>
	);
}
