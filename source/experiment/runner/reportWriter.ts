// The report and both text tables, rebuilt from the results file alone (the output module's
// writers), with the working directory's git history in section 7.
import {rebuildOutputs} from '../../output/rebuild.js';
import type {ResultsFile} from '../../output/schema.js';

export async function writeFullReport(results: ResultsFile, resultsDir: string, docsDir: string, cwd: string): Promise<string[]> {
	const files = rebuildOutputs(results, {resultsDir, docsDir}, {cwd});
	return [files.report, files.comparison, files.tools];
}
