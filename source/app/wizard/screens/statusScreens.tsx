// The small screens: preflight without a doctor report, work in progress between steps, a step
// canceled or failed, the configs written, and the end with every file that was written.
import React from 'react';
import {Box, Text} from 'ink';
import type {MachineFacts} from '../../../experiment/strategy/index.js';
import type {Recommendation} from '../../../output/schema.js';

export function MachineSummary({machine}: {machine: MachineFacts | null}): React.JSX.Element {
	if (machine === null) return <Text>Checking Ollama and this machine…</Text>;
	return (
		<Box flexDirection="column">
			<Text bold>Preflight</Text>
			<Text>{`RAM ${(machine.totalRamBytes / 1e9).toFixed(0)} GB · bandwidth ${machine.bandwidthGBs ?? 'unknown'} GB/s · models disk ${machine.modelsDiskFreeBytes === null ? 'not checked' : `${(machine.modelsDiskFreeBytes / 1e9).toFixed(0)} GB free`}`}</Text>
			<Text>{`Installed: ${machine.installed.map((model) => model.name).join(', ') || 'none'}`}</Text>
			<Text>{`Claude baseline: ${machine.claudeAvailable ? 'available' : 'skipped'}`}</Text>
		</Box>
	);
}

export function WorkingScreen({what}: {what: string}): React.JSX.Element {
	return <Text>{what}</Text>;
}

export function InterruptedScreen({kind, message, resultsPath}: {kind: 'canceled' | 'failed'; message: string; resultsPath: string}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold color={kind === 'failed' ? 'red' : 'yellow'}>
				{kind === 'failed' ? 'The step failed' : 'Step canceled'}
			</Text>
			<Text wrap="wrap">{message}</Text>
			<Text wrap="wrap">{`Everything measured so far is kept in ${resultsPath}. Enter retries; q quits (start trifecta again to resume).`}</Text>
		</Box>
	);
}

export function ConfigsScreen({recommendation, files, diff}: {recommendation: Recommendation | null; files: string[]; diff: string | null}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold>Hybrid configs</Text>
			{recommendation?.model ? (
				<Text>{`For ${recommendation.model}${recommendation.practical === false ? ' (IMPRACTICAL: below the minimum rate)' : ''}: ${recommendation.configs.join(', ')}`}</Text>
			) : (
				<Text>No local model to write configs for.</Text>
			)}
			{files.map((file) => (
				<Text key={file}>{`wrote ${file}`}</Text>
			))}
			{diff ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>The pipeline here can take them. Patch it? (backups are kept; running twice changes nothing)</Text>
					<Text>{diff.split('\n').slice(0, 30).join('\n')}</Text>
				</Box>
			) : null}
		</Box>
	);
}

export function DoneScreen({
	files,
	resultsPath,
	recommendation,
	timeLine = null,
}: {
	files: string[];
	resultsPath: string;
	recommendation: Recommendation | null;
	/** "experiment took 1 h 12 min; models generating 41 min, …" (issue 16), when timed. */
	timeLine?: string | null;
}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				Done
			</Text>
			<Text wrap="wrap">{`Recommendation: ${recommendation?.model ?? 'none'} — ${recommendation?.reason ?? ''}`}</Text>
			{timeLine ? <Text wrap="wrap">{timeLine[0]?.toUpperCase() + timeLine.slice(1)}</Text> : null}
			<Text>{`Results: ${resultsPath}`}</Text>
			{files.map((file) => (
				<Text key={file}>{`Written: ${file}`}</Text>
			))}
		</Box>
	);
}
