// The diff view's rows: a line wider than the view wraps into pieces that each keep its +/- mark.
import {describe, expect, it} from 'vitest';
import {clampOffset, diffRows} from '../../../source/app/wizard/diffView.js';

describe('diffRows', () => {
	it.each<[string, string, number, string[]]>([
		['short lines stay as they are', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n', 40, ['--- a/x', '+++ b/x', '@@ -1 +1 @@', '-old', '+new']],
		['an added line wider than the view: every piece marked +', `+${'a'.repeat(25)}`, 10, ['+aaaaaaaaa', '+aaaaaaaaa', '+aaaaaaa']],
		['a removed line: every piece marked -', `-${'b'.repeat(12)}`, 10, ['-bbbbbbbbb', '-bbb']],
		['a context line: its pieces indented like it', ` ${'c'.repeat(12)}`, 10, [' ccccccccc', ' ccc']],
	])('%s', (_what, diff, width, rows) => {
		expect(diffRows(diff, width)).toEqual(rows);
	});
});

describe('clampOffset', () => {
	it.each([
		[0, 100, 20, 0],
		[-5, 100, 20, 0],
		[95, 100, 20, 80],
		[10, 5, 20, 0],
	])('offset %i of %i rows in %i: %i', (offset, rows, height, expected) => {
		expect(clampOffset(offset, rows, height)).toBe(expected);
	});
});
