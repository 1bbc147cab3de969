// Decode rate drawn against the physical ceiling (bandwidth / model bytes), so "16 t/s" reads
// as "80 % of what this machine can do". Live estimates are marked as such; the exact figure
// from Ollama's counters replaces them when a rep ends.
import React from 'react';
import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {ProgressBar} from './progressBar.js';
import {formatPercent, formatTokenRate} from '../../analysis/units.js';

export type RateGaugeProps = {
	rate: number | null;
	ceiling: number | null;
	/** true: from the counters; false: a live estimate from chunk arrival times. */
	exact: boolean;
	/** Bar scale when there is no ceiling (e.g. the highest rate seen). */
	fallbackMax?: number;
	/** The bar's width; without it, what the line leaves (`lineWidth`), at most 24. */
	width?: number;
	/** Columns the whole line may take: a narrow terminal gets a shorter bar, not a wrapped label. */
	lineWidth?: number;
	animate: boolean;
};

const BAR_MAX = 24;
const BAR_MIN = 6;

export function gaugeLabel(rate: number | null, ceiling: number | null, exact: boolean): string {
	// The estimate is the rate tokens reach trifecta by its own clock, not the server's count: said so.
	const value = `${exact ? '' : '~'}${formatTokenRate(rate)} ${exact ? 'measured' : 'as received'}`;
	if (ceiling === null) return `${value}  (ceiling unknown)`;
	const share = rate === null ? null : rate / ceiling;
	return `${value}  of ${formatTokenRate(ceiling)} ceiling · ${formatPercent(share)}`;
}

export function RateGauge({rate, ceiling, exact, fallbackMax, width, lineWidth = 80, animate}: RateGaugeProps): React.JSX.Element {
	const label = gaugeLabel(rate, ceiling, exact);
	// Spinner, a space, the bar, a space, the label.
	const bar = width ?? Math.max(BAR_MIN, Math.min(BAR_MAX, lineWidth - 3 - label.length));
	const scale = ceiling ?? fallbackMax ?? 0;
	const fraction = rate !== null && scale > 0 ? rate / scale : 0;
	return (
		<Text>
			{!exact && animate ? <Spinner type="dots" /> : <Text> </Text>}
			<Text> </Text>
			<ProgressBar fraction={fraction} width={bar} color={exact ? 'green' : 'cyan'} />
			<Text> {label}</Text>
		</Text>
	);
}
