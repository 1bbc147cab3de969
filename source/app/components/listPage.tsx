// A page that ends with a select list: the list always gets its rows (every option drawn, or a
// window with "more" markers), and the text above it gives way instead, cut at its bottom with
// a marker. A page cut at the bottom by the frame's bound (components/bounded.tsx) would lose
// the options first, and Enter would take one the user cannot see.
import React from 'react';
import {Box} from 'ink';
import {Bounded} from './bounded.js';
import {SelectList, type SelectItem} from './selectList.js';

/** The rows the list takes in `rows`: all of its items when they fit beside a line of text, else a window of at least 3. */
export function listRows(items: number, rows: number): number {
	return Math.min(items, Math.max(3, rows - 2));
}

export function ListPage({rows, items, cursor, children}: {rows: number; items: SelectItem[]; cursor: number; children: React.ReactNode}): React.JSX.Element {
	const list = listRows(items.length, rows);
	return (
		<Box flexDirection="column">
			<Bounded rows={rows - list - 1} marked>
				{children}
			</Bounded>
			<Box marginTop={1}>
				<SelectList items={items} cursor={cursor} rows={list} />
			</Box>
		</Box>
	);
}
