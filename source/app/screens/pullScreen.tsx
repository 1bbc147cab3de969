// The Pull screen: one bar per layer and one for the whole model, with MB/s and ETA. Finished
// layers go to <Static> (printed once, never redrawn) so the live area stays a few lines tall.
// Renders a PullView only; the command or the wizard feeds it events.
import React from 'react';
import {Box, Static, Text} from 'ink';
import Spinner from 'ink-spinner';
import {ProgressBar} from '../components/progressBar.js';
import {formatBytePair, formatBytes, formatEta, formatTransferRate} from '../../analysis/units.js';
import type {LayerView, PullView} from '../state/pullView.js';

export type PullScreenProps = {
	view: PullView;
	/** Animations (spinner) only on a TTY. */
	animate: boolean;
	simulated: boolean;
	/** Show the "Esc to cancel" hint (only when keys can reach us). */
	cancelHint?: boolean;
	/** Columns to lay out in (capped at 80 by the caller's terminal). */
	width?: number;
};

const BAR_WIDTH = 20;

function percent(completed: number, total: number): string {
	const value = total > 0 ? Math.floor((completed / total) * 100) : 0;
	return `${String(Math.min(100, value)).padStart(3)}%`;
}

function ProgressRow({label, completed, total, rate, eta}: {label: string; completed: number; total: number; rate: number | null; eta: number | null}): React.JSX.Element {
	return (
		<Text wrap="truncate">
			{`  ${label.padEnd(12)} `}
			<ProgressBar fraction={total > 0 ? completed / total : 0} width={BAR_WIDTH} color="cyan" />
			{` ${percent(completed, total)}  ${formatBytePair(completed, total)}  ${formatTransferRate(rate)}  ETA ${formatEta(eta)}`}
		</Text>
	);
}

function FinishedLayer({layer}: {layer: LayerView}): React.JSX.Element {
	return (
		<Text>
			<Text color="green">{'  ✓ '}</Text>
			{`${layer.short}  ${formatBytes(layer.total)}  done`}
		</Text>
	);
}

function Outcome({view}: {view: PullView}): React.JSX.Element | null {
	if (!view.message) return null;
	const color = view.phase === 'failed' ? 'red' : view.phase === 'canceled' ? 'yellow' : 'green';
	return <Text color={color}>{view.message}</Text>;
}

export function PullScreen({view, animate, simulated, cancelHint = false, width = 80}: PullScreenProps): React.JSX.Element {
	const pulling = view.phase === 'pulling';
	return (
		<Box flexDirection="column" width={Math.min(80, width)}>
			<Static items={view.finished}>{(layer) => <FinishedLayer key={layer.digest} layer={layer} />}</Static>
			<Text bold>
				{view.model ? `Pull ${view.model}` : 'Pull'}
				{simulated ? <Text color="magenta"> [SIMULATED]</Text> : null}
			</Text>
			{view.active.map((layer) => (
				<ProgressRow key={layer.digest} label={layer.short} completed={layer.completed} total={layer.total} rate={layer.bytesPerSecond} eta={layer.etaSeconds} />
			))}
			{view.phase !== 'present' && view.total > 0 ? (
				<ProgressRow label="whole model" completed={view.completed} total={view.total} rate={view.bytesPerSecond} eta={view.etaSeconds} />
			) : null}
			{pulling && view.status ? (
				<Text dimColor>
					{'  '}
					{animate ? <Spinner type="dots" /> : '·'}
					{` ${view.status}`}
				</Text>
			) : null}
			{view.warnings.map((warning) => (
				<Text key={warning} color="yellow" wrap="wrap">{`! ${warning}`}</Text>
			))}
			<Outcome view={view} />
			{pulling && cancelHint ? <Text dimColor>Esc or Ctrl+C cancels (re-running resumes the download)</Text> : null}
		</Box>
	);
}
