// One fixed-width cell of a results grid. A running cell spins only when the terminal can
// animate; without a TTY it shows a static marker so piped output stays readable.
import React from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';

export type CellTone = 'muted' | 'normal' | 'good' | 'bad' | 'warn';

export type GridCellProps = {
	width: number;
	text: string;
	tone?: CellTone;
	running?: boolean;
	animate: boolean;
};

const COLORS: Record<CellTone, string | undefined> = {muted: undefined, normal: undefined, good: 'green', bad: 'red', warn: 'yellow'};

export function GridCell({width, text, tone = 'normal', running = false, animate}: GridCellProps): React.JSX.Element {
	return (
		<Box width={width} flexShrink={0}>
			<Text color={COLORS[tone]} dimColor={tone === 'muted'} wrap="truncate">
				{running ? animate ? <Spinner type="dots" /> : '…' : null}
				{running ? ' ' : ''}
				{text}
			</Text>
		</Box>
	);
}
