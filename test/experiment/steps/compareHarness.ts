// A compare-ready StepContext: the shared step harness plus the bundled prompts, the simulated
// Claude (when asked for) and the OpenAI-compatible provider.
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {bundledPromptsDir} from '../../../source/prompts/load.js';
import {DEFAULT_CLAUDE_MODEL} from '../../../source/experiment/settings.js';
import type {SimulatorOptions} from '../../../source/simulator/index.js';
import type {StepEvent} from '../../../source/experiment/events.js';
import {stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

export const TEST_KEY = 'test-key-never-written-anywhere';

export async function compareHarness(
	options: {
		claude?: boolean;
		sim?: SimulatorOptions;
		onEvent?: (event: StepEvent, harness: StepHarness) => void;
		/** Default 1 scenario and the offline rubric, so each test asks only what it is about. */
		scenarios?: number;
		judge?: 'claude' | 'rubric';
	} = {},
): Promise<StepHarness> {
	const harness = await stepHarness({sim: options.sim, onEvent: options.onEvent});
	harness.ctx.promptsDir = bundledPromptsDir();
	harness.ctx.settings = {...harness.ctx.settings, scenarios: options.scenarios ?? 1, judge: options.judge ?? 'rubric'};
	if (options.claude) {
		harness.ctx.claude = createClaudeProvider({apiKey: TEST_KEY, baseURL: harness.sim.anthropicUrl, model: DEFAULT_CLAUDE_MODEL, maxRetries: 0, warn: () => {}});
		harness.ctx.claudeSkipReason = null;
	} else {
		harness.ctx.claude = null;
		harness.ctx.claudeSkipReason = 'ANTHROPIC_API_KEY is not set';
	}
	return harness;
}
