// A fixed-width text bar. Plain characters (no colour needed to read it) so it survives NO_COLOR.
import React from 'react';
import {Text} from 'ink';

export type ProgressBarProps = {
	/** 0..1; values outside are clamped, NaN draws an empty bar. */
	fraction: number;
	width: number;
	color?: string;
};

export function barCells(fraction: number, width: number): {filled: number; empty: number} {
	const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
	const filled = Math.round(clamped * width);
	return {filled, empty: width - filled};
}

export function ProgressBar({fraction, width, color}: ProgressBarProps): React.JSX.Element {
	const {filled, empty} = barCells(fraction, width);
	return (
		<Text>
			<Text color={color}>{'█'.repeat(filled)}</Text>
			<Text dimColor>{'░'.repeat(empty)}</Text>
		</Text>
	);
}
