// Turns the timed reps into the recorded SpeedResult: mean ± sample sd of every figure with the
// samples kept, the bandwidth ceiling and efficiency, and the pipeline-speed verdict.
import {efficiency, pipelineEstimateSeconds, practical as isPractical} from '../../analysis/rates.js';
import {summarize} from '../../analysis/stats.js';
import {formatDuration} from '../../analysis/verboseBlock.js';
import type {BenchOptions, MemoryRecord, RepRecord, SpeedResult} from '../../domain/schema.js';
import {PIPELINE_OUTPUT_TOKENS} from '../settings.js';

export type SummaryInput = {
	model: string;
	reps: RepRecord[];
	loadMs: number;
	ceilingRate: number | null;
	bandwidthGBs: number | null;
	memory: MemoryRecord | null;
	warnings: string[];
	options: BenchOptions;
	minRate: number;
	at: string;
};

function present<T>(values: (T | null)[]): T[] {
	return values.filter((value): value is T => value !== null);
}

export function impracticalWarning(model: string, meanRate: number, minRate: number): string {
	const seconds = pipelineEstimateSeconds(meanRate);
	const tokens = `~${Math.round(PIPELINE_OUTPUT_TOKENS / 1000)}K`;
	return (
		`${model} decodes at ${meanRate.toFixed(2)} t/s, below the ${minRate} t/s minimum: impractical for a 12-agent pipeline: ` +
		`one run (${tokens} output tokens) would take about ${formatDuration(seconds)}.`
	);
}

export function summarizeSpeed(input: SummaryInput): {speed: SpeedResult; practical: boolean; verdict: string | null} {
	const evalRate = summarize(input.reps.map((rep) => rep.evalRate));
	const practical = isPractical(evalRate.mean, input.minRate);
	const verdict = practical ? null : impracticalWarning(input.model, evalRate.mean, input.minRate);
	const speed: SpeedResult = {
		evalRate,
		promptEvalRate: summarize(present(input.reps.map((rep) => rep.promptEvalRate))),
		// The prompt's size as the server's tokenizer counted it, beside every prefill figure: the
		// bundled context is about 1,000 tokens on Qwen (one token per digit), not a guess.
		promptEvalCount: summarize(input.reps.filter((rep) => rep.promptEvalRate !== null).map((rep) => rep.promptEvalCount)),
		ttftMs: summarize(present(input.reps.map((rep) => rep.ttftMs))),
		loadMs: input.loadMs,
		evalCount: summarize(input.reps.map((rep) => rep.evalCount)),
		ceilingRate: input.ceilingRate,
		bandwidthGBs: input.bandwidthGBs,
		efficiency: efficiency(evalRate.mean, input.ceilingRate),
		memory: input.memory,
		warnings: verdict ? [...input.warnings, verdict] : input.warnings,
		options: input.options,
		reps: input.reps,
		pipelineEstimateSeconds: pipelineEstimateSeconds(evalRate.mean) ?? 0,
		at: input.at,
	};
	return {speed, practical, verdict};
}
