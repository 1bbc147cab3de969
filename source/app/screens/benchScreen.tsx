// The Benchmark screen. While a rep streams: the tail of the text, a live rate gauge against
// the ceiling and a sparkline; after each rep the exact figures from Ollama's counters; at the
// end of a model, the `ollama run --verbose` block and mean ± sd lines, printed once via <Static>.
// Renders a BenchView only; the command or the wizard feeds it events.
import React from 'react';
import {Box, Static, Text} from 'ink';
import Spinner from 'ink-spinner';
import {RateGauge} from '../components/rateGauge.js';
import {Sparkline} from '../components/sparkline.js';
import {StreamTail} from '../components/streamTail.js';
import type {BenchModelView, BenchView} from '../state/benchView.js';
import {repLine, speedSummaryLines, verdictLine} from '../state/speedSummary.js';

export type BenchScreenProps = {
	view: BenchView;
	animate: boolean;
	simulated: boolean;
	cancelHint?: boolean;
	/** Columns available (80 by default). */
	width?: number;
};

const TAIL_LINES = 4;

function Reps({model}: {model: BenchModelView}): React.JSX.Element {
	return (
		<>
			{model.records.map((record, index) => (
				<Text key={`rep-${index + 1}`} wrap="truncate">{`  ${repLine(index + 1, model.reps || model.records.length, record)}`}</Text>
			))}
		</>
	);
}

function FinishedModel({model, simulated}: {model: BenchModelView; simulated: boolean}): React.JSX.Element {
	const label = simulated ? ' [SIMULATED]' : '';
	if (model.phase === 'failed' || !model.speed) {
		return (
			<Box flexDirection="column" marginBottom={1}>
				<Text bold color="red">{`✗ ${model.model}${label}`}</Text>
				<Reps model={model} />
				<Text color="red" wrap="wrap">{`  ${model.error ?? 'failed'}`}</Text>
			</Box>
		);
	}
	const {speed} = model;
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold color={model.practical ? 'green' : 'yellow'}>{`${model.practical ? '✓' : '!'} ${model.model}${label}`}</Text>
			<Reps model={model} />
			{speedSummaryLines(speed).map((line, index) => (
				<Text key={`line-${index}`} wrap="truncate">{`  ${line}`}</Text>
			))}
			{speed.warnings.map((warning) => (
				<Text key={warning} color="yellow" wrap="wrap">{`  ! ${warning}`}</Text>
			))}
			<Text bold color={model.practical ? 'green' : 'yellow'}>{`  ${verdictLine(model.model, model.practical ?? false)}`}</Text>
		</Box>
	);
}

function Live({model, animate, width}: {model: BenchModelView; animate: boolean; width: number}): React.JSX.Element {
	if (model.phase === 'warmup') {
		return (
			<Text>
				{'  '}
				{animate ? <Spinner type="dots" /> : '·'}
				{' warm-up: loading the model (untimed)'}
			</Text>
		);
	}
	const streaming = model.phase === 'streaming';
	const fallbackMax = Math.max(0, ...model.sparkline, model.rate ?? 0);
	return (
		<Box flexDirection="column">
			{model.loadMs === null ? null : <Text dimColor>{`  loaded in ${(model.loadMs / 1000).toFixed(2)} s (warm-up, untimed)`}</Text>}
			<RateGauge rate={model.rate} ceiling={model.ceilingRate} exact={model.rateIsExact} fallbackMax={fallbackMax} lineWidth={width} animate={animate && streaming} />
			{model.rate !== null && !model.rateIsExact ? (
				<Text dimColor wrap="truncate">
					{'  as received: timed here; Ollama’s own count replaces it when the rep ends'}
				</Text>
			) : null}
			<Text>
				{'  '}
				<Sparkline points={model.sparkline} max={model.ceilingRate} color="cyan" />
			</Text>
			<StreamTail text={model.tail} lines={TAIL_LINES} width={width - 2} animate={animate && streaming} />
			<Reps model={model} />
		</Box>
	);
}

export function BenchScreen({view, animate, simulated, cancelHint = false, width = 80}: BenchScreenProps): React.JSX.Element {
	const current = view.current;
	const columns = Math.min(80, width);
	return (
		<Box flexDirection="column" width={columns}>
			<Static items={view.finished}>{(model, index) => <FinishedModel key={`${index}-${model.model}`} model={model} simulated={simulated} />}</Static>
			{current ? (
				<Box flexDirection="column">
					<Text bold>
						{`Benchmark ${current.model} · ${current.rep === 0 ? 'warm-up' : `rep ${current.rep}/${current.reps}`}`}
						{simulated ? <Text color="magenta"> [SIMULATED]</Text> : null}
					</Text>
					<Live model={current} animate={animate} width={columns} />
				</Box>
			) : null}
			{view.warnings.map((warning) => (
				<Text key={warning} color="yellow" wrap="wrap">{`! ${warning}`}</Text>
			))}
			{view.error ? <Text color="red" wrap="wrap">{view.error}</Text> : null}
			{current && cancelHint ? <Text dimColor>Esc or Ctrl+C cancels (finished models are kept)</Text> : null}
		</Box>
	);
}
