import React from 'react';
import {describe, expect, it} from 'vitest';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {ListPage, listRows} from '../../../source/app/components/listPage.js';
import {waitFor} from '../../helpers/testUtils.js';

const OPTIONS = [
	{key: 'delete', label: 'Delete qwen2.5:72b'},
	{key: 'keep', label: 'Keep it and skip this step'},
	{key: 'quit', label: 'Quit'},
];

function Explanation({count}: {count: number}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text>Make room for llama3.3:70b</Text>
			{Array.from({length: count}, (_, index) => (
				<Text key={index}>reason {index + 1}</Text>
			))}
		</Box>
	);
}

const lines = (frame: string | undefined) => (frame ?? '').split('\n').map((line) => line.trimEnd());

describe('ListPage', () => {
	it('in a short terminal the text gives way: every option stays on screen, the text is cut with a marker', async () => {
		const ui = render(
			<ListPage rows={8} items={OPTIONS} cursor={1}>
				<Explanation count={10} />
			</ListPage>,
		);
		await waitFor(() => ui.lastFrame()?.includes('cut to fit') === true, () => `the cut marker, got:\n${ui.lastFrame() ?? ''}`);
		const shown = lines(ui.lastFrame());
		expect(shown.length).toBeLessThanOrEqual(8);
		expect(shown[0]).toBe('Make room for llama3.3:70b');
		expect(shown.slice(-3)).toEqual(['  Delete qwen2.5:72b', '› Keep it and skip this step', '  Quit']);
	});

	it('with room, shows the whole text and the options, uncut', async () => {
		const ui = render(
			<ListPage rows={20} items={OPTIONS} cursor={0}>
				<Explanation count={2} />
			</ListPage>,
		);
		await waitFor(() => ui.lastFrame()?.includes('reason 2') === true, () => `the whole text, got:\n${ui.lastFrame() ?? ''}`);
		expect(lines(ui.lastFrame())).toEqual(['Make room for llama3.3:70b', 'reason 1', 'reason 2', '', '› Delete qwen2.5:72b', '  Keep it and skip this step', '  Quit']);
	});

	it('the list takes all its rows when they fit beside a line of text, else a window of at least 3', () => {
		const cases: Array<[items: number, rows: number, list: number]> = [
			[3, 20, 3],
			[3, 5, 3],
			[10, 8, 6],
			[10, 4, 3],
			[10, 1, 3],
			[0, 10, 0],
		];
		for (const [items, rows, list] of cases) expect(listRows(items, rows), `${items} items in ${rows} rows`).toBe(list);
	});
});
