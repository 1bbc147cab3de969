// results/model_scaling_comparison.txt: every scored response in one table, then each trader
// output's tail (where the decision line and the risk levels should be).
import path from 'node:path';
import type {ResultsFile, Role, ScoredResponse} from './schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {SIMULATED_BANNER, baselineMissingReason, fixed, integer, textTable, truncate} from './textFormat.js';
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

function responseRow(name: string, role: Role, response: ScoredResponse | undefined): string[] {
	if (!response) return [name, role, 'not measured', '', '', '', '', '', '', '', ''];
	if (response.status === 'error' || !response.metrics) {
		return [name, role, `ERROR: ${truncate(response.error ?? 'unknown', 60)}`, '', '', '', '', '', '', '', fixed(response.elapsedSeconds)];
	}
	const m = response.metrics;
	return [
		name,
		role,
		integer(m.words),
		integer(m.figures),
		integer(m.grounded),
		m.decision ?? (m.decisionNote ? `none (${m.decisionNote})` : 'none'),
		level(m.stopLoss),
		level(m.target),
		m.positionSizing ? truncate(m.positionSizing, 24) : 'none',
		fixed(response.score),
		fixed(response.elapsedSeconds),
	];
}

/** The detailed table alone (also embedded in the report's section 6). */
export function formatComparisonGrid(results: ResultsFile): string {
	const headers = ['model', 'role', 'words', 'numbers', 'grounded', 'decision', 'stop-loss', 'target', 'sizing', 'score', 'seconds'];
	const rows = subjects(results, true).flatMap((subject) => ROLES.map((role) => responseRow(subject.name, role, subject.reasoning?.[role])));
	const missing = baselineMissingReason(results);
	const table = rows.length === 0 ? 'No model has been compared yet.' : textTable(headers, rows, new Set([2, 3, 4, 9, 10]));
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
