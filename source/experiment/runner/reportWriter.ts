// The report and both text tables, rebuilt from the results file alone (the output module's
// writers), with the working directory's git history in section 7.
import {rebuildOutputs} from '../../output/rebuild.js';
import type {ResultsFile} from '../../output/schema.js';
import {rescoreStale, scenariosFrom} from '../rescore.js';

export async function writeFullReport(results: ResultsFile, resultsDir: string, docsDir: string, cwd: string, promptsDir = ''): Promise<string[]> {
	// The report never shows a score from an older rubric: re-scored from the transcripts first.
	const fresh = structuredClone(results);
	rescoreStale(fresh, resultsDir, scenariosFrom(promptsDir));
	const files = rebuildOutputs(fresh, {resultsDir, docsDir}, {cwd});
	return [files.report, files.comparison, files.tools];
}
