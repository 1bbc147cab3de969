// Section 1: one row per model (and the baseline) with speed, tool calling and the reasoning figures.
import type {ModelResult, ReasoningResult, ResultsFile} from '../../domain/schema.js';
import {endpointSummary} from '../toolTable.js';
import {NOT_MEASURED, baselineMissingReason, fixed, gigabytes, integer, percent, truncate} from '../textFormat.js';
import {sizeOf} from './facts.js';
import {mdTable} from './markdown.js';
import {RATE_SOURCE_TEXT, rateSourceOf} from '../../analysis/rateSource.js';
import type {RateSource} from '../../domain/schemaSpeed.js';

function speedCell(model: ModelResult): string {
	const rate = model.speed?.evalRate;
	if (!rate) return NOT_MEASURED;
	// † : the reps ran while another model downloaded (the header says which).
	return `${fixed(rate.mean)} ± ${fixed(rate.sd)}${model.speed?.duringDownload ? ' †' : ''}`;
}

function words(reasoning: ReasoningResult | undefined, role: 'bull' | 'bear' | 'trader'): string {
	const response = reasoning?.[role];
	if (!response) return '-';
	if (response.status === 'error') return 'ERROR';
	return integer(response.metrics?.words);
}

function traderCells(reasoning: ReasoningResult | undefined): string[] {
	const trader = reasoning?.trader;
	const m = trader?.metrics;
	if (!trader || !m) return ['-', '-', '-', '-', trader?.status === 'error' ? 'ERROR' : '-'];
	return [
		m.decision ?? 'none',
		m.stopLoss === null ? 'none' : fixed(m.stopLoss, 2),
		m.target === null ? 'none' : fixed(m.target, 2),
		m.positionSizing ? truncate(m.positionSizing, 30) : 'none',
		fixed(trader.score),
	];
}

/** Where the speed column comes from, naming the models of each source when there is more than one. */
function speedSources(results: ResultsFile): string {
	const bySource = new Map<RateSource, string[]>();
	for (const model of results.models) {
		if (!model.speed) continue;
		const source = rateSourceOf(model.speed);
		bySource.set(source, [...(bySource.get(source) ?? []), model.name]);
	}
	if (bySource.size === 0) return "Speed is the decode rate from Ollama's counters";
	if (bySource.size === 1) {
		const [source] = [...bySource.keys()];
		const server = results.models.find((model) => model.speed?.server)?.speed?.server;
		return `Speed is the decode rate from ${RATE_SOURCE_TEXT[source ?? 'ollama-counters']}${server ? `, measured on ${server}` : ''}`;
	}
	return `Speed is the decode rate from ${[...bySource].map(([source, names]) => `${RATE_SOURCE_TEXT[source]} for ${names.join(', ')}`).join('; ')}`;
}

export function formatBenchmarkSection(results: ResultsFile): string {
	const headers = ['model', 'size GB', 'speed t/s (mean ± sd)', 'ceiling t/s', 'efficiency', 'tools native', 'tools openai', 'bull words', 'bear words', 'trader words', 'decision', 'stop-loss', 'target', 'sizing', 'trader score'];
	const rows = results.models.map((model) => [
		model.name,
		gigabytes(sizeOf(model)),
		speedCell(model),
		fixed(model.speed?.ceilingRate),
		percent(model.speed?.efficiency),
		endpointSummary(model.toolCalling?.native),
		endpointSummary(model.toolCalling?.openai),
		words(model.reasoning, 'bull'),
		words(model.reasoning, 'bear'),
		words(model.reasoning, 'trader'),
		...traderCells(model.reasoning),
	]);
	const baseline = results.baseline;
	if (baseline?.status === 'ok') {
		rows.push([
			`claude:${baseline.model} (baseline)`, '-', '-', '-', '-', '-', '-',
			words(baseline.reasoning, 'bull'), words(baseline.reasoning, 'bear'), words(baseline.reasoning, 'trader'),
			...traderCells(baseline.reasoning),
		]);
	}
	const parts = [rows.length === 0 ? 'No model has been measured yet.' : mdTable(headers, rows)];
	const missing = baselineMissingReason(results);
	if (missing !== null) parts.push(`Claude baseline skipped: ${missing}.`);
	else if (baseline?.costUsd !== null && baseline?.costUsd !== undefined) {
		parts.push(`Claude baseline cost for the three prompts: $${baseline.costUsd.toFixed(4)} (${integer(baseline.usage?.inputTokens)} input, ${integer(baseline.usage?.outputTokens)} output tokens).`);
	}
	parts.push(`${speedSources(results)}; the ceiling is memory bandwidth / model bytes; "-" or "not measured" means the step has not run for that model.`);
	return parts.join('\n\n');
}
