import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {ScoreBar, ScoreBars} from '../../../source/app/components/scoreBar.js';

afterEach(() => cleanup());

describe('ScoreBar', () => {
	it('draws the share of points earned and the points', () => {
		const frame = render(<ScoreBar label="Stop-loss level" points={1.5} max={2} width={8} />).lastFrame() ?? '';
		expect(frame).toContain('Stop-loss level');
		expect(frame).toContain('██████░░');
		expect(frame).toContain('1.5/2');
	});

	it('draws one bar per rubric dimension with its note', () => {
		const frame =
			render(
				<ScoreBars
					width={10}
					dimensions={[
						{id: 'decision', label: 'Decision line', points: 2, max: 2, note: 'BUY, parseable'},
						{id: 'target', label: 'Price target', points: 0, max: 1.5, note: 'no target level'},
					]}
				/>,
			).lastFrame() ?? '';
		expect(frame).toMatch(/Decision line\s+██████████\s+2\/2 BUY, parseable/);
		expect(frame).toMatch(/Price target\s+░░░░░░░░░░\s+0\/1\.5 no target level/);
	});
});
