// Benchmark events as plain stderr lines for non-interactive runs: one line per phase and per
// rep, the summary at the end. Deltas print nothing (the text is not the point, the rate is).
import type {BenchEvent, NoticeEvent} from '../../experiment/events.js';
import {formatTokenRate} from '../../analysis/units.js';
import {repLine, speedSummaryLines, verdictLine} from '../state/speedSummary.js';
import {noticeLine} from './noticeLine.js';

export type BenchLineFormatter = (event: BenchEvent | NoticeEvent) => string | null;

export function createBenchLines(): BenchLineFormatter {
	let reps = 0;
	return (event) => {
		switch (event.type) {
			case 'bench:start':
				reps = event.reps;
				return `benchmarking ${event.model}: warm-up + ${event.reps} timed reps (ceiling ${event.ceilingRate === null ? 'unknown' : formatTokenRate(event.ceilingRate)})`;
			case 'bench:warmup':
				return `  warm-up: loading ${event.model}`;
			case 'bench:loaded':
				return `  loaded in ${(event.loadMs / 1000).toFixed(2)} s (untimed)`;
			case 'bench:rep-start':
			case 'bench:delta':
				return null;
			case 'bench:rep-done':
				return `  ${repLine(event.rep, reps, event.record)}`;
			case 'bench:done':
				return [...speedSummaryLines(event.speed).map((line) => (line ? `  ${line}` : '')), verdictLine(event.model, event.practical)].join('\n');
			case 'warning':
			case 'info':
			case 'step-error':
				return noticeLine(event);
		}
	};
}
