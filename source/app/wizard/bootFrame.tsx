// The wizard's first frame, drawn as soon as Ink is loaded: the same title and "Checking…" line
// the wizard shows before its preflight, so the terminal answers at once while the rest (the
// services, the runner, every page) loads behind it. Imports nothing but React and Ink.
import React from 'react';
import {Box, Text} from 'ink';

export function BootFrame({simulated}: {simulated: boolean}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Box>
				<Text bold>trifecta</Text>
				{simulated ? <Text color="yellow"> SIMULATED</Text> : null}
			</Box>
			<Text>Checking Ollama and this machine…</Text>
		</Box>
	);
}
