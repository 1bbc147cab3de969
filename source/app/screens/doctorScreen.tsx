// Preflight: the wizard's first screen and `trifecta doctor`'s output. Renders a DoctorReport only.
import React from 'react';
import {Box, Text} from 'ink';
import type {DoctorReport} from '../doctor/report.js';
import {SimulatedBanner} from '../components/simulatedBanner.js';

function formatBytesGB(bytes: number): string {
	return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** RAM is sold in binary gigabytes: a "128 GB" Mac has 128 GiB. */
function formatRam(bytes: number): string {
	return `${Math.round(bytes / 1024 ** 3)} GB`;
}

function Row({label, children}: {label: string; children: React.ReactNode}) {
	return (
		<Box>
			<Box width={18} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Box flexGrow={1}>{typeof children === 'string' ? <Text>{children}</Text> : children}</Box>
		</Box>
	);
}

/** --backend openai: the server, its models as it lists them, and what cannot be known through /v1. */
function ServedPreflight({report, server}: {report: DoctorReport; server: NonNullable<DoctorReport['server']>}) {
	return (
		<Box flexDirection="column">
			<SimulatedBanner show={report.simulated} what="a built-in simulator of an inference server, not yours" />
			<Text bold>Preflight (--backend openai)</Text>
			<Row label="Server">
				<Text color="green" wrap="wrap">{`${server.name} answers at ${report.host}/v1, version ${server.version ?? 'not given'}`}</Text>
			</Row>
			<Row label="API key">{process.env['OPENAI_COMPATIBLE_API_KEY'] ? 'OPENAI_COMPATIBLE_API_KEY set' : 'none (set OPENAI_COMPATIBLE_API_KEY if the server wants one)'}</Row>
			<Row label="Bandwidth">{report.system.bandwidthGBs === null ? 'unknown (pass --bandwidth <GB/s> for a ceiling)' : `${report.system.bandwidthGBs} GB/s (--bandwidth)`}</Row>
			<ClaudeRows report={report} />
			<Box marginTop={1} flexDirection="column">
				<Text bold>Served models ({server.models.length})</Text>
				{server.models.length > 0 ? <Text dimColor>{`  ${'id'.padEnd(36)} ${'params'.padEnd(7)} context`}</Text> : <Text dimColor>none: the server lists no model</Text>}
				{server.models.map((model) => (
					<Text key={model.id} wrap="truncate-end">{`  ${model.id.padEnd(36)} ${(model.parameterSize || '?').padEnd(7)} ${model.contextLength ?? 'not given'}`}</Text>
				))}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Not known through /v1</Text>
				{server.cannotKnow.map((line) => (
					<Text key={line} dimColor wrap="wrap">{`  - ${line}`}</Text>
				))}
			</Box>
			<Warnings warnings={report.warnings} />
		</Box>
	);
}

/** `trifecta doctor`: the installed models' full facts, and what is loaded now. */
function ModelTables({report}: {report: DoctorReport}) {
	return (
		<>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Installed models ({report.models.length})</Text>
				{report.models.length > 0 ? (
					<Text dimColor>
						{'  '}
						{'name'.padEnd(20)} {'size'.padStart(8)} {'bytes'.padStart(12)} {'params'.padEnd(6)} {'quant'.padEnd(7)} capabilities
					</Text>
				) : null}
				{report.models.length === 0 ? <Text dimColor>none yet</Text> : null}
				{report.models.map((model) => (
					<Text key={model.name} wrap="truncate-end">
						{'  '}
						{model.name.padEnd(20)} {`${model.sizeGB.toFixed(2)} GB`.padStart(8)} {model.sizeBytes.toString().padStart(12)}{' '}
						{model.parameterSize.padEnd(6)} {model.quantization.padEnd(7)} {model.capabilities.join(',') || '-'}
					</Text>
				))}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Loaded now ({report.loaded.length})</Text>
				{report.loaded.map((model) => (
					<Text key={model.name}>
						{'  '}
						{model.name.padEnd(22)} {formatBytesGB(model.sizeBytes).padStart(9)} {Math.round(model.gpuShare * 100)}% GPU, ctx{' '}
						{model.contextLength ?? '?'}
					</Text>
				))}
			</Box>
		</>
	);
}

/** The installed and loaded models as two wrapped rows: a list heading can never show without its models. */
function CompactModels({report}: {report: DoctorReport}) {
	const installed = report.models.map((model) => `${model.name} ${formatBytesGB(model.sizeBytes)}`).join(', ');
	const loaded = report.loaded.map((model) => `${model.name} ${Math.round(model.gpuShare * 100)}% GPU`).join(', ');
	return (
		<>
			<Row label={`Installed (${report.models.length})`}>{installed || 'none yet'}</Row>
			<Row label={`Loaded now (${report.loaded.length})`}>{loaded || 'none'}</Row>
		</>
	);
}

/**
 * `compact` (the wizard, whose page is cut at the terminal's height): the models come right under
 * the Ollama line as wrapped rows instead of a table at the bottom, so a short terminal never cuts
 * the list below its heading.
 */
export function DoctorScreen({report, compact = false}: {report: DoctorReport; compact?: boolean}) {
	if (report.server) return <ServedPreflight report={report} server={report.server} />;
	const {system} = report;
	const bandwidth =
		system.bandwidthGBs === null
			? 'unknown (pass --bandwidth <GB/s>)'
			: `${system.bandwidthGBs} GB/s (${system.bandwidthSource === 'flag' ? '--bandwidth' : system.bandwidthSource})`;
	return (
		<Box flexDirection="column">
			<SimulatedBanner show={report.simulated} what="a built-in simulator of an M3 Max, not your machine" />
			<Text bold>Preflight</Text>
			<Row label="Ollama">
				<Text color="green">
					reachable at {report.host}, version {report.ollama.version}
				</Text>
			</Row>
			{compact ? <CompactModels report={report} /> : null}
			<Row label="Chip">{`${system.chip ?? 'unknown'}${system.gpuCores ? `, ${system.gpuCores}-core GPU` : ''}`}</Row>
			<Row label="Bandwidth">{bandwidth}</Row>
			<Row label="RAM">{`${formatRam(system.totalRamBytes)} total, ${formatRam(system.freeRamBytes)} free`}</Row>
			<Row label="Disk (results)">
				{system.resultsDisk ? `${formatBytesGB(system.resultsDisk.freeBytes)} free at ${system.resultsDisk.path}` : 'unknown'}
			</Row>
			<Row label="Disk (models)">
				{system.modelsDisk
					? `${formatBytesGB(system.modelsDisk.freeBytes)} free at ${system.modelsDisk.path}`
					: 'Ollama is on another machine: not checked'}
			</Row>
			<ClaudeRows report={report} />
			{compact ? null : <ModelTables report={report} />}
			<Warnings warnings={report.warnings} />
		</Box>
	);
}

function Warnings({warnings}: {warnings: readonly string[]}): React.JSX.Element | null {
	if (warnings.length === 0) return null;
	return (
		<Box marginTop={1} flexDirection="column">
			{warnings.map((warning) => (
				<Text key={warning} color="yellow">
					⚠ {warning}
				</Text>
			))}
		</Box>
	);
}

/** The Anthropic key (set or missing, never shown) and the baseline model, on either backend. */
function ClaudeRows({report}: {report: DoctorReport}): React.JSX.Element {
	return (
		<>
			<Row label="Anthropic key">
				<Text color={report.anthropicApiKey === 'set' ? 'green' : 'yellow'}>
					{report.anthropicApiKey === 'set' ? 'set' : 'missing (the Claude baseline will be skipped)'}
				</Text>
			</Row>
			<Row label="Claude baseline">
				{`${report.claude.model}${report.claude.baseline === 'skipped' ? ` — skipped: ${report.claude.skipReason ?? ''}` : ''}`}
			</Row>
		</>
	);
}
