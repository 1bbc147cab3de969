// `trifecta report`: rebuild docs/TASK_005_REPORT.md, its charts and both text tables from the
// results file alone; with --csv also the three spreadsheet exports. Needs no Ollama and no
// Claude, so it never calls input.services().
import fs from 'node:fs';
import {holdingResults} from '../holdingResults.js';
import {createResultsStore, type ResultsStore} from '../../output/resultsStore.js';
import {rebuildOutputs} from '../../output/rebuild.js';
import {writeCsvExports} from '../../output/csvExport.js';
import {knownPipelineDir, type GitRunner} from '../../output/report/gitSection.js';
import {pipelineFor} from '../pipelineFolder.js';
import type {CommandInput, CommandModule} from '../types.js';
import {RUBRIC_VERSION} from '../../analysis/rubric.js';
import {rescoreStale, scenariosFrom} from '../../experiment/rescore.js';
import {userMessage} from '../../system/userMessage.js';
import {jsonText} from '../../system/sanitize.js';

export type ReportCommandDeps = {
	/** Where section 7 looks for the pipeline when --pipeline-dir is not given; default the working directory. */
	cwd?: () => string;
	git?: GitRunner;
	now?: () => Date;
};

export function createReportCommand(deps: ReportCommandDeps = {}): CommandModule {
	return {
		async run({flags, io}) {
			const store = createResultsStore(flags.resultsDir, {simulated: flags.demo});
			if (!fs.existsSync(store.path)) {
				io.stderr.write(
					`No results file at ${store.path}, so there is nothing to report. ` +
						'Run the experiment first (trifecta, or trifecta run), or pass --results-dir with the folder that holds scaling-results.json.\n',
				);
				return 1;
			}
			// The report's tables go into the results folder: not while another trifecta writes there.
			return holdingResults(store.dir, io, () => writeReport(store, {flags, io}, deps));
		},
	};
}

async function writeReport(store: ResultsStore, {flags, io}: Pick<CommandInput, 'flags' | 'io'>, deps: ReportCommandDeps): Promise<number> {
	// Without --pipeline-dir, the working directory is the pipeline only when it holds one.
	const knownFor = (dir: string, named: boolean) => knownPipelineDir(named ? dir : (deps.cwd?.() ?? dir), named);
	const pipeline = pipelineFor(flags, false);
	let results;
	try {
		results = store.read();
	} catch (error) {
		io.stderr.write(`${userMessage(error)}\n`);
		return 1;
	}
	// Scores from an older rubric are recomputed from their transcripts (no new generation)
	// before anything is written; the results file itself is updated by the next compare.
	let rescored = 0;
	try {
		const outcome = rescoreStale(results, store.dir, scenariosFrom(flags.promptsDir));
		rescored = outcome.rescored;
		if (outcome.unreadable > 0) io.stderr.write(`${outcome.unreadable} stored answer(s) could not be re-scored (transcript or market file missing); they are shown as stale.\n`);
	} catch (error) {
		io.stderr.write(`Could not re-score stored answers (${(error as Error).message}); they are shown as stale.\n`);
	}
	if (rescored > 0) io.stderr.write(`Re-scored ${rescored} stored answer(s) with rubric v${RUBRIC_VERSION} from their transcripts (no new generation).\n`);
	const files = rebuildOutputs(
		results,
		{resultsDir: store.dir, docsDir: flags.docsDir},
		{pipelineDir: knownFor(pipeline.pipelineDir, pipeline.pipelineDirNamed), ...(deps.git ? {git: deps.git} : {}), ...(deps.now ? {now: deps.now()} : {})},
	);
	const csv = flags.csv ? writeCsvExports(store.dir, results) : [];
	if (flags.json) {
		io.stdout.write(`${jsonText({simulated: results.simulated, written: {...files, ...(flags.csv ? {csv} : {})}, rescored})}\n`);
	} else {
		const label = results.simulated ? ' (SIMULATED)' : '';
		io.stdout.write(
			`Report${label}: ${files.report}\nCharts: ${files.charts.join(', ')}\nComparison table: ${files.comparison}\nTool-calling table: ${files.tools}\n` +
				(csv.length > 0 ? `CSV exports: ${csv.join(', ')}\n` : ''),
		);
	}
	return 0;
}


export const reportCommand: CommandModule = createReportCommand();
