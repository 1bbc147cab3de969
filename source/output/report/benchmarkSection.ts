// Section 1: one row per model (and the baseline) with speed, tool calling and the reasoning figures.
// The columns are declared in output/tables/benchmarkSpec.ts, shared with the terminal and the CSV.
import type {ResultsFile} from '../../domain/schema.js';
import {baselineMissingReason, fixed, integer} from '../textFormat.js';
import {BENCHMARK_COLUMNS, benchmarkRows} from '../tables/benchmarkSpec.js';
import {textCells, textTable} from '../tables/tableSpec.js';
import {mdTable} from './markdown.js';

/** Each prefill rate with the prompt it was measured over, as the server's tokenizer counted it. */
function prefillSentence(results: ResultsFile): string | null {
	const each = results.models.flatMap((model) => {
		const speed = model.speed;
		if (!speed || speed.promptEvalRate.samples.length === 0) return [];
		const tokens = speed.promptEvalCount?.samples.length ? ` over ${integer(speed.promptEvalCount.mean)} prompt tokens` : '';
		return [`${model.name} ${fixed(speed.promptEvalRate.mean)} t/s${tokens}`];
	});
	if (each.length === 0) return null;
	return `Prefill (reading the prompt; the token counts are Ollama's own prompt_eval_count): ${each.join('; ')}.`;
}

export function formatBenchmarkSection(results: ResultsFile): string {
	const {headers, rows} = textCells(textTable(BENCHMARK_COLUMNS, 'report', benchmarkRows(results, 'report')));
	const baseline = results.baseline;
	const parts = [rows.length === 0 ? 'No model has been measured yet.' : mdTable(headers, rows)];
	const missing = baselineMissingReason(results);
	if (missing !== null) parts.push(`Claude baseline skipped: ${missing}.`);
	else if (baseline?.costUsd !== null && baseline?.costUsd !== undefined) {
		parts.push(`Claude baseline cost for the three prompts: $${baseline.costUsd.toFixed(4)} (${integer(baseline.usage?.inputTokens)} input, ${integer(baseline.usage?.outputTokens)} output tokens).`);
	}
	const prefill = prefillSentence(results);
	if (prefill !== null) parts.push(prefill);
	parts.push('Speed is the decode rate from Ollama\'s counters; the ceiling is memory bandwidth / model bytes; "-" or "not measured" means the step has not run for that model.');
	return parts.join('\n\n');
}
