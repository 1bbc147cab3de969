import React from 'react';
import {Static, Text} from 'ink';
import {stripVTControlCharacters} from 'node:util';
import {describe, expect, it} from 'vitest';
import {ResizeRefresh} from '../../../source/app/components/resizeRefresh.js';
import {renderAtSize, waitFor} from '../../helpers/testUtils.js';

/** Every frame the terminal gets, as its live lines (Ink's debug frames: the <Static> lines come first). */
function framesOf(stdout: {write: (frame: string) => boolean}): string[][] {
	const frames: string[][] = [];
	const write = stdout.write;
	stdout.write = (frame: string) => {
		frames.push(stripVTControlCharacters(frame).split('\n'));
		return write(frame);
	};
	return frames;
}

function Page({history}: {history: string[]}): React.JSX.Element {
	return (
		<>
			<Static items={history}>{(line) => <Text key={line}>{line}</Text>}</Static>
			<Text>title</Text>
			<Text>footer</Text>
		</>
	);
}

describe('ResizeRefresh', () => {
	it('after a resize settles, draws one frame as tall as the terminal, then the page again, keeping its history', async () => {
		const ui = renderAtSize(
			<ResizeRefresh enabled>
				<Page history={['pulled qwen2.5:32b']} />
			</ResizeRefresh>,
			60,
			12,
		);
		const frames = framesOf(ui.stdout);
		ui.stdout.resize(50, 9);
		// The frame that fills the terminal (history line + 9 rows), then the page at its own height.
		await waitFor(() => frames.some((lines) => lines.length === 1 + 9), () => `a frame of 9 rows; frames: ${JSON.stringify(frames)}`);
		const filled = frames.findIndex((lines) => lines.length === 1 + 9);
		await waitFor(() => frames.slice(filled + 1).some((lines) => lines.length === 1 + 2), 'the page at its own height after the filling frame');
		expect(frames[filled]?.slice(0, 3)).toEqual(['pulled qwen2.5:32b', 'title', 'footer']);
		expect(ui.frame().split('\n')).toEqual(['pulled qwen2.5:32b', 'title', 'footer']);
		ui.unmount();
	});

	it('a drag (many resizes in a row) fills the terminal once, at the last size', async () => {
		const ui = renderAtSize(
			<ResizeRefresh enabled>
				<Page history={[]} />
			</ResizeRefresh>,
			60,
			12,
		);
		const frames = framesOf(ui.stdout);
		for (const rows of [11, 10, 9, 8, 7]) ui.stdout.resize(50, rows);
		await waitFor(() => frames.some((lines) => lines.length === 7), () => `a frame of 7 rows; frames: ${JSON.stringify(frames)}`);
		await waitFor(() => frames.at(-1)?.length === 2, 'the page at its own height');
		expect(frames.filter((lines) => lines.length > 2).map((lines) => lines.length)).toEqual([7]);
		ui.unmount();
	});

});
