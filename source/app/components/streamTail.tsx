// The last few lines of text a model is streaming. The view state already keeps only a bounded
// tail; this trims it to whole lines that fit, so the live area keeps a constant height.
import React from 'react';
import {Box, Text} from 'ink';

export type StreamTailProps = {
	text: string;
	/** Lines shown (the live area keeps this height even before text arrives). */
	lines: number;
	width: number;
	/** Draw a cursor after the text; off without a TTY. */
	animate: boolean;
};

/** Wraps text at spaces (hard-cuts words longer than a row) and keeps the last `lines` rows. */
export function tailLines(text: string, lines: number, width: number): string[] {
	const rows: string[] = [];
	for (const paragraph of text.replace(/\r/g, '').split('\n')) {
		let rest = paragraph;
		while (rest.length > width) {
			const space = rest.lastIndexOf(' ', width);
			const cut = space > 0 ? space : width;
			rows.push(rest.slice(0, cut));
			rest = rest.slice(space > 0 ? cut + 1 : cut);
		}
		rows.push(rest);
	}
	const kept = rows.slice(-lines);
	while (kept.length < lines) kept.unshift('');
	return kept;
}

export function StreamTail({text, lines, width, animate}: StreamTailProps): React.JSX.Element {
	const rows = tailLines(text, lines, Math.max(1, width - 1));
	return (
		<Box flexDirection="column">
			{/* Rows are positional: the same fixed set of slots on every render. */}
			{rows.map((row, index) => (
				<Text key={index} dimColor wrap="truncate">
					{/* An empty Text takes no row in Ink: a space keeps the slot, so the area does not jump as text arrives. */}
					{row === '' ? ' ' : row}
					{animate && index === rows.length - 1 ? '▌' : ''}
				</Text>
			))}
		</Box>
	);
}
