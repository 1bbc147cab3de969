// A StepContext wired to the loopback simulator, a results store in a temp folder and an event
// log, for the pull and bench step tests. Everything a test needs to check is on the harness.
import {setMaxListeners} from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startSimulator, type SimulatorHandle, type SimulatorOptions} from '../../source/simulator/index.js';
import {createOllamaProvider} from '../../source/providers/ollama/index.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {type Settings} from '../../source/experiment/settings.js';
import {testSettings} from './testSettings.js';
import type {StepEvent} from '../../source/experiment/events.js';
import type {StepContext} from '../../source/experiment/steps/context.js';
import type {OpenAICompatProvider} from '../../source/providers/types.js';
import type {SystemInfo} from '../../source/system/types.js';

export type StepHarness = {
	sim: SimulatorHandle;
	ctx: StepContext;
	events: StepEvent[];
	controller: AbortController;
	dir: string;
	resultsFile: string;
	close(): Promise<void>;
};

export function testSystem(overrides: Partial<SystemInfo> = {}): SystemInfo {
	return {
		platform: 'darwin',
		chip: 'Apple M3 Max',
		gpuCores: 40,
		bandwidthGBs: 400,
		bandwidthSource: 'chip-table',
		totalRamBytes: 128e9,
		freeRamBytes: 90e9,
		resultsDisk: null,
		modelsDisk: {path: '/Users/test/.ollama/models', freeBytes: 800e9, totalBytes: 1000e9},
		ollamaIsLocal: true,
		...overrides,
	};
}

const noOpenAI: OpenAICompatProvider = {
	chat: () => Promise.reject(new Error('not used by pull/bench')),
	listModels: () => Promise.resolve([]),
};

export async function stepHarness(
	options: {sim?: SimulatorOptions; settings?: Partial<Settings>; system?: Partial<SystemInfo>; onEvent?: (event: StepEvent, harness: StepHarness) => void} = {},
): Promise<StepHarness> {
	const sim = await startSimulator(options.sim ?? {});
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-steps-'));
	const results = createResultsStore(dir, {simulated: true});
	const controller = new AbortController();
	// As the CLI's session signal (cli/services.ts): every answer waiting for Claude's listens on it.
	setMaxListeners(0, controller.signal);
	const events: StepEvent[] = [];
	const harness: StepHarness = {
		sim,
		events,
		controller,
		dir,
		resultsFile: results.path,
		ctx: {
			ollama: createOllamaProvider({host: sim.url}),
			openai: noOpenAI,
			claude: null,
			claudeSkipReason: 'not used',
			settings: {...testSettings, ...options.settings},
			system: testSystem(options.system),
			results,
			signal: controller.signal,
			emit: (event) => {
				events.push(event);
				options.onEvent?.(event, harness);
			},
			promptsDir: dir,
			simulated: true,
		},
		async close() {
			await sim.close();
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
	return harness;
}

export function eventsOfType<T extends StepEvent['type']>(events: StepEvent[], type: T): Extract<StepEvent, {type: T}>[] {
	return events.filter((event): event is Extract<StepEvent, {type: T}> => event.type === type);
}
