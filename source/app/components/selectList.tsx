// The one select list of the wizard: a cursor over rows (› and inverse on the selected one),
// windowed around the cursor when there are more rows than `rows`, with "↑ n more" / "↓ n more"
// so a long list never pushes the screen past the terminal. Keys move it through moveCursor in
// wizard/keys.ts; the list only draws.
import React from 'react';
import {Box, Text} from 'ink';

export type SelectItem = {
	key: string;
	label: string;
	/** Drawn in this colour (a candidate that does not fit). */
	color?: string;
	/** A blank line before it (a new group of rows). */
	gapBefore?: boolean;
};

/** The first row to show so the cursor stays in a window of `rows`. */
export function windowStart(cursor: number, count: number, rows: number): number {
	if (count <= rows) return 0;
	const half = Math.floor(rows / 2);
	return Math.max(0, Math.min(count - rows, cursor - half));
}

export function SelectList({items, cursor, rows = Number.POSITIVE_INFINITY}: {items: SelectItem[]; cursor: number; rows?: number}): React.JSX.Element {
	// Two rows go to the "more" markers when the list does not fit.
	const fits = items.length <= rows;
	const visible = fits ? items.length : Math.max(1, rows - 2);
	const start = windowStart(cursor, items.length, visible);
	const shown = items.slice(start, start + visible);
	const below = items.length - start - shown.length;
	return (
		<Box flexDirection="column">
			{fits ? null : <Text dimColor>{start > 0 ? `  ↑ ${start} more` : ' '}</Text>}
			{shown.map((item, offset) => {
				const selected = start + offset === cursor;
				return (
					<Box key={item.key} marginTop={item.gapBefore && offset > 0 ? 1 : 0}>
						<Text inverse={selected} color={item.color} wrap="truncate">
							{`${selected ? '›' : ' '} ${item.label}`}
						</Text>
					</Box>
				);
			})}
			{fits ? null : <Text dimColor>{below > 0 ? `  ↓ ${below} more` : ' '}</Text>}
		</Box>
	);
}
