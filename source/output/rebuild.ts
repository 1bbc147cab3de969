// `trifecta report` and the wizard's last step: every derived file, rebuilt from the results file alone.
import type {ResultsFile} from '../domain/schema.js';
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

export function rebuildOutputs(results: ResultsFile, dirs: {resultsDir: string; docsDir: string}, options: ReportOptions = {}): RebuiltFiles {
	return {
		comparison: writeComparisonTable(dirs.resultsDir, results),
		tools: writeToolTable(dirs.resultsDir, results),
		charts: inDocs(() => writeCharts(dirs.docsDir, results)),
		report: inDocs(() => writeReport(dirs.docsDir, results, options)),
	};
}
