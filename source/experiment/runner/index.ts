// The runner: createExperiment wires the real steps and writers unless a test injects its own.
import {createRunner, type Runner} from './runner.js';
import {defaultOutputs} from './outputs.js';
import {realSteps} from './steps.js';
import type {RunnerDeps} from './types.js';

export type {Runner} from './runner.js';
export type * from './types.js';
export {createRunner} from './runner.js';

export async function createExperiment(deps: RunnerDeps & {pipelineDir: string; pipelineDirNamed?: boolean; docsDir: string}): Promise<Runner> {
	const outputs = {...defaultOutputs({pipelineDir: deps.pipelineDir, pipelineDirNamed: deps.pipelineDirNamed ?? false, docsDir: deps.docsDir, promptsDir: deps.promptsDir}), ...deps.outputs};
	return createRunner(deps, {...realSteps, ...deps.steps}, outputs);
}
