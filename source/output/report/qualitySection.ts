// Section 2: local models ranked by trader score, each against the Claude baseline.
import type {ResultsFile} from '../schema.js';
import {NOT_MEASURED, baselineMissingReason, fixed} from '../textFormat.js';
import {baselineScores, rankModels, relative, threshold} from './facts.js';
import {mdTable} from './markdown.js';

export function formatQualitySection(results: ResultsFile): string {
	const base = baselineScores(results);
	const limit = threshold(results);
	const ranked = rankModels(results).filter((entry) => entry.trader !== null || entry.mean !== null);
	const parts: string[] = [];
	const missing = baselineMissingReason(results);
	parts.push(
		missing === null
			? `Claude baseline (${results.baseline?.model}): trader score ${fixed(base.trader)}, mean score ${fixed(base.mean)} (same rubric).`
			: `Claude baseline skipped: ${missing}. Scores relative to Claude are not measured.`,
	);
	if (ranked.length === 0) {
		parts.push(`No local model has been scored yet: quality ${NOT_MEASURED}.`);
		return parts.join('\n\n');
	}
	const rows = ranked.map((entry, index) => [
		String(index + 1),
		entry.model.name,
		fixed(entry.trader),
		relative(entry.trader, base.trader),
		fixed(entry.mean),
		relative(entry.mean, base.mean),
		limit === null || entry.trader === null ? NOT_MEASURED : entry.trader >= limit ? `yes (>= ${limit})` : `no (< ${limit})`,
	]);
	parts.push(mdTable(['rank', 'model', 'trader score', 'trader vs Claude', 'mean score (bull, bear, trader)', 'mean vs Claude', 'meets threshold'], rows));
	return parts.join('\n\n');
}
