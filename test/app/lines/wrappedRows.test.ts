import {describe, expect, it} from 'vitest';
import {wrappedRows} from '../../../source/app/lines/wrappedRows.js';

describe('rows a text takes once wrapped', () => {
	it.each([
		{text: '', width: 80, rows: 1},
		{text: 'x'.repeat(80), width: 80, rows: 1},
		{text: 'x'.repeat(81), width: 80, rows: 2},
		// Words are not split: three 20-character words fit a row of 80, a fourth does not, so seven
		// of them (146 characters, two rows by count alone) take three rows.
		{text: Array.from({length: 7}, () => 'abcdefghijklmnopqrst').join(' '), width: 80, rows: 3},
		{text: Array.from({length: 3}, () => 'abcdefghijklmnopqrst').join(' '), width: 80, rows: 1},
		{text: 'one\ntwo\n\nfour', width: 80, rows: 4},
		{text: 'a word longer than the width', width: 4, rows: 8},
	])('$rows row(s) for $text.length characters at $width', ({text, width, rows}) => {
		expect(wrappedRows(text, width)).toBe(rows);
	});
});
