// The patch's diff in a view of its own, scrolled with ↑/↓ and PgUp/PgDn, instead of into the
// scrollback, where a terminal of 24 rows showed only its last lines. A line wider than the
// view wraps, and each piece keeps the line's +/- mark so an added line still reads as added.
import React from 'react';
import {Box, Text} from 'ink';

/** The diff's rows at `width` columns: long lines cut into pieces, each starting with the line's mark. */
export function diffRows(diff: string, width: number): string[] {
	const room = Math.max(8, width);
	return diff
		.trimEnd()
		.split('\n')
		.flatMap((line) => {
			if (line.length <= room) return [line];
			// "+++"/"---"/"@@" headers and context lines (" ") keep their first character too.
			const mark = line[0] === '+' || line[0] === '-' ? line[0] : ' ';
			const rest = line.slice(1);
			const piece = room - 1;
			const pieces: string[] = [];
			for (let start = 0; start < rest.length; start += piece) pieces.push(`${mark}${rest.slice(start, start + piece)}`);
			return pieces;
		});
}

/** Where the view may start: never past the last page. */
export function clampOffset(offset: number, rows: number, height: number): number {
	return Math.max(0, Math.min(offset, rows - height));
}

export function DiffView({diff, offset, width, rows}: {diff: string; offset: number; width: number; rows: number}): React.JSX.Element {
	const all = diffRows(diff, width);
	// Title and position line take two rows.
	const height = Math.max(1, rows - 2);
	const start = clampOffset(offset, all.length, height);
	const shown = all.slice(start, start + height);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				The diff the patch applies
			</Text>
			<Text dimColor wrap="truncate">
				{`lines ${all.length === 0 ? 0 : start + 1}–${start + shown.length} of ${all.length}`}
			</Text>
			{shown.map((line, index) => (
				<Text key={start + index} wrap="truncate" color={line.startsWith('+') ? 'green' : line.startsWith('-') ? 'red' : undefined}>
					{line}
				</Text>
			))}
		</Box>
	);
}
