// Which pipeline repository the configs go into for a command's flags. The demo's sample pipeline
// is made by the simulator, so this lives in cli/, which may import it; the runner is handed the answer.
import fs from 'node:fs';
import {demoPipelineDir, ensureDemoPipeline} from '../simulator/pipeline/demoPipeline.js';
import type {PipelineFolder} from '../experiment/runner/session.js';
import type {GlobalFlags} from './types.js';

/**
 * The pipeline the configs go into: --pipeline-dir, else the working directory; the demo, which
 * has none, makes a sample repository beside its results (`create`), or uses the one it made.
 */
export function pipelineFor(flags: GlobalFlags, create = true): PipelineFolder {
	if (flags.demo && !flags.pipelineDirNamed) {
		if (create) return {pipelineDir: ensureDemoPipeline(flags.resultsDir), pipelineDirNamed: true};
		const existing = demoPipelineDir(flags.resultsDir);
		if (fs.existsSync(existing)) return {pipelineDir: existing, pipelineDirNamed: true};
	}
	return {pipelineDir: flags.pipelineDir, pipelineDirNamed: flags.pipelineDirNamed ?? false};
}

