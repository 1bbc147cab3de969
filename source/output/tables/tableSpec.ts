// A table declared once and drawn three ways: in the terminal (app/components/compactTable.tsx),
// in the markdown report and in a CSV file. Each column says what it holds (`key`, `header`,
// `unit`, `value`) and, only where a surface needs it, a different header or text there. The
// shape follows Shopify cli-kit's typed table columns (docs/reference/anchors.md part B).

/** A raw figure as a spreadsheet gets it. */
export type Cell = string | number | boolean | null;

export type Surface = 'terminal' | 'report' | 'csv';

/** How one surface shows a column when its defaults do not fit. */
export type SurfaceView<Row> = {
	header?: string;
	/** The cell's text (terminal and report); the CSV always gets `value`. */
	text?: (row: Row) => string;
	/** Terminal only: numbers are right-aligned unless told. */
	align?: 'left' | 'right';
	/**
	 * Terminal only: on a terminal too narrow for the table, columns with a rank are left out,
	 * lowest first, before any cell is cut (columns without one always stay).
	 */
	dropRank?: number;
};

export type TableColumn<Row> = {
	key: string;
	header: string;
	/** Printed after the header, "ceiling (t/s)". */
	unit?: string;
	value: (row: Row) => Cell;
	/** How a number reads in the terminal and the report (one decimal unless told). */
	format?: (value: number) => string;
	/**
	 * The surfaces that show the column, each with what differs there (`true`: the defaults). Every
	 * surface, with the defaults, when absent: a new column is one line.
	 */
	show?: Partial<Record<Surface, SurfaceView<Row> | true>>;
};

/** The text of a missing figure on each surface. */
export const BLANK: Record<Surface, string> = {terminal: '–', report: '-', csv: ''};

export type CsvTable = {columns: string[]; rows: Cell[][]};
export type TextColumn = {key: string; header: string; align: 'left' | 'right'; dropRank?: number};
export type TextTable = {columns: TextColumn[]; rows: Array<Record<string, string>>};

function view<Row>(column: TableColumn<Row>, surface: Surface): SurfaceView<Row> | null {
	if (column.show === undefined) return {};
	const shown = column.show[surface];
	return shown === undefined ? null : shown === true ? {} : shown;
}

function headerOf<Row>(column: TableColumn<Row>, own: SurfaceView<Row>): string {
	return own.header ?? (column.unit ? `${column.header} (${column.unit})` : column.header);
}

export function columnsOn<Row>(columns: readonly TableColumn<Row>[], surface: Surface): Array<{column: TableColumn<Row>; own: SurfaceView<Row>}> {
	return columns.flatMap((column) => {
		const own = view(column, surface);
		return own === null ? [] : [{column, own}];
	});
}

function defaultText<Row>(column: TableColumn<Row>, value: Cell, surface: Surface): string {
	if (value === null) return BLANK[surface];
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'number') return Number.isFinite(value) ? (column.format ?? ((figure: number) => figure.toFixed(1)))(value) : BLANK[surface];
	return value;
}

/** The table as text cells, keyed by column, for the terminal or the report. */
export function textTable<Row>(columns: readonly TableColumn<Row>[], surface: 'terminal' | 'report', rows: readonly Row[]): TextTable {
	const shown = columnsOn(columns, surface);
	return {
		columns: shown.map(({column, own}) => ({
			key: column.key,
			header: headerOf(column, own),
			align: own.align ?? (column.key === shown[0]?.column.key ? 'left' : 'right'),
			...(own.dropRank === undefined ? {} : {dropRank: own.dropRank}),
		})),
		rows: rows.map((row) => Object.fromEntries(shown.map(({column, own}) => [column.key, own.text ? own.text(row) : defaultText(column, column.value(row), surface)]))),
	};
}

/** The report's rows as positional cells, in header order. */
export function textCells(table: TextTable): {headers: string[]; rows: string[][]} {
	return {headers: table.columns.map((column) => column.header), rows: table.rows.map((row) => table.columns.map((column) => row[column.key] ?? ''))};
}

/** The table as raw figures for a spreadsheet: units in the headers, numbers as numbers. */
export function csvTable<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): CsvTable {
	const shown = columnsOn(columns, 'csv');
	return {columns: shown.map(({column, own}) => headerOf(column, own)), rows: rows.map((row) => shown.map(({column}) => column.value(row)))};
}
