// A fake experiment world for the runner: steps that write what a real step would into the real
// results store, a fake Ollama that knows what is installed, and counters of what was performed.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ProviderError} from '../../../source/providers/errors.js';
import {catalogEntry} from '../../../source/models/catalog.js';
import {createResultsStore, upsertModel} from '../../../source/output/resultsStore.js';
import {type Settings} from '../../../source/experiment/settings.js';
import {testSettings} from '../../helpers/testSettings.js';
import {openSettingsStore} from '../../../source/experiment/settingsStore.js';
import {createRunner} from '../../../source/experiment/runner/index.js';
import type {Outputs, Runner, RunnerDeps, StepFunctions, WaitingAction} from '../../../source/experiment/runner/index.js';
import type {InstalledModel, OllamaProvider, OpenAICompatProvider} from '../../../source/providers/types.js';
import type {SystemInfo} from '../../../source/system/types.js';
import {judgedWorldTrader, response, speed, type World} from '../strategy/fixtures.js';

export const system: SystemInfo = {
	platform: 'darwin',
	chip: 'Apple M3 Max',
	gpuCores: 40,
	bandwidthGBs: 400,
	bandwidthSource: 'chip-table',
	totalRamBytes: 128e9,
	freeRamBytes: 100e9,
	resultsDisk: null,
	modelsDisk: {path: '/models', freeBytes: 500e9, totalBytes: 1000e9},
	ollamaIsLocal: true,
};

export type Harness = {
	dir: string;
	confDir: string;
	calls: string[];
	installed: Set<string>;
	deleted: string[];
	steps: StepFunctions;
	outputs: Outputs;
	deps(settings?: Settings, controller?: AbortController): RunnerDeps;
	start(settings?: Settings): ReturnType<typeof createRunner>;
	/** Makes the next call of a step wait for cancel, or throw. */
	hold: {bench?: 'wait-cancel'; compare?: Error};
};

function installedModel(name: string): InstalledModel {
	const known = catalogEntry(name);
	return {
		name,
		sizeBytes: known?.sizeBytes ?? 1e9,
		digest: 'x',
		modifiedAt: '',
		family: known?.family ?? '',
		parameterSize: known?.parameterSize ?? '',
		quantization: known?.quantization ?? '',
		capabilities: [],
	};
}

/** Advances; at the configs offer answers Write (the files are the fakes'), then advances on. */
export async function advancePastOffer(runner: Runner): Promise<WaitingAction> {
	const action = await runner.advance();
	if (action.kind !== 'ask-configs') return action;
	runner.dispatch({type: 'configs:answered', answer: {write: true, patch: false}});
	return runner.advance();
}

export function harness(world: World, options: {installed?: string[]; dir?: string; confDir?: string} = {}): Harness {
	const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'trifecta-runner-'));
	const confDir = options.confDir ?? mkdtempSync(path.join(os.tmpdir(), 'trifecta-conf-'));
	const installed = new Set(options.installed ?? ['qwen2.5:14b', 'mistral-small:22b']);
	const calls: string[] = [];
	const deleted: string[] = [];
	const hold: Harness['hold'] = {};
	const ollama = {
		host: 'http://sim',
		list: async () => [...installed].map(installedModel),
		version: async () => '0.32.15',
		delete: async (model: string) => {
			deleted.push(model);
			installed.delete(model);
		},
	} as unknown as OllamaProvider; // only the calls the runner makes are faked
	const steps: StepFunctions = {
		async pull(ctx, model) {
			calls.push(`pull ${model}`);
			installed.add(model);
			const result = {status: 'pulled' as const, bytes: 1, seconds: 1, at: 'now'};
			ctx.results.update((draft) => {
				upsertModel(draft, model, {sizeBytes: catalogEntry(model)?.sizeBytes ?? 1e9, parameterSize: catalogEntry(model)?.parameterSize ?? null}).pull = result;
			});
			return result;
		},
		async bench(ctx, model) {
			calls.push(`bench ${model}`);
			if (hold.bench === 'wait-cancel') {
				delete hold.bench;
				await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new ProviderError('canceled', 'Canceled', ''))));
			}
			const result = speed(world[model]?.rate ?? 20, ctx.settings);
			ctx.results.update((draft) => {
				const entry = upsertModel(draft, model);
				entry.speed = result;
				entry.practical = result.evalRate.mean >= ctx.settings.minRate;
			});
			return {speed: result, practical: result.evalRate.mean >= ctx.settings.minRate};
		},
		async compare(ctx, models) {
			calls.push(`compare ${models.join(',')}`);
			if (hold.compare) {
				const error = hold.compare;
				delete hold.compare;
				throw error;
			}
			const baseline = {provider: 'claude' as const, model: ctx.settings.claudeModel, status: 'ok' as const, note: null, reasoning: {trader: response('trader', 9.8)}, costUsd: 0.1, usage: null};
			ctx.results.update((draft) => {
				draft.baseline = baseline;
				for (const model of models) {
					upsertModel(draft, model).reasoning = {bull: response('bull', 8), bear: response('bear', 8), trader: judgedWorldTrader(world[model] ?? {trader: 5, rate: 20}, ctx.settings.judgeModel ?? ctx.settings.claudeModel)};
				}
			});
			return {models: {}, baseline};
		},
		async baseline(ctx, board) {
			calls.push('baseline');
			const baseline = {provider: 'claude' as const, model: ctx.settings.claudeModel, status: 'ok' as const, note: null, reasoning: {trader: response('trader', 9.8)}, costUsd: 0.1, usage: null};
			ctx.results.update((draft) => {
				draft.baseline = baseline;
			});
			board.post('trader/calm', 'Claude on the calm market');
			board.postResponse('trader', baseline.reasoning.trader, true);
			board.close();
			return baseline;
		},
		async tools(ctx, models) {
			calls.push(`tools ${models.join(',')}`);
			const endpoint = {supported: true, scenarios: [], passed: 5, total: 5};
			ctx.results.update((draft) => {
				for (const model of models) upsertModel(draft, model).toolCalling = {native: endpoint, openai: endpoint, at: 'now'};
			});
			return {};
		},
	};
	const outputs: Outputs = {
		async offer(results, resultsDir) {
			const model = results.recommendation?.model ?? 'none';
			return {
				model,
				configs: (results.recommendation?.configs ?? []).map((name) => ({name, description: `${name} runs ${model}`})),
				jsonFile: path.join(resultsDir, 'hybrid-configs.json'),
				pipeline: {dir: '/nowhere', found: false, changes: [], diff: '', notes: ''},
			};
		},
		async configs(results, resultsDir, answer) {
			calls.push(`configs ${results.recommendation?.model ?? 'none'}${answer.write ? '' : ' skipped'}`);
			return answer.write ? [path.join(resultsDir, 'hybrid-configs.json')] : [];
		},
		// No pipeline is patched here, so no commit is offered (runner/commit.test.ts uses the real ones).
		commitPlan: () => null,
		commit: () => ({ok: false, error: 'no pipeline in the fakes'}),
		async report(_results, resultsDir) {
			calls.push('report');
			return [path.join(resultsDir, 'TASK_005_REPORT.md')];
		},
	};
	const deps = (settings: Settings = testSettings, controller = new AbortController()): RunnerDeps => ({
		services: {
			ollama,
			openai: {} as OpenAICompatProvider, // the fake steps never call it
			claude: {model: settings.claudeModel, stream: () => (async function* () {})(), deprecation: () => null},
			claudeSkipReason: null,
			results: createResultsStore(dir, {simulated: true}),
			settings,
			system,
			simulated: true,
			signal: controller.signal,
		},
		settingsStore: openSettingsStore({cwd: confDir}),
		promptsDir: '',
	});
	return {
		dir,
		confDir,
		calls,
		installed,
		deleted,
		steps,
		outputs,
		deps,
		hold,
		start: (settings?: Settings) => createRunner(deps(settings), steps, outputs),
	};
}
