// `trifecta report` and the wizard's last step: every derived file, rebuilt from the results file alone.
import path from 'node:path';
import type {ResultsFile} from '../domain/schema.js';
import {RESULTS_FILE_NAME} from './resultsStore.js';
import {writeComparisonTable} from './comparisonTable.js';
import {writeToolTable} from './toolTable.js';
import {writeReport, type ReportOptions} from './report.js';
import {writeCharts} from './charts/index.js';

export type RebuiltFiles = {report: string; charts: string[]; comparison: string; tools: string};

/** The results file as the report names it: results/… when beside docs/ (the default layout), else its full path. */
function resultsFileAsSeen(dirs: {resultsDir: string; docsDir: string}): string {
	const resultsDir = path.resolve(dirs.resultsDir);
	const beside = path.join(path.dirname(path.resolve(dirs.docsDir)), 'results');
	return resultsDir === beside ? `results/${RESULTS_FILE_NAME}` : path.join(resultsDir, RESULTS_FILE_NAME);
}

export function rebuildOutputs(results: ResultsFile, dirs: {resultsDir: string; docsDir: string}, options: ReportOptions = {}): RebuiltFiles {
	return {
		comparison: writeComparisonTable(dirs.resultsDir, results),
		tools: writeToolTable(dirs.resultsDir, results),
		charts: writeCharts(dirs.docsDir, results),
		report: writeReport(dirs.docsDir, results, {resultsFile: resultsFileAsSeen(dirs), ...options}),
	};
}
