import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {SelectList, windowStart} from '../../../source/app/components/selectList.js';
import {moveCursor} from '../../../source/app/wizard/keys.js';

const items = Array.from({length: 10}, (_, index) => ({key: `m${index}`, label: `model ${index}`}));

describe('SelectList', () => {
	it('marks the selected row and shows every row when they fit', () => {
		const frame = render(<SelectList items={items.slice(0, 3)} cursor={1} />).lastFrame() ?? '';
		expect(frame.split('\n')).toEqual(['  model 0', '› model 1', '  model 2']);
	});

	it('windows a long list around the cursor, saying how many rows are above and below', () => {
		const frame = render(<SelectList items={items} cursor={6} rows={6} />).lastFrame() ?? '';
		expect(frame.split('\n')).toEqual(['  ↑ 4 more', '  model 4', '  model 5', '› model 6', '  model 7', '  ↓ 2 more']);
	});

	it.each([
		[0, 10, 4, 0],
		[9, 10, 4, 6],
		[5, 10, 4, 3],
		[2, 3, 4, 0],
	])('windowStart(cursor %i of %i rows, window %i) = %i', (cursor, count, rows, start) => {
		expect(windowStart(cursor, count, rows)).toBe(start);
	});

	it('stops the cursor at both ends', () => {
		expect(moveCursor(0, -1, 3)).toBe(0);
		expect(moveCursor(2, 1, 3)).toBe(2);
		expect(moveCursor(1, 5, 3)).toBe(2);
	});
});
