// Section 6: the detailed comparison table and each trader output's last 500 characters.
import type {ResultsFile} from '../../domain/schema.js';
import {formatComparisonGrid, traderExcerpts} from '../comparisonTable.js';
import {integer} from '../textFormat.js';
import {fence} from './markdown.js';

export function formatDetailSection(results: ResultsFile): string {
	const parts = [fence(formatComparisonGrid(results)), '### Trader excerpts (last 500 characters)'];
	for (const excerpt of traderExcerpts(results)) {
		if (excerpt.error !== null) parts.push(`**${excerpt.subject}**: ERROR: ${excerpt.error}`);
		else if (excerpt.tail === null) parts.push(`**${excerpt.subject}**: trader not measured.`);
		else parts.push(`**${excerpt.subject}**: ${integer(excerpt.words)} words, ${integer(excerpt.chars)} characters.\n\n${fence(excerpt.tail)}`);
	}
	return parts.join('\n\n');
}
