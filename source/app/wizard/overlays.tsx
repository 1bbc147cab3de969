// The help overlay (?) and the quit confirmation (q): drawn instead of the screen until closed.
// The help lists the screen's own bindings, then the global keys: every key once, with the
// meaning it has on this screen.
import React from 'react';
import {Box, Text} from 'ink';
import type {KeyHint} from './keys.js';
import {Prose} from '../components/prose.js';

export function HelpOverlay({hints, resumeNote}: {hints: KeyHint[]; resumeNote: string}): React.JSX.Element {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Keys</Text>
			{hints.map((hint) => (
				<Box key={`${hint.label}-${hint.does}`}>
					<Box width={10} flexShrink={0}>
						<Text bold>{hint.label}</Text>
					</Box>
					<Prose>{hint.does}</Prose>
				</Box>
			))}
			<Prose dimColor>
				{resumeNote}
			</Prose>
			<Text dimColor>Press ? or Esc to close.</Text>
		</Box>
	);
}

export function QuitConfirm({resumeNote}: {resumeNote: string}): React.JSX.Element {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Quit trifecta?</Text>
			<Prose>{resumeNote}</Prose>
		</Box>
	);
}
