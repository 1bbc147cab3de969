// docs/TASK_005_REPORT.md: the eight sections docs/DESIGN.md lists, every figure from the results file.
import path from 'node:path';
import type {ResultsFile} from '../domain/schema.js';
import {writeFileAtomic} from './atomicWrite.js';
import {formatHeader} from './report/header.js';
import {section} from './report/markdown.js';
import {formatBenchmarkSection} from './report/benchmarkSection.js';
import {formatQualitySection} from './report/qualitySection.js';
import {formatTradeoffSection} from './report/tradeoffSection.js';
import {formatRecommendationSection} from './report/recommendationSection.js';
import {formatCeilingSection} from './report/ceilingSection.js';
import {formatDetailSection} from './report/detailSection.js';
import {formatGitSection, runGit, type GitRunner} from './report/gitSection.js';
import {formatNextStepsSection} from './report/nextStepsSection.js';
import {formatChartsBlock} from './report/chartsBlock.js';
import {formatGlossary} from './report/glossary.js';
import {sanitizeText} from '../system/sanitize.js';

export const REPORT_FILE_NAME = 'TASK_005_REPORT.md';

export type ReportOptions = {
	/** The pipeline repository whose history section 7 shows; null: none is known (the section says how to name one). */
	pipelineDir?: string | null;
	/** Older name for pipelineDir, used when pipelineDir is not given. */
	cwd?: string;
	git?: GitRunner;
	now?: Date;
	/** The results file the report is built from, as the header names it (default results/scaling-results.json). */
	resultsFile?: string;
};

export const REPORT_SECTIONS = [
	'Model benchmark',
	'Quality ranking against Claude',
	'Speed vs quality trade-off',
	'Recommended hybrid config',
	'Ceiling assessment',
	'Detailed comparison and trader excerpts',
	'Git history',
	'Next steps',
] as const;

export function formatReport(results: ResultsFile, options: ReportOptions = {}): string {
	const pipelineDir = options.pipelineDir !== undefined ? options.pipelineDir : (options.cwd ?? process.cwd());
	const bodies = [
		formatBenchmarkSection(results),
		formatQualitySection(results),
		formatTradeoffSection(results),
		formatRecommendationSection(results),
		formatCeilingSection(results),
		formatDetailSection(results),
		formatGitSection(pipelineDir, options.git ?? runGit, results.recommendation?.model ?? null),
		formatNextStepsSection(results, pipelineDir),
	];
	const sections = bodies.map((body, index) => section(index + 1, REPORT_SECTIONS[index] ?? '', body));
	return `${formatHeader(results, options.now ?? new Date(), options.resultsFile)}\n\n${formatChartsBlock()}\n\n${sections.join('\n')}\n${formatGlossary(results)}`;
}

export function writeReport(docsDir: string, results: ResultsFile, options: ReportOptions = {}): string {
	const file = path.join(path.resolve(docsDir), REPORT_FILE_NAME);
	// Names, versions and error texts came from a server: sanitised on the way into the file.
	writeFileAtomic(file, sanitizeText(formatReport(results, options)));
	return file;
}
