// A table one line per row: a bold header, a rule, then the rows. @alcalzone/ink-table draws a
// rule between every row and has no option to drop it (docs/reference/libs.md §6), which doubles a table's
// height; at 24 rows that pushed the verdict's title off the screen. Cells are truncated so the
// table never exceeds `width` (ink-table sizes columns by content with no maximum): columns with a
// drop rank go first (output/tables/tableSpec.ts), and only then does the first column give way.
import React from 'react';
import {Box, Text} from 'ink';

export type Column<Row> = {
	key: keyof Row & string;
	header: string;
	align?: 'left' | 'right';
	/** Left out, lowest first, when the table is too wide (see output/tables/tableSpec.ts). */
	dropRank?: number;
};

const GAP = 2;

function fit(text: string, width: number, align: 'left' | 'right'): string {
	const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
	return align === 'right' ? cut.padStart(width) : cut.padEnd(width);
}

function contentWidths<Row extends Record<string, string>>(columns: Column<Row>[], rows: Row[]): number[] {
	return columns.map((column) => Math.max(column.header.length, ...rows.map((row) => String(row[column.key] ?? '').length)));
}

const totalWidth = (widths: number[]): number => widths.reduce((sum, value) => sum + value, 0) + GAP * Math.max(0, widths.length - 1);

/** The columns drawn at `width`: those with a drop rank leave, lowest first, until the rest fit. */
export function shownColumns<Row extends Record<string, string>>(columns: Column<Row>[], rows: Row[], width: number): Column<Row>[] {
	let shown = columns;
	const droppable = columns.filter((column) => column.dropRank !== undefined).sort((a, b) => (a.dropRank ?? 0) - (b.dropRank ?? 0));
	for (const column of droppable) {
		if (totalWidth(contentWidths(shown, rows)) <= width) break;
		shown = shown.filter((kept) => kept !== column);
	}
	return shown;
}

/** Column widths from the content; the first column gives way when the table is still too wide. */
export function columnWidths<Row extends Record<string, string>>(columns: Column<Row>[], rows: Row[], width: number): number[] {
	const widths = contentWidths(columns, rows);
	const over = totalWidth(widths) - width;
	if (over > 0 && widths.length > 0) widths[0] = Math.max(4, (widths[0] ?? 0) - over);
	return widths;
}

export function CompactTable<Row extends Record<string, string>>({columns: all, rows, width, bold}: {columns: Column<Row>[]; rows: Row[]; width: number; bold?: (row: Row) => boolean}): React.JSX.Element {
	const columns = shownColumns(all, rows, width);
	const widths = columnWidths(columns, rows, width);
	const line = (cells: string[]) => cells.map((cell, index) => fit(cell, widths[index] ?? 0, columns[index]?.align ?? 'left')).join(' '.repeat(GAP));
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{line(columns.map((column) => column.header))}
			</Text>
			<Text dimColor wrap="truncate">
				{widths.map((value) => '─'.repeat(value)).join(' '.repeat(GAP))}
			</Text>
			{rows.map((row, index) => (
				<Text key={`${index}-${row[columns[0]?.key ?? ''] ?? ''}`} wrap="truncate" bold={bold?.(row) ?? false}>
					{line(columns.map((column) => String(row[column.key] ?? '')))}
				</Text>
			))}
		</Box>
	);
}
