// The report, its charts and both text tables, rebuilt from the results file alone (the output
// module's writers), with the pipeline repository's git history in section 7.
import {rebuildOutputs} from '../../output/rebuild.js';
import type {ResultsFile} from '../../domain/schema.js';
import {rescoreStale, scenariosFrom} from '../rescore.js';

/** pipelineDir: the pipeline repository, or null when none is known (section 7 says how to name it). */
export async function writeFullReport(results: ResultsFile, resultsDir: string, docsDir: string, pipelineDir: string | null, promptsDir = ''): Promise<string[]> {
	// The report never shows a score from an older rubric: re-scored from the transcripts first.
	const fresh = structuredClone(results);
	rescoreStale(fresh, resultsDir, scenariosFrom(promptsDir));
	const files = rebuildOutputs(fresh, {resultsDir, docsDir}, {pipelineDir});
	return [files.report, ...files.charts, files.comparison, files.tools];
}
