// The tool-calling step: a tool call Ollama's parser cannot read is the
// model failing the scenario (with the text); a /v1 stream that ends early is an error of the run.
import {afterEach, describe, expect, it} from 'vitest';
import {runTools} from '../../../source/experiment/steps/tools.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {profileFor} from '../../../source/simulator/index.js';
import {stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('tool-calling failures by who failed', () => {
	it('native parser errors fail the scenario with the text; /v1 cut streams are errors, not "no tool call"', async () => {
		harness = await stepHarness({sim: {profiles: [profileFor('garbled:8b', {tools: 'parse-error'})], installed: ['garbled:8b']}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		const result = (await runTools(harness.ctx, ['garbled:8b']))['garbled:8b'];
		for (const scenario of result?.native?.scenarios ?? []) {
			expect(scenario.outcome).toBe('fail');
			// llama-server's wording (Ollama 0.30+, the simulator's default version).
			expect(scenario.reason).toMatch(/could not parse: llama-server returned invalid tool call arguments for "\w+"/);
		}
		expect(result?.native?.scenarios).toHaveLength(5);
		for (const scenario of result?.openai?.scenarios ?? []) {
			expect(scenario.outcome).toBe('error');
			expect(scenario.reason).toMatch(/the server ended the stream early/);
		}
	});
});

describe('a tool call the server cannot parse is the model failing, in every server\'s wording', () => {
	it.each([
		['0.20.0', 'garbled:8b', /could not parse: failed to parse JSON/],
		['0.32.15', 'garbled:8b', /could not parse: llama-server returned invalid tool call arguments/],
		['0.32.15', 'glm4:9b', /could not parse: incomplete GLM tool call/],
	])('Ollama %s, %s: every native scenario fails with the text, none is a server error', async (version, model, reason) => {
		const profile = profileFor(model, {tools: 'parse-error', ...(model.startsWith('glm') ? {family: 'glm4'} : {})});
		harness = await stepHarness({sim: {version, profiles: [profile], installed: [model]}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		const result = (await runTools(harness.ctx, [model]))[model];
		expect(result?.native?.scenarios).toHaveLength(5);
		for (const scenario of result?.native?.scenarios ?? []) {
			expect(scenario.outcome).toBe('fail');
			expect(scenario.reason).toMatch(reason);
		}
	});
});
