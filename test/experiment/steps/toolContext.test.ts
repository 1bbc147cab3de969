// /v1 cannot pin num_ctx, so it runs at the server's default, which changed by
// version (2048 before v0.6.7, 4096 until v0.15.4, then a VRAM tier capped at the trained context).
import {afterEach, describe, expect, it} from 'vitest';
import {runTools} from '../../../source/experiment/steps/tools.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {startSimulator} from '../../../source/simulator/index.js';
import {eventsOfType, stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('the context each tool-calling endpoint ran at', () => {
	it.each([
		['0.6.6', 2048],
		['0.15.4', 4096],
		['0.29.0', 32_768],
	])('Ollama %s: /v1 ran at %i tokens, recorded and warned about; native at the pinned 8192', async (version, expected) => {
		harness = await stepHarness({sim: {version, installed: ['qwen2.5:14b']}});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url});
		const result = (await runTools(harness.ctx, ['qwen2.5:14b']))['qwen2.5:14b'];
		expect(result?.native?.contextLength).toBe(8192);
		expect(result?.openai?.contextLength).toBe(expected);
		const warnings = eventsOfType(harness.events, 'warning').map((event) => event.message);
		expect(warnings.some((message) => message.includes(`ran /v1 at a context of ${expected} tokens`))).toBe(true);
	});

	it('the simulator caps the VRAM tier at the trained context (llama3.3: 131072 < 262144)', async () => {
		const sim = await startSimulator({version: '0.32.15', installed: ['llama3.3:70b']});
		try {
			await fetch(`${sim.url}/api/generate`, {method: 'POST', body: JSON.stringify({model: 'llama3.3:70b', prompt: 'hi', stream: false})});
			const ps = (await (await fetch(`${sim.url}/api/ps`)).json()) as {models: {context_length: number}[]};
			expect(ps.models[0]?.context_length).toBe(131_072);
		} finally {
			await sim.close();
		}
	});
});
