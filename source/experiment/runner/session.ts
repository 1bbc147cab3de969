// Opens the experiment for a CLI command: the runner over the session's services, its settings
// store, and the real steps and writers. Shared by the wizard and `trifecta run`. The pipeline
// folder comes from cli/ (the demo's sample pipeline is the simulator's, which the runner never imports).
import type {GlobalFlags, Services} from '../services.js';
import {settingsStoreFor} from '../settingsStore.js';
import {createExperiment, type Runner} from './index.js';
import type {Outputs, StepFunctions} from './types.js';

export type SessionOverrides = {steps?: Partial<StepFunctions>; outputs?: Partial<Outputs>};

/** The pipeline repository the configs go into, and whether the user named it. */
export type PipelineFolder = {pipelineDir: string; pipelineDirNamed: boolean};

export async function openExperiment(flags: GlobalFlags, services: Services, pipeline: PipelineFolder, overrides: SessionOverrides = {}): Promise<Runner> {
	return createExperiment({
		services,
		settingsStore: settingsStoreFor({demo: flags.demo, resultsDir: flags.resultsDir}),
		promptsDir: flags.promptsDir,
		...pipeline,
		docsDir: flags.docsDir,
		overlap: flags.overlap ?? true,
		...(overrides.steps ? {steps: overrides.steps} : {}),
		...(overrides.outputs ? {outputs: overrides.outputs} : {}),
	});
}
