// The small screens: preflight without a doctor report, work in progress between steps, a step
// canceled or failed, and the end with every file that was written.
import React from 'react';
import {Box, Text} from 'ink';
import type {MachineFacts} from '../../../experiment/strategy/index.js';
import type {Recommendation} from '../../../domain/schema.js';
import {Prose} from '../../components/prose.js';
import {fileGroups} from '../../lines/fileGroups.js';
import {verdictSentences} from '../../lines/runLines.js';

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

export function InterruptedScreen({kind, message, resultsPath, resumeCommand}: {kind: 'canceled' | 'failed'; message: string; resultsPath: string; resumeCommand: string}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold color={kind === 'failed' ? 'red' : 'yellow'}>
				{kind === 'failed' ? 'The step failed' : 'Step canceled'}
			</Text>
			<Prose>{message}</Prose>
			<Prose>{`Everything measured so far is kept in ${resultsPath}. Enter retries; q quits (run \`${resumeCommand}\` again to resume).`}</Prose>
		</Box>
	);
}

/** The stored next step, preceded by writing the config it runs (Skip left it out of the pipeline). */
export function writeFirst({config, command}: {config: string; command: string}, nextStep: string): string {
	return `\`${command}\` first (${config} is not in the pipeline yet), then ${nextStep.charAt(0).toLowerCase()}${nextStep.slice(1)}`;
}

export function DoneScreen({
	files,
	resultsPath,
	recommendation,
	timeLine = null,
	commitFailure = null,
	unwrittenConfig = null,
}: {
	files: string[];
	resultsPath: string;
	recommendation: Recommendation | null;
	/** "experiment took 1 h 12 min; models generating 41 min, …", when timed. */
	timeLine?: string | null;
	/** The configs commit the user asked for failed: why, and what to run by hand. */
	commitFailure?: {error: string; pipelineDir: string; commands: string[]} | null;
	/**
	 * The recommended config the next step names, when the user did not write it into the pipeline,
	 * and the command that writes it: the next step then starts there.
	 */
	unwrittenConfig?: {config: string; command: string} | null;
}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				Done
			</Text>
			{verdictSentences(recommendation).map(([label, text]) => (
				<Prose key={label}>{`${label}: ${label === 'Next step' && unwrittenConfig ? writeFirst(unwrittenConfig, text) : text}`}</Prose>
			))}
			{timeLine ? <Prose>{timeLine[0]?.toUpperCase() + timeLine.slice(1)}</Prose> : null}
			{commitFailure ? (
				<Box flexDirection="column">
					<Prose color="red">{`The configs are written but not committed: ${commitFailure.error}. Fix git, then commit them by hand:`}</Prose>
					<Box paddingLeft={2}>
						<Prose>{[`cd ${commitFailure.pipelineDir}`, ...commitFailure.commands].join('\n')}</Prose>
					</Box>
				</Box>
			) : null}
			<Prose>{`Results: ${resultsPath}`}</Prose>
			<Text bold>{files.length === 0 ? 'No files written besides the results.' : 'Files written:'}</Text>
			{fileGroups(files).map((line) => (
				// Indented as a block, so a group that wraps stays under its heading.
				<Box key={line} paddingLeft={2}>
					<Prose>{line}</Prose>
				</Box>
			))}
		</Box>
	);
}
