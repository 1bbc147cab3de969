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

/** The market of a response recorded before per-market scenarios existed. */
export const MARKET = 'market-context';

export function toCsv(table: CsvTable): string {
	const rows = table.rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : typeof cell === 'string' ? sanitizeText(cell) : cell)));
	// Names and notes come from outside: no escape sequence reaches a spreadsheet or a terminal `cat`.
	return stringify([table.columns, ...rows], {escape_formulas: true, record_delimiter: 'unix'});
}

export function benchmarkTable(results: ResultsFile): CsvTable {
	return csvTable(BENCHMARK_COLUMNS, benchmarkRows(results, 'csv'));
}

/**
 * One row per market the score is the mean of (one row for files from before markets), each with
 * that market's own score, figures and transcript beside the mean and its n. Timing is recorded
 * per response, not per market: it stays on the first market's row.
 */
function reasoningRows(subject: string, simulated: boolean, response: ScoredResponse): Cell[][] {
	const markets = response.scenarios && response.scenarios.length > 0 ? response.scenarios : null;
	const n = markets?.length ?? 1;
	const row = (market: string, status: string, score: number | null, m: ScoredResponse['metrics'], transcript: string | null, error: string | null, first: boolean): Cell[] => [
		subject, simulated, market, response.role, status, score, response.score, n, response.relativeToBaseline,
		m?.words ?? null, m?.chars ?? null, m?.figures ?? null, m?.grounded ?? null, m?.unsupported ?? null,
		m?.decision ?? null, m?.entry ?? null, m?.stopLoss ?? null, m?.target ?? null, m?.levelsCoherent ?? null, m?.positionSizing ?? null, m?.timeHorizon ?? null,
		first ? response.elapsedSeconds : null, first ? response.outputTokens : null, first ? response.tokensPerSecond : null, first ? response.ttftMs : null, transcript, error,
	];
	if (markets === null) return [row(MARKET, response.status, response.score, response.metrics, response.transcript, response.error ?? null, true)];
	return markets.map((market, index) => row(market.scenario, market.status, market.quality, market.metrics, market.transcript, market.error ?? null, index === 0));
}

export function reasoningTable(results: ResultsFile): CsvTable {
	const columns = [
		'model', 'simulated', 'market', 'role', 'status', 'score (0-10)', 'mean score over markets (0-10)', 'markets (n)', 'relative to Claude (0-1)', 'words', 'characters', 'figures', 'grounded figures',
		'unsupported figures', 'decision', 'entry ($)', 'stop-loss ($)', 'target ($)', 'levels coherent', 'position sizing', 'time horizon',
		'elapsed (s)', 'output tokens', 'rate (t/s)', 'TTFT (ms)', 'transcript', 'error',
	];
	const subjects = results.models.map((model) => ({name: model.name, reasoning: model.reasoning}));
	if (results.baseline?.status === 'ok') subjects.push({name: `claude:${results.baseline.model}`, reasoning: results.baseline.reasoning});
	const rows = subjects.flatMap(({name, reasoning}) =>
		(['bull', 'bear', 'trader'] as const).flatMap((role) => {
			const response = reasoning?.[role];
			return response ? reasoningRows(name, results.simulated, response) : [];
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
