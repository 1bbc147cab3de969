// The end of an experiment: the configs (written only after the user's answer to the offer), the
// commit offered after a patch, and the report. Each says what it wrote and returns the event
// the strategy records; a failure throws and is shown like a step's, with nothing measured lost.
import path from 'node:path';
import {buildHybridConfigs} from '../../output/configs/build.js';
import {CONFIGS_FILE_NAME} from '../../output/configs/json.js';
import {configNames} from '../../output/configs/naming.js';
import type {ResultsStore} from '../../output/resultsStore.js';
import type {ResultsFile} from '../../domain/schema.js';
import {sanitizeInline} from '../../system/sanitize.js';
import type {Action, StrategyEvent} from '../strategy/index.js';
import type {Outputs, RunnerEvent} from './types.js';

export type OutputAction = Extract<Action, {kind: 'configs' | 'commitConfigs' | 'report'}>;

/** Every config the offer will show for `model`: the local-tools one only when the model earned it. */
export function configsFor(results: ResultsFile, model: string | null): string[] {
	if (model === null) return [];
	try {
		return buildHybridConfigs(results, model).configs.map((config) => config.name);
	} catch {
		const entry = results.models.find((candidate) => candidate.name === model);
		const names = configNames(model, entry?.parameterSize);
		return [names.hybrid, names.aggressive];
	}
}

export async function performOutput(action: OutputAction, io: {outputs: Outputs; results: ResultsStore; send: (event: RunnerEvent) => void}): Promise<StrategyEvent> {
	const {outputs, results, send} = io;
	switch (action.kind) {
		case 'configs': {
			const files = await outputs.configs(results.read(), results.dir, action.answer);
			if (files.length > 0) send({type: 'strategy:written', kind: 'configs', files});
			// A patched pipeline in a git repository: the commit is offered next (never made unasked).
			const commit = action.answer.patch && action.model !== null ? outputs.commitPlan(action.model) : null;
			const patched = action.answer.patch && files.some((file) => path.basename(file) !== CONFIGS_FILE_NAME);
			return {type: 'configs:written', files, commit, patched};
		}
		case 'commitConfigs': {
			const result = outputs.commit(action.plan);
			if (result.ok) {
				send({type: 'strategy:written', kind: 'commit', files: action.plan.files.map((file) => `${file} (${result.hash})`)});
				return {type: 'commit:done'};
			}
			// A failed commit loses nothing: the files are written; the report still follows, and the
			// done screen says what failed and how to commit by hand.
			const error = sanitizeInline(result.error);
			send({type: 'warning', message: `The configs are written but not committed: ${error}. Commit them by hand in ${action.plan.pipelineDir}.`});
			return {type: 'commit:done', error};
		}
		case 'report': {
			const files = await outputs.report(results.read(), results.dir);
			send({type: 'strategy:written', kind: 'report', files});
			return {type: 'report:written', files};
		}
	}
}
