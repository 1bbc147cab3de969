// The recent history of a rate as one line of block characters, scaled to a fixed maximum
// (the ceiling) when there is one so the height means the same thing from rep to rep.
import React from 'react';
import {Text} from 'ink';

const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparklineText(points: readonly number[], max: number | null): string {
	const top = max !== null && max > 0 ? max : Math.max(0, ...points);
	if (top <= 0) return BLOCKS[0]!.repeat(points.length);
	let out = '';
	for (const point of points) {
		const level = Math.round((Math.min(point, top) / top) * (BLOCKS.length - 1));
		out += BLOCKS[Math.max(0, level)];
	}
	return out;
}

export type SparklineProps = {points: readonly number[]; max: number | null; color?: string};

export function Sparkline({points, max, color}: SparklineProps): React.JSX.Element {
	return <Text color={color}>{sparklineText(points, max)}</Text>;
}
