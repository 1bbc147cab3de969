// Opens the experiment for a CLI command: the runner over the session's services, its settings
// store, and the real steps and writers. Shared by the wizard and `trifecta run`.
import type {GlobalFlags, Services} from '../services.js';
import {settingsStoreFor} from '../settingsStore.js';
import {userMessage} from '../../system/userMessage.js';
import {createExperiment, type Runner} from './index.js';
import type {Outputs, StepFunctions} from './types.js';

export type SessionOverrides = {steps?: Partial<StepFunctions>; outputs?: Partial<Outputs>};

export async function openExperiment(flags: GlobalFlags, services: Services, overrides: SessionOverrides = {}): Promise<Runner> {
	return createExperiment({
		services,
		settingsStore: settingsStoreFor({demo: flags.demo, resultsDir: flags.resultsDir}),
		promptsDir: flags.promptsDir,
		pipelineDir: flags.pipelineDir,
		docsDir: flags.docsDir,
		overlap: flags.overlap ?? true,
		...(overrides.steps ? {steps: overrides.steps} : {}),
		...(overrides.outputs ? {outputs: overrides.outputs} : {}),
	});
}

/** @deprecated The same function as userMessage (system/userMessage.ts); kept for callers on other branches. */
export const openFailure = userMessage;
