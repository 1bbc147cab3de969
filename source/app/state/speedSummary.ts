// The end-of-benchmark text for one model, shared by the Benchmark screen and the plain stderr
// lines: the `ollama run --verbose` block of the last rep, then mean ± sd of every figure,
// ceiling, efficiency and memory. Every line fits 80 columns.
import {verboseLines} from '../../analysis/verboseBlock.js';
import type {RepRecord, SpeedResult} from '../../domain/schema.js';
import type {OllamaCounters} from '../../providers/types.js';
import {formatBytes, formatPercent} from '../../analysis/units.js';

const MAX_SAMPLES_SHOWN = 6;

export function repCounters(rep: RepRecord): OllamaCounters {
	return {
		totalDuration: rep.totalDurationNs,
		loadDuration: rep.loadDurationNs,
		promptEvalCount: rep.promptEvalCount,
		promptEvalDuration: rep.promptEvalDurationNs,
		evalCount: rep.evalCount,
		evalDuration: rep.evalDurationNs,
	};
}

function samples(values: readonly number[], digits: number): string {
	const shown = values.slice(0, MAX_SAMPLES_SHOWN).map((value) => value.toFixed(digits));
	return values.length > MAX_SAMPLES_SHOWN ? `${shown.join(' ')} …` : shown.join(' ');
}

/** "14.59 ± 0.15 t/s". */
export function meanSd(stats: SpeedResult['evalRate'], unit: string, digits: number): string {
	return `${stats.mean.toFixed(digits)} ± ${stats.sd.toFixed(digits)} ${unit}`;
}

function stat(label: string, stats: SpeedResult['evalRate'], unit: string, digits: number): string {
	if (stats.samples.length === 0) return `${label.padEnd(9)}–`;
	return `${label.padEnd(9)}${meanSd(stats, unit, digits)}  [${samples(stats.samples, digits)}]`;
}

export function repLine(rep: number, reps: number, record: RepRecord): string {
	const prefill = record.promptEvalRate === null ? 'prefill cached' : `${record.promptEvalRate.toFixed(1)} t/s prefill`;
	const ttft = record.ttftMs === null ? 'TTFT –' : `TTFT ${Math.round(record.ttftMs)} ms`;
	return `rep ${rep}/${reps}: ${record.evalRate.toFixed(2)} t/s decode · ${prefill} · ${ttft} · ${record.evalCount} tokens`;
}

export function ceilingLine(speed: SpeedResult): string {
	if (speed.ceilingRate === null) return 'ceiling  unknown (memory bandwidth not detected; pass --bandwidth GB/s)';
	// ceiling = bandwidth / model bytes, so the model size can be read back from the two.
	const sizeBytes = speed.bandwidthGBs === null ? null : (speed.bandwidthGBs * 1e9) / speed.ceilingRate;
	const basis = sizeBytes === null ? '' : ` (${speed.bandwidthGBs} GB/s ÷ ${formatBytes(sizeBytes)})`;
	return `ceiling  ${speed.ceilingRate.toFixed(2)} t/s${basis} · efficiency ${formatPercent(speed.efficiency)}`;
}

export function memoryLine(speed: SpeedResult): string {
	const memory = speed.memory;
	if (!memory) return 'memory   not reported by /api/ps';
	const context = memory.contextLength === null ? '' : ` · context ${memory.contextLength}`;
	return `memory   ${formatBytes(memory.residentBytes)} resident · ${formatPercent(memory.gpuShare)} GPU${context}`;
}

/** Everything after the reps, in display order; warnings are listed by the caller. */
export function speedSummaryLines(speed: SpeedResult): string[] {
	const last = speed.reps[speed.reps.length - 1];
	const lines: string[] = [];
	if (last) {
		lines.push(`last rep, as \`ollama run --verbose\` prints it:`);
		lines.push(...verboseLines(repCounters(last)));
		lines.push('');
	}
	lines.push(stat('decode', speed.evalRate, 't/s', 2));
	lines.push(stat('prefill', speed.promptEvalRate, 't/s', 1));
	// The prompt the prefill rate was read over, as the server counted it (not an estimate).
	if (speed.promptEvalCount?.samples.length) lines.push(`prompt   ${Math.round(speed.promptEvalCount.mean)} tokens per rep (Ollama's prompt_eval_count)`);
	lines.push(stat('TTFT', speed.ttftMs, 'ms', 0));
	lines.push(`load     ${(speed.loadMs / 1000).toFixed(2)} s (warm-up, untimed)`);
	lines.push(ceilingLine(speed));
	lines.push(memoryLine(speed));
	return lines;
}

export function verdictLine(model: string, practical: boolean): string {
	return practical ? `${model}: fast enough for the 12-agent pipeline` : `${model}: IMPRACTICAL for a 12-agent pipeline (see warning)`;
}

/**
 * The benchmark in one line for the wizard's scrollback, where the block above is gone once the
 * round ends: "14.6 ± 0.1 t/s decode (72% of 20.2 t/s ceiling) · practical". One decimal and
 * no "the" so a 17-character model name still fits 80 columns in front of it.
 */
export function speedLine(speed: SpeedResult, practical: boolean): string {
	const ceiling = speed.ceilingRate === null ? 'ceiling unknown' : `${formatPercent(speed.efficiency)} of ${speed.ceilingRate.toFixed(1)} t/s ceiling`;
	return `${meanSd(speed.evalRate, 't/s', 1)} decode (${ceiling}) · ${practical ? 'practical' : 'IMPRACTICAL'}`;
}
