// results/tool_calling_scaling.txt: per endpoint the pipeline uses, models x scenarios.
import path from 'node:path';
import type {EndpointToolResult, ResultsFile, ToolScenarioId, ToolScenarioOutcome} from '../domain/schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {SIMULATED_BANNER, textTable, truncate} from './textFormat.js';
import {sanitizeText} from '../system/sanitize.js';

export const TOOL_TABLE_FILE_NAME = 'tool_calling_scaling.txt';
export const SCENARIOS: readonly ToolScenarioId[] = ['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak'];
export const ENDPOINTS = [
	{key: 'native', title: 'Native Ollama API (/api/chat with tools)'},
	{key: 'openai', title: 'OpenAI-compatible API (/v1/chat/completions, as LangChain ChatOpenAI calls it)'},
] as const;

const REASON_WIDTH = 32;

export function formatOutcome(outcome: ToolScenarioOutcome | undefined): string {
	if (!outcome) return '-';
	switch (outcome.outcome) {
		case 'pass':
			return 'pass';
		case 'fail':
			return `FAIL: ${truncate(outcome.reason, REASON_WIDTH)}`;
		case 'unsupported':
			return 'unsupported';
		case 'error':
			return `error: ${truncate(outcome.reason, REASON_WIDTH)}`;
	}
}

/** "3/5", or "unsupported" / "not tested". */
export function endpointSummary(result: EndpointToolResult | undefined): string {
	if (!result) return 'not tested';
	if (!result.supported) return `unsupported (0/${result.total})`;
	return `${result.passed}/${result.total}`;
}

export function formatToolGrid(results: ResultsFile, endpoint: 'native' | 'openai'): string {
	const rows: string[][] = [];
	const notes: string[] = [];
	for (const model of results.models) {
		const result = model.toolCalling?.[endpoint];
		if (!result) {
			rows.push([model.name, ...SCENARIOS.map(() => '-'), 'not tested']);
			continue;
		}
		rows.push([model.name, ...SCENARIOS.map((id) => formatOutcome(result.scenarios.find((s) => s.id === id))), endpointSummary(result)]);
		for (const scenario of result.scenarios) {
			if (scenario.outcome !== 'pass' && scenario.reason.length > REASON_WIDTH) {
				notes.push(`  ${model.name} / ${scenario.id}: ${scenario.reason}`);
			}
		}
	}
	if (rows.length === 0) return 'No model has been tested yet.';
	const grid = textTable(['model', ...SCENARIOS, 'passed/total'], rows);
	return notes.length === 0 ? grid : `${grid}\n\nFull reasons:\n${notes.join('\n')}`;
}

export function formatToolTable(results: ResultsFile): string {
	const parts: string[] = [];
	if (results.simulated) parts.push(SIMULATED_BANNER, '');
	parts.push('Tool calling across models, on both endpoints the pipeline uses', `Updated: ${results.updatedAt}`, '');
	for (const endpoint of ENDPOINTS) {
		parts.push(endpoint.title, '', formatToolGrid(results, endpoint.key), '');
	}
	return `${parts.join('\n').trimEnd()}\n`;
}

export function writeToolTable(resultsDir: string, results: ResultsFile): string {
	const file = path.join(path.resolve(resultsDir), TOOL_TABLE_FILE_NAME);
	// Tool names, arguments and error texts came from a server: sanitised on the way into the file.
	writeFileAtomic(file, sanitizeText(formatToolTable(results)));
	return file;
}
