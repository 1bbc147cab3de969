import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {CompactTable, columnWidths, shownColumns, type Column} from '../../../source/app/components/compactTable.js';
import {verdictTable} from '../../../source/app/wizard/screens/verdictScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import {completeResults} from '../../output/fixtureResults.js';

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

describe('the verdict table on a narrow terminal', () => {
	// At 60x20 the verdict cut model names ("mistral-small:2…") and kept every column.
	it('leaves out tools, then the absolute trader score, before it cuts a model name; relative and outcome stay', () => {
		const results = completeResults();
		const long = results.models.find((model) => model.reasoning !== undefined);
		if (long) long.name = 'mistral-small:22b';
		const table = verdictTable(results, defaultSettings);
		const headers = (width: number) => shownColumns(table.columns, table.rows, width).map((column) => column.header);
		expect(headers(120)).toEqual(table.columns.map((column) => column.header));
		const at60 = render(<CompactTable columns={table.columns} rows={table.rows} width={60} />).lastFrame() ?? '';
		expect(at60).toContain('mistral-small:22b');
		expect(at60).not.toContain('…');
		expect(at60.split('\n')[0]).toMatch(/relative\s+outcome/);
		expect(at60.split('\n')[0]).not.toMatch(/tools/);
		for (const line of at60.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
		// Narrower still: the absolute trader score goes before anything the decision reads.
		const narrow = shownColumns(table.columns, table.rows, 50).map((column) => column.header);
		expect(narrow).not.toContain('trader');
		expect(narrow).toEqual(expect.arrayContaining(['model', 'relative', 'outcome']));
	});
});
