import {describe, expect, it} from 'vitest';
import {csvTable, textCells, textTable, type TableColumn} from '../../../source/output/tables/tableSpec.js';

type Row = {name: string; rate: number | null; ok: boolean | null};
const rows: Row[] = [{name: 'a', rate: 12.345, ok: true}, {name: 'b', rate: null, ok: null}];

describe('a table spec drawn on three surfaces', () => {
	const cases: Array<{what: string; column: TableColumn<Row>; terminal: string[] | null; report: string[] | null; csvHeader: string | null; csv: unknown[] | null}> = [
		{what: 'a number, one decimal, blank per surface', column: {key: 'rate', header: 'rate', unit: 't/s', value: (row) => row.rate}, terminal: ['12.3', '–'], report: ['12.3', '-'], csvHeader: 'rate (t/s)', csv: [12.345, null]},
		{what: 'its own number format', column: {key: 'rate', header: 'rate', value: (row) => row.rate, format: (value) => value.toFixed(2)}, terminal: ['12.35', '–'], report: ['12.35', '-'], csvHeader: 'rate', csv: [12.345, null]},
		{what: 'a yes/no', column: {key: 'ok', header: 'ok', value: (row) => row.ok}, terminal: ['yes', '–'], report: ['yes', '-'], csvHeader: 'ok', csv: [true, null]},
		{what: 'shown in the CSV only', column: {key: 'rate', header: 'rate', value: (row) => row.rate, show: {csv: true}}, terminal: null, report: null, csvHeader: 'rate', csv: [12.345, null]},
		{what: 'its own header and text in the report', column: {key: 'rate', header: 'rate', unit: 't/s', value: (row) => row.rate, show: {report: {header: 'speed', text: (row) => `~${row.rate ?? '?'}`}}}, terminal: null, report: ['~12.345', '~?'], csvHeader: null, csv: null},
	];
	for (const {what, column, terminal, report, csvHeader, csv} of cases) {
		it(what, () => {
			const name: TableColumn<Row> = {key: 'name', header: 'name', value: (row) => row.name};
			const columns = [name, column];
			const shownTerminal = textTable(columns, 'terminal', rows);
			expect(shownTerminal.columns.length === 2 ? shownTerminal.rows.map((row) => row[column.key]) : null).toEqual(terminal);
			const shownReport = textCells(textTable(columns, 'report', rows));
			expect(shownReport.headers.length === 2 ? shownReport.rows.map((row) => row[1]) : null).toEqual(report);
			const shownCsv = csvTable(columns, rows);
			expect(shownCsv.columns[1] ?? null).toBe(csvHeader);
			expect(shownCsv.columns.length === 2 ? shownCsv.rows.map((row) => row[1]) : null).toEqual(csv);
		});
	}

	it('aligns the first column left and the figures right in the terminal', () => {
		const table = textTable<Row>([{key: 'name', header: 'name', value: (row) => row.name}, {key: 'rate', header: 'rate', value: (row) => row.rate}], 'terminal', rows);
		expect(table.columns.map((column) => column.align)).toEqual(['left', 'right']);
	});
});
