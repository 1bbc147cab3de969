// `trifecta report --csv`: the results record flattened for a spreadsheet. Units live in the
// headers; every row says whether it was SIMULATED; cells a spreadsheet would run as a formula
// (a model name starting with "=") are escaped by the writer.
import path from 'node:path';
import {stringify} from 'csv-stringify/sync';
import {writeFileAtomic} from './atomicWrite.js';
import {sanitizeText} from '../system/sanitize.js';
import type {ResultsFile, ScoredResponse} from '../domain/schema.js';
import {ENDPOINTS} from './toolTable.js';
import {BENCHMARK_COLUMNS, benchmarkRows} from './tables/benchmarkSpec.js';
import {csvTable, type Cell, type CsvTable} from './tables/tableSpec.js';

export const CSV_FILES = {benchmark: 'benchmark.csv', reasoning: 'reasoning.csv', tools: 'tools.csv'} as const;

export type {CsvTable};

/** The one market context the prompts share today; per-market rows come with several contexts. */
export const MARKET = 'market-context';

export function toCsv(table: CsvTable): string {
	const rows = table.rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : typeof cell === 'string' ? sanitizeText(cell) : cell)));
	// Names and notes come from outside: no escape sequence reaches a spreadsheet or a terminal `cat`.
	return stringify([table.columns, ...rows], {escape_formulas: true, record_delimiter: 'unix'});
}

export function benchmarkTable(results: ResultsFile): CsvTable {
	return csvTable(BENCHMARK_COLUMNS, benchmarkRows(results, 'csv'));
}

function reasoningRow(subject: string, simulated: boolean, response: ScoredResponse): Cell[] {
	const m = response.metrics;
	return [
		subject, simulated, MARKET, response.role, response.status, response.score, response.relativeToBaseline,
		m?.words ?? null, m?.chars ?? null, m?.figures ?? null, m?.grounded ?? null, m?.unsupported ?? null,
		m?.decision ?? null, m?.entry ?? null, m?.stopLoss ?? null, m?.target ?? null, m?.levelsCoherent ?? null, m?.positionSizing ?? null, m?.timeHorizon ?? null,
		response.elapsedSeconds, response.outputTokens, response.tokensPerSecond, response.ttftMs, response.transcript, response.error ?? null,
	];
}

export function reasoningTable(results: ResultsFile): CsvTable {
	const columns = [
		'model', 'simulated', 'market', 'role', 'status', 'score (0-10)', 'relative to Claude (0-1)', 'words', 'characters', 'figures', 'grounded figures',
		'unsupported figures', 'decision', 'entry ($)', 'stop-loss ($)', 'target ($)', 'levels coherent', 'position sizing', 'time horizon',
		'elapsed (s)', 'output tokens', 'rate (t/s)', 'TTFT (ms)', 'transcript', 'error',
	];
	const subjects = results.models.map((model) => ({name: model.name, reasoning: model.reasoning}));
	if (results.baseline?.status === 'ok') subjects.push({name: `claude:${results.baseline.model}`, reasoning: results.baseline.reasoning});
	const rows = subjects.flatMap(({name, reasoning}) =>
		(['bull', 'bear', 'trader'] as const).flatMap((role) => {
			const response = reasoning?.[role];
			return response ? [reasoningRow(name, results.simulated, response)] : [];
		}),
	);
	return {columns, rows};
}

export function toolsTable(results: ResultsFile): CsvTable {
	const columns = ['model', 'simulated', 'endpoint', 'supported', 'scenario', 'outcome', 'reason', 'latency (ms)'];
	const rows = results.models.flatMap((model) =>
		ENDPOINTS.flatMap(({key}) => {
			const endpoint = model.toolCalling?.[key];
			if (!endpoint) return [];
			return endpoint.scenarios.map((scenario): Cell[] => [model.name, results.simulated, key, endpoint.supported, scenario.id, scenario.outcome, scenario.reason, scenario.latencyMs]);
		}),
	);
	return {columns, rows};
}

/** Writes the three files into the results directory; returns their paths. */
export function writeCsvExports(resultsDir: string, results: ResultsFile): string[] {
	const dir = path.resolve(resultsDir);
	const tables: Array<[string, CsvTable]> = [
		[CSV_FILES.benchmark, benchmarkTable(results)],
		[CSV_FILES.reasoning, reasoningTable(results)],
		[CSV_FILES.tools, toolsTable(results)],
	];
	return tables.map(([file, table]) => {
		const target = path.join(dir, file);
		writeFileAtomic(target, toCsv(table), {root: dir});
		return target;
	});
}
