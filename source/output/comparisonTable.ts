// results/model_scaling_comparison.txt: every scored response in one table, then each trader
// output's tail (where the decision line and the risk levels should be).
import {judgeIdentity, RUBRIC_LABEL} from '../analysis/judgeIdentity.js';
import path from 'node:path';
import type {ResultsFile, Role, ScoredResponse} from '../domain/schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {SIMULATED_BANNER, baselineMissingReason, fixed, integer, textTable, truncate} from './textFormat.js';
import {formatInterval} from '../analysis/interval.js';
import {baselineHashes, qualityText, relativeCell, scorerLabel, staleReason} from './qualityFormat.js';
import {sanitizeText} from '../system/sanitize.js';

export const COMPARISON_FILE_NAME = 'model_scaling_comparison.txt';
const ROLES: readonly Role[] = ['bull', 'bear', 'trader'];

type Subject = {name: string; reasoning: Partial<Record<Role, ScoredResponse>> | undefined};

function subjects(results: ResultsFile, includeBaseline: boolean): Subject[] {
	const list: Subject[] = results.models.map((model) => ({name: model.name, reasoning: model.reasoning}));
	if (includeBaseline && results.baseline && results.baseline.status === 'ok') {
		list.push({name: `claude:${results.baseline.model}`, reasoning: results.baseline.reasoning});
	}
	return list;
}

function level(value: number | null | undefined): string {
	return value === null || value === undefined ? 'none' : value.toFixed(2);
}

type Row = {name: string; role: Role; response: ScoredResponse | undefined; stale: string | null};

function rows(results: ResultsFile): Row[] {
	return subjects(results, true).flatMap((subject) =>
		ROLES.map((role) => {
			const response = subject.reasoning?.[role];
			return {name: subject.name, role, response, stale: staleReason(response, baselineHashes(results.baseline, role))};
		}),
	);
}

function unmeasured(row: Row, width: number): string[] | null {
	const {response} = row;
	if (!response) return [row.name, row.role, 'not measured', ...Array<string>(width - 3).fill('')];
	if (response.status === 'error' || !response.metrics) return [row.name, row.role, `ERROR: ${truncate(response.error ?? 'unknown', 60)}`, ...Array<string>(width - 3).fill('')];
	return null;
}

const QUALITY_HEADERS = ['model', 'role', 'quality 0-10', 'scorer', 'relative to Claude [95 %]'];

function qualityRow(row: Row): string[] {
	const response = row.response as ScoredResponse;
	return unmeasured(row, QUALITY_HEADERS.length) ?? [row.name, row.role, qualityText(response), scorerLabel(response), row.stale ? `stale: ${row.stale}` : relativeCell(response)];
}

const COMPLIANCE_HEADERS = ['model', 'role', 'checks', 'words', 'numbers', 'grounded', 'unsupported', 'decision', 'stop-loss', 'target', 'sizing', 'seconds'];

function complianceRow(row: Row): string[] {
	const missing = unmeasured(row, COMPLIANCE_HEADERS.length - 1);
	const response = row.response as ScoredResponse;
	if (missing) return [...missing, response ? fixed(response.elapsedSeconds) : ''];
	const m = response.metrics as NonNullable<ScoredResponse['metrics']>;
	return [
		row.name,
		row.role,
		response.compliance ? `${response.compliance.passed}/${response.compliance.total}` : '–',
		integer(m.words),
		integer(m.figures),
		integer(m.grounded),
		integer(m.unsupported),
		m.decision ?? (m.decisionNote ? `none (${m.decisionNote})` : 'none'),
		level(m.stopLoss),
		level(m.target),
		m.positionSizing ? truncate(m.positionSizing, 24) : 'none',
		fixed(response.elapsedSeconds),
	];
}

/** What the quality numbers mean, in one line per scorer in use. */
function qualityNotes(results: ResultsFile, all: Row[]): string[] {
	const notes: string[] = [];
	const sources = new Set(all.map((row) => (row.response?.status === 'ok' ? row.response.scoreSource : undefined)));
	if (sources.has('judge')) notes.push('judge: blind, both orders; each answer and the Claude answer to the same prompt and market scored 0-10 per criterion (absolute); relative to Claude = 10 x local / Claude on the same calls (the threshold applies to the trader\'s), W/T/L per pair.');
	if (sources.has('rubric')) notes.push(`${RUBRIC_LABEL} (the offline rubric): deterministic checks of format, levels and grounding that padding, repetition and bare lists cannot fool; not a judge, listed apart from judged scores and never relative to Claude.`);
	const judge = results.baseline?.judge;
	if (judge) notes.push(`judge calls: ${judge.calls} (${judge.cached} from the cache, ${judge.failed} failed pairs), cost ${judge.costUsd === null ? 'unknown' : `$${judge.costUsd.toFixed(4)}`}. ${judge.note ?? judgeIdentity(judge.model, results.baseline?.model).note}`);
	const floor = results.baseline?.reasoning.trader?.noiseFloor;
	if (floor) notes.push(`noise floor (gap of Claude's second sample to its first, trader): ${formatInterval(floor)}.`);
	return notes;
}

/** The detailed tables (also embedded in the report's section 6): quality, then compliance, never mixed. */
export function formatComparisonGrid(results: ResultsFile): string {
	const all = rows(results);
	const missing = baselineMissingReason(results);
	if (all.length === 0) return 'No model has been compared yet.';
	const fresh = all.filter((row) => row.stale === null);
	const stale = all.filter((row) => row.stale !== null);
	// Judged and rubric scores are different kinds: two tables, never one column.
	const rubric = fresh.filter((row) => row.response?.status === 'ok' && row.response.scoreSource === 'rubric');
	const judged = fresh.filter((row) => !rubric.includes(row));
	const parts = ['Quality 0-10, judged against Claude (the threshold applies to the trader\'s relative score)', textTable(QUALITY_HEADERS, judged.map(qualityRow), new Set([2]))];
	if (rubric.length > 0) parts.push('', 'Offline rubric 0-10 (a format-and-grounding check, not ranked with judged scores)', textTable(QUALITY_HEADERS, rubric.map(qualityRow), new Set([2])));
	parts.push(...qualityNotes(results, all));
	if (stale.length > 0) {
		parts.push('', 'Stale quality scores (kept apart: run `trifecta report` to re-score, or compare again to re-judge)', textTable(QUALITY_HEADERS, stale.map(qualityRow), new Set([2])));
	}
	parts.push('', 'Compliance (can the pipeline use the answer? first market; checks passed/applicable)', textTable(COMPLIANCE_HEADERS, all.map(complianceRow), new Set([3, 4, 5, 6, 11])));
	const table = parts.join('\n');
	return missing === null ? table : `${table}\nbaseline skipped: ${missing}`;
}

export type TraderExcerpt = {subject: string; words: number | null; chars: number | null; tail: string | null; error: string | null};

/** Per subject (models, then the baseline), the trader output's size and last 500 characters. */
export function traderExcerpts(results: ResultsFile): TraderExcerpt[] {
	return subjects(results, true).map((subject) => {
		const trader = subject.reasoning?.trader;
		if (!trader) return {subject: subject.name, words: null, chars: null, tail: null, error: null};
		if (trader.status === 'error') return {subject: subject.name, words: null, chars: null, tail: null, error: trader.error ?? 'unknown error'};
		return {
			subject: subject.name,
			words: trader.metrics?.words ?? null,
			chars: trader.metrics?.chars ?? null,
			tail: trader.tail.slice(-500),
			error: null,
		};
	});
}

export function formatComparisonTable(results: ResultsFile): string {
	const parts: string[] = [];
	if (results.simulated) parts.push(SIMULATED_BANNER, '');
	parts.push('Model scaling comparison: isolated bull, bear and trader prompts', `Updated: ${results.updatedAt}`, '');
	parts.push(formatComparisonGrid(results), '', 'Trader outputs (last 500 characters)', '');
	for (const excerpt of traderExcerpts(results)) {
		parts.push(`=== ${excerpt.subject} ===`);
		if (excerpt.error !== null) parts.push(`ERROR: ${excerpt.error}`);
		else if (excerpt.tail === null) parts.push('trader: not measured');
		else parts.push(`words: ${integer(excerpt.words)}  characters: ${integer(excerpt.chars)}`, '', excerpt.tail.trimEnd());
		parts.push('');
	}
	return `${parts.join('\n').trimEnd()}\n`;
}

export function writeComparisonTable(resultsDir: string, results: ResultsFile): string {
	const file = path.join(path.resolve(resultsDir), COMPARISON_FILE_NAME);
	// Model output and error texts came from a server: sanitised on the way into the file.
	writeFileAtomic(file, sanitizeText(formatComparisonTable(results)));
	return file;
}
