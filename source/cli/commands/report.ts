// `trifecta report`: rebuild docs/TASK_005_REPORT.md and both text tables from the results file
// alone. Needs no Ollama and no Claude, so it never calls input.services().
import fs from 'node:fs';
import {createResultsStore} from '../../output/resultsStore.js';
import {rebuildOutputs} from '../../output/rebuild.js';
import type {GitRunner} from '../../output/report/gitSection.js';
import type {CommandModule} from '../types.js';
import {userMessage} from '../../system/userMessage.js';
import {jsonText} from '../../system/sanitize.js';

export type ReportCommandDeps = {
	/** Directory whose git log goes into section 7; default the working directory. */
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
			let results;
			try {
				results = store.read();
			} catch (error) {
				io.stderr.write(`${userMessage(error)}\n`);
				return 1;
			}
			const files = rebuildOutputs(
				results,
				{resultsDir: store.dir, docsDir: flags.docsDir},
				{cwd: deps.cwd?.() ?? process.cwd(), ...(deps.git ? {git: deps.git} : {}), ...(deps.now ? {now: deps.now()} : {})},
			);
			if (flags.json) {
				io.stdout.write(`${jsonText({simulated: results.simulated, written: files})}\n`);
			} else {
				const label = results.simulated ? ' (SIMULATED)' : '';
				io.stdout.write(`Report${label}: ${files.report}\nComparison table: ${files.comparison}\nTool-calling table: ${files.tools}\n`);
			}
			return 0;
		},
	};
}

export const reportCommand: CommandModule = createReportCommand();
