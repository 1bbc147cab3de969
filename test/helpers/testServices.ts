// The Services a command gets from cli.tsx, built over a simulator for in-process command tests.
import {createClaudeProvider} from '../../source/providers/claude.js';
import {createOllamaProvider} from '../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../source/providers/openaiCompat.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {DEFAULT_CLAUDE_MODEL, type Settings} from '../../source/experiment/settings.js';
import {testSettings} from './testSettings.js';
import type {Services} from '../../source/cli/types.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';
import {testSystem} from './stepHarness.js';

export function testServices(sim: SimulatorHandle, dir: string, options: {claude?: boolean; settings?: Partial<Settings>} = {}): Services {
	const controller = new AbortController();
	const claude = options.claude ?? false;
	return {
		ollama: createOllamaProvider({host: sim.url}),
		openai: createOpenAICompatProvider({host: sim.url, maxRetries: 0}),
		claude: claude ? createClaudeProvider({apiKey: 'test-key', baseURL: sim.anthropicUrl, model: DEFAULT_CLAUDE_MODEL, maxRetries: 0, warn: () => {}}) : null,
		claudeSkipReason: claude ? null : '--no-claude',
		results: createResultsStore(dir, {simulated: true}),
		settings: {...testSettings, ...options.settings},
		system: testSystem(),
		simulated: true,
		signal: controller.signal,
		cancel: () => controller.abort(),
		warnings: [],
		onWarning: () => () => undefined,
	};
}
