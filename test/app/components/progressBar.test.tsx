import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {ProgressBar, barCells} from '../../../source/app/components/progressBar.js';

describe('ProgressBar', () => {
	it.each([
		[0.5, 10, {filled: 5, empty: 5}],
		[0, 4, {filled: 0, empty: 4}],
		[1.7, 4, {filled: 4, empty: 0}],
		[-1, 4, {filled: 0, empty: 4}],
		[Number.NaN, 4, {filled: 0, empty: 4}],
	])('%s of %s cells', (fraction, width, cells) => {
		expect(barCells(fraction, width)).toEqual(cells);
	});

	it('draws the filled and the empty part at the width given', () => {
		const {lastFrame} = render(<ProgressBar fraction={0.25} width={8} />);
		expect(lastFrame()).toBe('██░░░░░░');
	});
});
