// `trifecta report` and the wizard's last step: every derived file, rebuilt from the results file alone.
import path from 'node:path';
import type {ResultsFile} from '../domain/schema.js';
import {RESULTS_FILE_NAME} from './resultsStore.js';
import {writeComparisonTable} from './comparisonTable.js';
import {writeToolTable} from './toolTable.js';
import {writeReport, type ReportOptions} from './report.js';
import {writeCharts} from './charts/index.js';
import {withFolderFlag} from '../system/fsErrorMessage.js';

/** A failure writing into the docs folder names --docs-dir, the flag that chose it. */
function inDocs<T>(write: () => T): T {
	try {
		return write();
	} catch (error) {
		throw withFolderFlag(error, '--docs-dir');
	}
}

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
		charts: inDocs(() => writeCharts(dirs.docsDir, results)),
		report: inDocs(() => writeReport(dirs.docsDir, results, {resultsFile: resultsFileAsSeen(dirs), ...options})),
	};
}
