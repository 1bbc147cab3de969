// Markdown building blocks for the report.

function cell(text: string): string {
	return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function mdTable(headers: string[], rows: string[][]): string {
	return [
		`| ${headers.map(cell).join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
	].join('\n');
}

/** A fenced block whose fence is longer than any backtick run inside (model output may hold ```). */
export function fence(text: string, info = 'text'): string {
	const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
	const ticks = '`'.repeat(longest + 1);
	return `${ticks}${info}\n${text.trimEnd()}\n${ticks}`;
}

export function section(number: number, title: string, body: string): string {
	return `## ${number}. ${title}\n\n${body.trim()}\n`;
}
