import React from 'react';
import {describe, expect, it} from 'vitest';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {Bounded} from '../../../source/app/components/bounded.js';
import {waitFor} from '../../helpers/testUtils.js';

function Lines({count}: {count: number}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{Array.from({length: count}, (_, index) => (
				<Text key={index}>line {index + 1}</Text>
			))}
		</Box>
	);
}

const lines = (frame: string | undefined) => (frame ?? '').split('\n').map((line) => line.trimEnd());

describe('Bounded', () => {
	it('shows content that fits whole, and no taller than the content', async () => {
		const ui = render(<Bounded rows={5}><Lines count={3} /></Bounded>);
		await waitFor(() => lines(ui.lastFrame()).length === 3, () => `three lines, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2', 'line 3']);
	});

	it('cuts content taller than its rows at the bottom, so the top (a title, a header) stays in view', async () => {
		const ui = render(<Bounded rows={3}><Lines count={8} /></Bounded>);
		await waitFor(() => ui.lastFrame()?.includes('line 1') === true, 'the first line');
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2', 'line 3']);
	});

	it('marked: says the content was cut on its last row, within the same rows', async () => {
		const ui = render(<Bounded rows={3} marked><Lines count={8} /></Bounded>);
		await waitFor(() => ui.lastFrame()?.includes('cut to fit') === true, () => `the cut note, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2', '… (cut to fit: a taller terminal shows all of it)']);
		// Content that fits says nothing about cutting.
		ui.rerender(<Bounded rows={3} marked><Lines count={2} /></Bounded>);
		await waitFor(() => lines(ui.lastFrame()).length === 2, () => `two lines, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2']);
	});

	it('follows content that grows and shrinks, never past its rows', async () => {
		const ui = render(<Bounded rows={4}><Lines count={1} /></Bounded>);
		await waitFor(() => ui.lastFrame()?.includes('line 1') === true, 'the first line');
		ui.rerender(<Bounded rows={4}><Lines count={6} /></Bounded>);
		await waitFor(() => lines(ui.lastFrame()).length === 4, () => `four lines, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
		ui.rerender(<Bounded rows={4}><Lines count={2} /></Bounded>);
		await waitFor(() => lines(ui.lastFrame()).length === 2, () => `two lines, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['line 1', 'line 2']);
		// No frame drawn along the way was taller than the cap.
		expect(Math.max(...ui.frames.map((frame) => lines(frame).length))).toBeLessThanOrEqual(4);
	});

	it('a Bounded inside another: the outer one follows the inner one\'s new height', async () => {
		const page = (count: number) => (
			<Bounded rows={6}>
				<Text>Title</Text>
				<Bounded rows={4}>
					<Lines count={count} />
				</Bounded>
			</Bounded>
		);
		const ui = render(page(1));
		await waitFor(() => lines(ui.lastFrame()).length === 2, () => `title and one line, got:\n${ui.lastFrame() ?? ''}`);
		ui.rerender(page(3));
		await waitFor(() => lines(ui.lastFrame()).length === 4, () => `title and three lines, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['Title', 'line 1', 'line 2', 'line 3']);
	});
});
