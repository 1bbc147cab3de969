// The block `ollama run --verbose` prints after a reply (docs/reference/ollama-wire.md §3), for the bench screen.
import type {OllamaCounters} from '../providers/types.js';
import {formatGoDuration} from './goDuration.js';

export {formatGoDuration} from './goDuration.js';

// Go pads every label to the width of the longest one, "prompt eval duration: ".
const LABEL_WIDTH = 22;

function line(label: string, value: string): string {
	return `${`${label}:`.padEnd(LABEL_WIDTH)}${value}`;
}

function rate(count: number, durationNs: number): string {
	return `${((count / durationNs) * 1e9).toFixed(2)} tokens/s`;
}

/** The lines Ollama's Metrics.Summary() prints; each only when its value is greater than 0. */
export function verboseLines(counters: OllamaCounters): string[] {
	const lines: string[] = [];
	if (counters.totalDuration > 0) lines.push(line('total duration', formatGoDuration(counters.totalDuration)));
	if (counters.loadDuration > 0) lines.push(line('load duration', formatGoDuration(counters.loadDuration)));
	if (counters.promptEvalCount > 0) lines.push(line('prompt eval count', `${counters.promptEvalCount} token(s)`));
	if (counters.promptEvalDuration > 0) {
		lines.push(line('prompt eval duration', formatGoDuration(counters.promptEvalDuration)));
		lines.push(line('prompt eval rate', rate(counters.promptEvalCount, counters.promptEvalDuration)));
	}
	if (counters.evalCount > 0) lines.push(line('eval count', `${counters.evalCount} token(s)`));
	if (counters.evalDuration > 0) {
		lines.push(line('eval duration', formatGoDuration(counters.evalDuration)));
		lines.push(line('eval rate', rate(counters.evalCount, counters.evalDuration)));
	}
	return lines;
}

export function verboseBlock(counters: OllamaCounters): string {
	return verboseLines(counters).join('\n');
}

/** A duration for people: "45 s", "41 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number | null | undefined): string {
	if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '—';
	if (seconds < 59.5) return `${Math.round(seconds)} s`;
	const minutesTotal = Math.round(seconds / 60);
	if (minutesTotal < 60) return `${minutesTotal} min`;
	const hoursTotal = Math.floor(minutesTotal / 60);
	const minutes = minutesTotal % 60;
	if (hoursTotal < 24) return minutes === 0 ? `${hoursTotal} h` : `${hoursTotal} h ${minutes} min`;
	const days = Math.floor(hoursTotal / 24);
	const hours = hoursTotal % 24;
	return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
