// The wizard's first frame, drawn as soon as Ink is loaded: the same title and "Checking…" line
// the wizard shows before its preflight, so the terminal answers at once while the rest (the
// services, the runner, every page) loads behind it. Imports nothing but React and Ink.
// Its `banner` lines go to <Static>, the scrollback Ink keeps a record of: a resize redraws the
// scrollback from that record (hooks/useResizeRefresh.ts), and lines written around Ink would
// be wiped.
import React from 'react';
import {Box, Static, Text} from 'ink';

export function BootFrame({simulated, banner = []}: {simulated: boolean; banner?: string[]}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Static items={banner}>{(line, index) => <Text key={index}>{line}</Text>}</Static>
			<Box>
				<Text bold>trifecta</Text>
				{simulated ? <Text color="yellow"> SIMULATED</Text> : null}
			</Box>
			<Text>Checking Ollama and this machine…</Text>
		</Box>
	);
}
