// The keys of the current screen, always on the last lines, plus the Ctrl+C warning. The hints
// are packed into lines here (never cut inside a hint) so the App knows the footer's height
// before it sizes the screen above it.
import React from 'react';
import {Box, Text} from 'ink';
import type {KeyHint} from './keys.js';

const SEPARATOR = ' · ';

export function footerLines(hints: KeyHint[], width: number): string[] {
	const lines: string[] = [];
	for (const hint of hints) {
		const text = `${hint.label} ${hint.does}`;
		const last = lines.at(-1);
		if (last !== undefined && last.length + SEPARATOR.length + text.length <= width) lines[lines.length - 1] = `${last}${SEPARATOR}${text}`;
		else lines.push(text);
	}
	return lines;
}

/** Rows the footer takes: a blank line, the warning when shown, the hints. */
export function footerHeight(lines: string[], warning: string | null, keysActive: boolean): number {
	if (!keysActive) return 1;
	return 1 + (warning ? 1 : 0) + lines.length;
}

export function Footer({lines, warning, keysActive}: {lines: string[]; warning: string | null; keysActive: boolean}): React.JSX.Element {
	if (!keysActive) return <Text dimColor>(no keyboard: stdin is not a terminal)</Text>;
	return (
		<Box flexDirection="column" marginTop={1} flexShrink={0}>
			{warning ? (
				<Text color="yellow" wrap="truncate">
					{warning}
				</Text>
			) : null}
			{lines.map((line, index) => (
				<Text key={index} dimColor wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
