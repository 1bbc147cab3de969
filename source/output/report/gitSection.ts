// Section 7: the history of the pipeline repository the configs went into, ending with the
// configs commit when the user made one. Without a known pipeline it says how to point at one.
import fs from 'node:fs';
import path from 'node:path';
import {changedFiles, gitLog, runGit, type GitRunner} from '../../system/git.js';
import {PIPELINE_FILES} from '../configs/patchPipeline.js';
import {configsCommitMessage} from '../configs/commit.js';
import {fence} from './markdown.js';

export {runGit, type GitResult, type GitRunner} from '../../system/git.js';

export const LOG_LENGTH = 20;

/** The pipeline directory when one is known: the one the user named, or `dir` when it holds the pipeline. */
export function knownPipelineDir(dir: string, named: boolean): string | null {
	if (named) return path.resolve(dir);
	return fs.existsSync(path.join(dir, PIPELINE_FILES.configs)) ? path.resolve(dir) : null;
}

const HOW_TO_POINT =
	'Pass `--pipeline-dir DIR` with the folder that holds the pipeline (its `src/hybrid_llm.py`) to `trifecta report` or `trifecta run`, or run trifecta from inside it.';

export function formatGitSection(pipelineDir: string | null, git: GitRunner = runGit, model: string | null = null): string {
	if (pipelineDir === null) return `No pipeline repository is known, so its history cannot be shown. ${HOW_TO_POINT}`;
	const log = gitLog(pipelineDir, LOG_LENGTH, git);
	switch (log.kind) {
		case 'not-a-repository':
			return `${pipelineDir} is not a git repository, so the pipeline has no history to show. ${HOW_TO_POINT}`;
		case 'empty':
			return `The pipeline repository at ${pipelineDir} has no commits yet.`;
		case 'error':
			return `The pipeline's git log could not be read in ${pipelineDir}: ${log.message}.`;
		case 'log': {
			const parts = [`\`git log --oneline -n ${LOG_LENGTH}\` of the pipeline at ${pipelineDir}:`, fence(log.lines.join('\n'))];
			if (model !== null) {
				const message = configsCommitMessage(model);
				const commit = log.lines.find((entry) => entry.endsWith(` ${message}`));
				// Written but not committed (the commit declined or failed): the repository says so, not a record.
				const pending = changedFiles(pipelineDir, Object.values(PIPELINE_FILES), git);
				const among = `No commit "${message}" among the ${log.lines.length === 1 ? 'one commit' : `${log.lines.length} commits`} above`;
				parts.push(
					commit
						? `The configs commit: \`${commit.split(' ')[0]}\` ${message}.`
						: pending.length > 0
							? `${among}. The configs are written but not committed (${pending.join(', ')}): commit them with \`trifecta configs --write --commit --yes --pipeline-dir ${pipelineDir}\`.`
							: `${among}: write and commit the configs with \`trifecta configs --write --commit --pipeline-dir ${pipelineDir}\`.`,
				);
			}
			return parts.join('\n\n');
		}
	}
}
