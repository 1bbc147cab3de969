// Read a drawn table back as rows keyed by header, so a test names the column it checks and does
// not break when a column is added before it.

/** Every row of the first markdown table in `text`, keyed by header. */
export function markdownRows(text: string): Array<Record<string, string>> {
	const lines = text.split('\n').filter((line) => line.startsWith('| '));
	const split = (line: string) => line.slice(2, -2).split(' | ');
	const [header, , ...body] = lines;
	if (!header) return [];
	const headers = split(header);
	return body.map((line) => Object.fromEntries(split(line).map((cell, index) => [headers[index] ?? `#${index}`, cell])));
}

/** The markdown row whose first cell is `first`, keyed by header ({} when there is none). */
export function markdownRow(text: string, first: string): Record<string, string> {
	return markdownRows(text).find((row) => Object.values(row)[0] === first) ?? {};
}

/**
 * The rows of a terminal table (app/components/compactTable.tsx) under the header line that starts
 * with `firstHeader`, keyed by header; cells are separated by two or more spaces.
 */
export function terminalRows(frame: string, firstHeader: string): Array<Record<string, string>> {
	const lines = frame.split('\n');
	const start = lines.findIndex((line) => line.trimStart().startsWith(`${firstHeader} `));
	if (start === -1) return [];
	const split = (line: string) => line.trim().split(/\s{2,}/);
	const headers = split(lines[start] ?? '');
	const rows: Array<Record<string, string>> = [];
	for (const line of lines.slice(start + 2)) {
		const cells = split(line);
		if (line.trim() === '' || cells.length !== headers.length) break;
		rows.push(Object.fromEntries(cells.map((cell, index) => [headers[index] ?? `#${index}`, cell])));
	}
	return rows;
}
