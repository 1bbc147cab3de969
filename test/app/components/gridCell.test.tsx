import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Box} from 'ink';
import {GridCell} from '../../../source/app/components/gridCell.js';

describe('GridCell', () => {
	it('keeps its width and cuts text that does not fit', () => {
		const {lastFrame} = render(
			<Box>
				<GridCell width={6} text="unsupported" animate={false} />
				<GridCell width={4} text="5/5" animate={false} />
			</Box>,
		);
		expect(lastFrame()).toBe('unsup…5/5');
	});

	it('marks a running cell with an ellipsis when nothing animates', () => {
		expect(render(<GridCell width={10} text="bench" running animate={false} />).lastFrame()).toBe('… bench');
	});
});
