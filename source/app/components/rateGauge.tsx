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
	width?: number;
	animate: boolean;
};

export function gaugeLabel(rate: number | null, ceiling: number | null, exact: boolean): string {
	// The estimate is the rate tokens reach trifecta by its own clock, not the server's count: said so.
	const value = `${exact ? '' : '~'}${formatTokenRate(rate)} ${exact ? 'measured' : 'as received'}`;
	if (ceiling === null) return `${value}  (ceiling unknown)`;
	const share = rate === null ? null : rate / ceiling;
	return `${value}  of ${formatTokenRate(ceiling)} ceiling · ${formatPercent(share)}`;
}

export function RateGauge({rate, ceiling, exact, fallbackMax, width = 24, animate}: RateGaugeProps): React.JSX.Element {
	const scale = ceiling ?? fallbackMax ?? 0;
	const fraction = rate !== null && scale > 0 ? rate / scale : 0;
	return (
		<Text>
			{!exact && animate ? <Spinner type="dots" /> : <Text> </Text>}
			<Text> </Text>
			<ProgressBar fraction={fraction} width={width} color={exact ? 'green' : 'cyan'} />
			<Text> {gaugeLabel(rate, ceiling, exact)}</Text>
		</Text>
	);
}
