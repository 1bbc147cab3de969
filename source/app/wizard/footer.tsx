// The keys of the current screen, always on the last line, plus the Ctrl+C warning.
import React from 'react';
import {Box, Text} from 'ink';
import {GLOBAL_KEYS, type KeyHint} from './keys.js';

export function Footer({hints, ctrlCOnce, keysActive}: {hints: KeyHint[]; ctrlCOnce: boolean; keysActive: boolean}): React.JSX.Element {
	if (!keysActive) return <Text dimColor>(no keyboard: stdin is not a terminal)</Text>;
	const all = [...hints, ...GLOBAL_KEYS.slice(0, 2)];
	return (
		<Box flexDirection="column" marginTop={1}>
			{ctrlCOnce ? (
				<Text color="yellow">Step canceled, results kept — press Ctrl+C again to exit.</Text>
			) : null}
			<Text dimColor wrap="wrap">
				{all.map((hint) => `${hint.keys} ${hint.does}`).join(' · ')}
			</Text>
		</Box>
	);
}
