// `trifecta report` and the wizard's last step: every derived file, rebuilt from the results file alone.
import type {ResultsFile} from '../domain/schema.js';
import {writeComparisonTable} from './comparisonTable.js';
import {writeToolTable} from './toolTable.js';
import {writeReport, type ReportOptions} from './report.js';
import {writeCharts} from './charts/index.js';

export type RebuiltFiles = {report: string; charts: string[]; comparison: string; tools: string};

export function rebuildOutputs(results: ResultsFile, dirs: {resultsDir: string; docsDir: string}, options: ReportOptions = {}): RebuiltFiles {
	return {
		comparison: writeComparisonTable(dirs.resultsDir, results),
		tools: writeToolTable(dirs.resultsDir, results),
		charts: writeCharts(dirs.docsDir, results),
		report: writeReport(dirs.docsDir, results, options),
	};
}
