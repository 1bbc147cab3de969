// The benchmark table: one row per model (and the Claude baseline), declared once and drawn by the
// wizard's verdict (terminal), the report's section 1 and benchmark.csv. A column added at the end
// of BENCHMARK_COLUMNS with no `show` appears on all three (docs/ARCHITECTURE.md, "Add a table column").
import type {ModelResult, ReasoningResult, ResultsFile} from '../../domain/schema.js';
import {endpointSummary} from '../toolTable.js';
import {NOT_MEASURED, fixed, gigabytes, integer, percent, truncate} from '../textFormat.js';
import {checkOf, sizeOf} from '../report/facts.js';
import {BLANK, type Surface, type TableColumn} from './tableSpec.js';

export type BenchmarkRow = {
	/** The model's name, or `claude:<model>` for the baseline. */
	name: string;
	/** Null on the baseline's row: it has no local speed, size or tool test. */
	model: ModelResult | null;
	reasoning: ReasoningResult | undefined;
	results: ResultsFile;
	/** The minimum practical rate the terminal marks "slow" against (the wizard's setting). */
	minRate: number | null;
};

export type BenchmarkColumn = TableColumn<BenchmarkRow>;

type Role = 'bull' | 'bear' | 'trader';

function words(row: BenchmarkRow, role: Role): string {
	const response = row.reasoning?.[role];
	if (!response) return '-';
	if (response.status === 'error') return 'ERROR';
	return integer(response.metrics?.words);
}

/** A report cell of the trader's risk levels: '-' when the trader answer has no metrics. */
function traderText(row: BenchmarkRow, cell: (metrics: NonNullable<NonNullable<ReasoningResult['trader']>['metrics']>) => string): string {
	const metrics = row.reasoning?.trader?.metrics;
	return metrics ? cell(metrics) : '-';
}

function rate(row: BenchmarkRow): number | null {
	return row.model?.speed?.evalRate.mean ?? null;
}


// † : the reps ran while another model downloaded (disk and network busy; the legend says which).
const dagger = (row: BenchmarkRow): string => (row.model?.speed?.duringDownload ? ' †' : '');

const score = (role: Role) => (row: BenchmarkRow) => row.reasoning?.[role]?.score ?? null;

export const BENCHMARK_COLUMNS: readonly BenchmarkColumn[] = [
	{key: 'model', header: 'model', value: (row) => row.name, show: {terminal: {text: (row) => (row.model ? row.name : 'Claude (baseline)')}, report: {text: (row) => (row.model ? row.name : `${row.name} (baseline)`)}, csv: true}},
	{key: 'simulated', header: 'simulated', value: (row) => row.results.simulated, show: {csv: true}},
	// The report falls back to the catalog's size; the CSV holds only what Ollama reported.
	{key: 'size', header: 'size', unit: 'bytes', value: (row) => row.model?.sizeBytes ?? null, show: {report: {header: 'size GB', text: (row) => (row.model ? gigabytes(sizeOf(row.model)) : '-')}, csv: true}},
	{key: 'parameters', header: 'parameters', value: (row) => row.model?.parameterSize ?? null, show: {csv: true}},
	{key: 'quantization', header: 'quantization', value: (row) => row.model?.quantization ?? null, show: {csv: true}},
	{
		key: 'decode', header: 'decode mean', unit: 't/s', value: rate,
		show: {
			terminal: {header: 't/s', text: (row) => {
				const mean = rate(row);
				if (mean === null) return BLANK.terminal;
				return `${mean.toFixed(1)}${row.minRate !== null && mean < row.minRate ? ' slow' : ''}${dagger(row)}`;
			}},
			report: {header: 'speed t/s (mean ± sd)', text: (row) => {
				const speed = row.model?.speed?.evalRate;
				if (!row.model) return '-';
				return speed ? `${fixed(speed.mean)} ± ${fixed(speed.sd)}${dagger(row)}` : NOT_MEASURED;
			}},
			csv: true,
		},
	},
	// The trader's absolute judged score, then the score the threshold reads (10 x local / Claude on
	// the same judge calls, with its 95 % interval) and its outcome: one definition, one name.
	// Narrow terminals leave out tools, then the absolute trader score: the relative score and its outcome decide.
	{key: 'trader', header: 'trader', value: score('trader'), show: {terminal: {dropRank: 2}}},
	{
		key: 'relative', header: 'relative to Claude', unit: '10 = Claude', value: (row) => (row.model ? checkOf(row.results, row.model).value : row.reasoning?.trader ? 10 : null),
		show: {terminal: {header: 'relative', text: (row) => {
			if (!row.model) return row.reasoning?.trader ? '10.0' : BLANK.terminal;
			const check = checkOf(row.results, row.model);
			if (check.value === null) return BLANK.terminal;
			return check.low === null || check.high === null || check.low === check.high ? check.value.toFixed(1) : `${check.value.toFixed(1)} [${check.low.toFixed(1)}–${check.high.toFixed(1)}]`;
		}}, csv: true},
	},
	{key: 'outcome', header: 'outcome', value: (row) => (row.model ? (row.model.reasoning?.trader ? checkOf(row.results, row.model).outcome : null) : row.reasoning?.trader ? 'reference' : null), show: {terminal: true, csv: true}},
	{key: 'tools', header: 'tools', value: (row) => (row.model?.toolCalling?.openai ? `${row.model.toolCalling.openai.passed}/${row.model.toolCalling.openai.total}` : null), show: {terminal: {dropRank: 1}}},
	{key: 'decodeSd', header: 'decode sd', unit: 't/s', value: (row) => row.model?.speed?.evalRate.sd ?? null, show: {csv: true}},
	{key: 'decodeSamples', header: 'decode samples', unit: 't/s', value: (row) => (row.model?.speed ? row.model.speed.evalRate.samples.join(' ') : null), show: {csv: true}},
	{key: 'prefill', header: 'prefill mean', unit: 't/s', value: (row) => row.model?.speed?.promptEvalRate.mean ?? null, show: {csv: true}},
	{key: 'prefillSd', header: 'prefill sd', unit: 't/s', value: (row) => row.model?.speed?.promptEvalRate.sd ?? null, show: {csv: true}},
	// The prompt the prefill rate was read over, as the server counted it (prompt_eval_count), not an estimate.
	{key: 'prefillPrompt', header: 'prefill prompt', unit: 'tokens', value: (row) => row.model?.speed?.promptEvalCount?.mean ?? null, show: {csv: true}},
	{key: 'ttft', header: 'TTFT mean', unit: 'ms', value: (row) => row.model?.speed?.ttftMs.mean ?? null, show: {csv: true}},
	{key: 'load', header: 'load', unit: 'ms', value: (row) => row.model?.speed?.loadMs ?? null, show: {csv: true}},
	{key: 'ceiling', header: 'ceiling', unit: 't/s', value: (row) => row.model?.speed?.ceilingRate ?? null, show: {report: {header: 'ceiling t/s'}, csv: true}},
	{key: 'bandwidth', header: 'bandwidth', unit: 'GB/s', value: (row) => row.model?.speed?.bandwidthGBs ?? null, show: {csv: true}},
	{key: 'efficiency', header: 'efficiency', unit: '0-1', value: (row) => row.model?.speed?.efficiency ?? null, format: (fraction) => percent(fraction), show: {report: {header: 'efficiency'}, csv: true}},
	{key: 'practical', header: 'practical', value: (row) => row.model?.practical ?? null, show: {csv: true}},
	{key: 'minRate', header: 'minimum rate', unit: 't/s', value: (row) => row.results.settings?.minRate ?? null, show: {csv: true}},
	{key: 'pipeline', header: 'pipeline run estimate', unit: 's', value: (row) => row.model?.speed?.pipelineEstimateSeconds ?? null, show: {csv: true}},
	{key: 'gpuShare', header: 'GPU share', unit: '0-1', value: (row) => row.model?.speed?.memory?.gpuShare ?? null, show: {csv: true}},
	{key: 'numCtx', header: 'num_ctx', unit: 'tokens', value: (row) => row.model?.speed?.options.num_ctx ?? null, show: {csv: true}},
	{key: 'reps', header: 'repetitions', value: (row) => row.model?.speed?.options.reps ?? null, show: {csv: true}},
	{key: 'toolsNative', header: 'tools native', value: (row) => (row.model ? endpointSummary(row.model.toolCalling?.native) : null), show: {report: true}},
	{key: 'toolsOpenai', header: 'tools openai', value: (row) => (row.model ? endpointSummary(row.model.toolCalling?.openai) : null), show: {report: true}},
	{key: 'bullWords', header: 'bull words', value: (row) => words(row, 'bull'), show: {report: true}},
	{key: 'bearWords', header: 'bear words', value: (row) => words(row, 'bear'), show: {report: true}},
	{key: 'traderWords', header: 'trader words', value: (row) => words(row, 'trader'), show: {report: true}},
	{key: 'decision', header: 'decision', value: (row) => row.reasoning?.trader?.metrics?.decision ?? null, show: {report: {text: (row) => traderText(row, (m) => m.decision ?? 'none')}}},
	{key: 'stopLoss', header: 'stop-loss', value: (row) => row.reasoning?.trader?.metrics?.stopLoss ?? null, show: {report: {text: (row) => traderText(row, (m) => (m.stopLoss === null ? 'none' : fixed(m.stopLoss, 2)))}}},
	{key: 'target', header: 'target', value: (row) => row.reasoning?.trader?.metrics?.target ?? null, show: {report: {text: (row) => traderText(row, (m) => (m.target === null ? 'none' : fixed(m.target, 2)))}}},
	{key: 'sizing', header: 'sizing', value: (row) => row.reasoning?.trader?.metrics?.positionSizing ?? null, show: {report: {text: (row) => traderText(row, (m) => (m.positionSizing ? truncate(m.positionSizing, 30) : 'none'))}}},
	{
		key: 'traderScore', header: 'trader score', value: score('trader'),
		show: {report: {text: (row) => {
			const trader = row.reasoning?.trader;
			if (trader?.metrics) return fixed(trader.score);
			return trader?.status === 'error' ? 'ERROR' : '-';
		}}},
	},
];

/**
 * The rows each surface shows: the terminal, the models with a reasoning result and the baseline;
 * the report, every model and the baseline; the CSV, every model (the baseline's figures are in
 * reasoning.csv).
 */
export function benchmarkRows(results: ResultsFile, surface: Surface, minRate: number | null = results.settings?.minRate ?? null): BenchmarkRow[] {
	const models = surface === 'terminal' ? results.models.filter((model) => model.reasoning !== undefined) : results.models;
	const rows: BenchmarkRow[] = models.map((model) => ({name: model.name, model, reasoning: model.reasoning, results, minRate}));
	if (surface !== 'csv' && results.baseline?.status === 'ok') rows.push({name: `claude:${results.baseline.model}`, model: null, reasoning: results.baseline.reasoning, results, minRate});
	return rows;
}
