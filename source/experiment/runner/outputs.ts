// The real writers at the end of the experiment: hybrid configs (JSON always, the pipeline patch
// planned for the user to confirm) and the report with its charts and text tables.
import path from 'node:path';
import {buildHybridConfigs} from '../../output/configs/build.js';
import {writeHybridConfigsJson} from '../../output/configs/json.js';
import {CONFIGS_FILE_NAME} from '../../output/configs/json.js';
import {formatPlanNotes} from '../../output/configs/format.js';
import {applyPipelinePatch, formatPlanDiff, planPipelinePatch, type FileChange} from '../../output/configs/patchPipeline.js';
import {applyConfigsCommit, planConfigsCommit} from '../../output/configs/commit.js';
import {knownPipelineDir} from '../../output/report/gitSection.js';
import type {ResultsFile} from '../../domain/schema.js';
import type {Outputs} from './types.js';
import {writeFullReport} from './reportWriter.js';

function lineCounts(change: FileChange): {relative: string; added: number; removed: number} {
	const lines = change.diff.split('\n');
	const count = (sign: string, header: string) => lines.filter((line) => line.startsWith(sign) && !line.startsWith(header)).length;
	return {relative: change.relative, added: count('+', '+++'), removed: count('-', '---')};
}

/**
 * pipelineDirNamed: the user named the folder (--pipeline-dir), so it is the pipeline even before it
 * is patched. promptsDir: --prompts-dir, whose markets a stale score is re-scored against.
 */
export function defaultOutputs(options: {pipelineDir: string; pipelineDirNamed?: boolean; docsDir: string; promptsDir?: string}): Outputs {
	const pipelineDir = path.resolve(options.pipelineDir);
	/** The pipeline files the last configs() patched: what a configs commit would take. */
	let patched: string[] = [];
	return {
		async offer(results: ResultsFile, resultsDir: string) {
			const document = buildHybridConfigs(results);
			const plan = planPipelinePatch(pipelineDir, document);
			return {
				model: document.model,
				configs: document.configs.map((entry) => ({name: entry.name, description: entry.description})),
				jsonFile: path.join(path.resolve(resultsDir), CONFIGS_FILE_NAME),
				pipeline: {
					dir: plan.pipelineDir,
					found: plan.found,
					changes: plan.changes.map(lineCounts),
					diff: formatPlanDiff(plan),
					notes: formatPlanNotes(plan),
				},
			};
		},
		async configs(results: ResultsFile, resultsDir: string, answer) {
			if (!answer.write || results.recommendation?.model == null) return [];
			const document = buildHybridConfigs(results);
			const files: string[] = [];
			try {
				files.push(writeHybridConfigsJson(resultsDir, document));
				if (answer.patch) {
					// Planned again: applyPipelinePatch refuses a file that changed since this plan.
					const applied = applyPipelinePatch(planPipelinePatch(pipelineDir, document));
					patched = applied.written;
					files.push(...applied.written, ...applied.backups);
				}
			} catch (error) {
				const done = files.length > 0 ? ` Already written: ${files.join(', ')}.` : ' Nothing was written.';
				throw new Error(`Could not write the configs: ${error instanceof Error ? error.message : String(error)}.${done}`, {cause: error});
			}
			return files;
		},
		commitPlan(model: string) {
			return planConfigsCommit(pipelineDir, patched, model);
		},
		commit(plan) {
			return applyConfigsCommit(plan);
		},
		async report(results: ResultsFile, resultsDir: string) {
			return writeFullReport(results, resultsDir, options.docsDir, knownPipelineDir(pipelineDir, options.pipelineDirNamed ?? false), options.promptsDir ?? '');
		},
	};
}
