// The real writers at the end of the experiment: hybrid configs (JSON always, the pipeline patch
// planned for the user to confirm) and the report with its charts and text tables.
import path from 'node:path';
import {buildHybridConfigs} from '../../output/configs/build.js';
import {writeHybridConfigsJson} from '../../output/configs/json.js';
import {planPipelinePatch} from '../../output/configs/patchPipeline.js';
import {knownPipelineDir} from '../../output/report/gitSection.js';
import type {ResultsFile} from '../../output/schema.js';
import type {Outputs} from './types.js';
import {writeFullReport} from './reportWriter.js';

/** pipelineDirNamed: the user named the folder (--pipeline-dir), so it is the pipeline even before it is patched. */
export function defaultOutputs(options: {pipelineDir: string; pipelineDirNamed?: boolean; docsDir: string}): Outputs {
	return {
		async configs(results: ResultsFile, resultsDir: string) {
			if (results.recommendation?.model == null) return {files: [], patch: null};
			const document = buildHybridConfigs(results);
			const file = writeHybridConfigsJson(resultsDir, document);
			const plan = planPipelinePatch(path.resolve(options.pipelineDir), document);
			return {files: [file], patch: plan.changes.length > 0 ? plan : null};
		},
		async report(results: ResultsFile, resultsDir: string) {
			return writeFullReport(results, resultsDir, options.docsDir, knownPipelineDir(options.pipelineDir, options.pipelineDirNamed ?? false));
		},
	};
}
