// The help overlay (?) and the quit confirmation (q): drawn instead of the screen until closed.
import React from 'react';
import {Box, Text} from 'ink';
import {GLOBAL_KEYS, type KeyHint} from './keys.js';

export function HelpOverlay({hints}: {hints: KeyHint[]}): React.JSX.Element {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Keys</Text>
			{[...hints, ...GLOBAL_KEYS, {keys: 'Esc', does: 'go back where that is safe'}].map((hint) => (
				<Box key={`${hint.keys}-${hint.does}`}>
					<Box width={10} flexShrink={0}>
						<Text bold>{hint.keys}</Text>
					</Box>
					<Text>{hint.does}</Text>
				</Box>
			))}
			<Text dimColor>Quitting keeps every result; start trifecta again to resume where you left.</Text>
			<Text dimColor>Press ? or Esc to close.</Text>
		</Box>
	);
}

export function QuitConfirm(): React.JSX.Element {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Quit trifecta?</Text>
			<Text>Everything measured so far is kept; start trifecta again to resume.</Text>
			<Text>y: quit · n: stay</Text>
		</Box>
	);
}
