// Small formatting helpers shared by the text tables and the markdown report, so a figure reads
// the same everywhere ("not measured" rather than a blank or NaN).
import type {ResultsFile, ScoredResponse} from '../domain/schema.js';

export const NOT_MEASURED = 'not measured';

export const SIMULATED_BANNER =
	'SIMULATED: every figure below comes from the built-in simulator (--demo), not from real models.';

/** A fixed-width text table: columns padded to their widest cell, numbers right-aligned. */
export function textTable(headers: string[], rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => {
				const width = widths[column] ?? 0;
				return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
			})
			.join('  ')
			.trimEnd();
	return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(value: number | null | undefined, digits = 1): string {
	return value === null || value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}

export function percent(fraction: number | null | undefined): string {
	return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '-' : `${Math.round(fraction * 100)}%`;
}

export function gigabytes(bytes: number | null | undefined): string {
	return bytes === null || bytes === undefined ? '-' : (bytes / 1e9).toFixed(1);
}

export function integer(value: number | null | undefined): string {
	return value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US');
}

/** "12.5 min" / "48 s" for a wall-time estimate. */
export function duration(seconds: number | null | undefined): string {
	if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NOT_MEASURED;
	if (seconds < 90) return `${Math.round(seconds)} s`;
	if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
	return `${(seconds / 3600).toFixed(1)} h`;
}

export function truncate(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 3)}...`;
}

/** Mean of the role scores present (bull, bear, trader); null when none was scored. */
export function meanScore(reasoning: {bull?: ScoredResponse; bear?: ScoredResponse; trader?: ScoredResponse} | undefined): number | null {
	if (!reasoning) return null;
	const scores = [reasoning.bull, reasoning.bear, reasoning.trader]
		.map((response) => response?.score)
		.filter((score): score is number => typeof score === 'number');
	return scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

export function traderScore(reasoning: {trader?: ScoredResponse} | undefined): number | null {
	return reasoning?.trader?.score ?? null;
}

/** The subject name the baseline goes by everywhere (transcripts, tables). */
export function baselineSubject(results: ResultsFile): string | null {
	return results.baseline ? `claude:${results.baseline.model}` : null;
}

/** Why there is no baseline to compare with, or null when there is one. */
export function baselineMissingReason(results: ResultsFile): string | null {
	const baseline = results.baseline;
	if (!baseline) return 'no baseline recorded (the comparison has not run)';
	if (baseline.status === 'skipped') return baseline.note ?? 'skipped';
	if (baseline.status === 'error') return `failed: ${baseline.note ?? 'unknown error'}`;
	return null;
}
