// How many rows a text takes once Ink wraps it, counted with the wrapper Ink itself uses (and the
// same options as its wrap="wrap"), so a page can budget its rows before it is laid out.
import wrapAnsi from 'wrap-ansi';

export function wrappedRows(text: string, width: number): number {
	const columns = Math.max(1, width);
	return text.split('\n').reduce((sum, line) => sum + (line === '' ? 1 : wrapAnsi(line, columns, {trim: false, hard: true}).split('\n').length), 0);
}
