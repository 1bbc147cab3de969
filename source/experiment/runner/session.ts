// Opens the experiment for a CLI command: the runner over the session's services, its settings
// store, and the real steps and writers. Shared by the wizard and `trifecta run`.
import type {GlobalFlags, Services} from '../services.js';
import fs from 'node:fs';
import {demoPipelineDir, ensureDemoPipeline} from '../../simulator/pipeline/demoPipeline.js';
import {settingsStoreFor} from '../settingsStore.js';
import {createExperiment, type Runner} from './index.js';
import type {Outputs, StepFunctions} from './types.js';

export type SessionOverrides = {steps?: Partial<StepFunctions>; outputs?: Partial<Outputs>};

export async function openExperiment(flags: GlobalFlags, services: Services, overrides: SessionOverrides = {}): Promise<Runner> {
	return createExperiment({
		services,
		settingsStore: settingsStoreFor({demo: flags.demo, resultsDir: flags.resultsDir}),
		promptsDir: flags.promptsDir,
		...pipelineFor(flags),
		docsDir: flags.docsDir,
		overlap: flags.overlap ?? true,
		...(overrides.steps ? {steps: overrides.steps} : {}),
		...(overrides.outputs ? {outputs: overrides.outputs} : {}),
	});
}

/**
 * The pipeline the configs go into: --pipeline-dir, else the working directory; the demo, which
 * has none, makes a sample repository beside its results (`create`), or uses the one it made.
 */
export function pipelineFor(flags: GlobalFlags, create = true): {pipelineDir: string; pipelineDirNamed: boolean} {
	if (flags.demo && !flags.pipelineDirNamed) {
		if (create) return {pipelineDir: ensureDemoPipeline(flags.resultsDir), pipelineDirNamed: true};
		const existing = demoPipelineDir(flags.resultsDir);
		if (fs.existsSync(existing)) return {pipelineDir: existing, pipelineDirNamed: true};
	}
	return {pipelineDir: flags.pipelineDir, pipelineDirNamed: flags.pipelineDirNamed ?? false};
}

