import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {CompactTable, columnWidths, type Column} from '../../../source/app/components/compactTable.js';

type Row = {model: string; rate: string};
const columns: Column<Row>[] = [
	{key: 'model', header: 'model'},
	{key: 'rate', header: 't/s', align: 'right'},
];
const rows: Row[] = [
	{model: 'qwen2.5:32b', rate: '14.5'},
	{model: 'llama3.3:70b', rate: '6.8'},
];

describe('CompactTable', () => {
	it('draws one line per row under a header and a rule, figures right-aligned', () => {
		const {lastFrame} = render(<CompactTable columns={columns} rows={rows} width={80} />);
		expect(lastFrame()?.split('\n')).toEqual(['model          t/s', '────────────  ────', 'qwen2.5:32b   14.5', 'llama3.3:70b   6.8']);
	});

	it('cuts the first column with an ellipsis when the table is wider than the terminal', () => {
		expect(columnWidths(columns, rows, 12)).toEqual([6, 4]);
		const {lastFrame} = render(<CompactTable columns={columns} rows={rows} width={12} />);
		const lines = lastFrame()?.split('\n') ?? [];
		expect(lines[2]).toBe('qwen2…  14.5');
		expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(12);
	});
});
