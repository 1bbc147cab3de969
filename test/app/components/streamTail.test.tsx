import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {StreamTail, tailLines} from '../../../source/app/components/streamTail.js';

describe('StreamTail', () => {
	it('wraps at spaces, hard-cuts a word longer than a row, and keeps the last rows', () => {
		expect(tailLines('one two three four', 2, 9)).toEqual(['one two', 'three', 'four'].slice(-2));
		expect(tailLines('abcdefghij', 3, 4)).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('keeps its height before any text arrives', () => {
		expect(tailLines('', 3, 10)).toEqual(['', '', '']);
		expect(render(<StreamTail text="" lines={3} width={20} animate={false} />).lastFrame()?.split('\n')).toHaveLength(3);
		expect(render(<StreamTail text="first words" lines={3} width={20} animate={false} />).lastFrame()?.split('\n')).toEqual(['', '', 'first words']);
	});

	it('draws a cursor after the text only when animating', () => {
		expect(render(<StreamTail text="bull case" lines={1} width={20} animate />).lastFrame()).toBe('bull case▌');
		expect(render(<StreamTail text="bull case" lines={1} width={20} animate={false} />).lastFrame()).toBe('bull case');
	});
});
