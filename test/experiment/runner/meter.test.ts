// Where a step's time went: the meter adds Ollama's counters (on the run's own clock) and the time
// requests were in flight.
import {describe, expect, it} from 'vitest';
import {StepMeter} from '../../../source/experiment/runner/meter.js';
import type {OllamaProvider, OllamaStreamEvent} from '../../../source/providers/types.js';

const counters = {totalDuration: 31e9, loadDuration: 4e9, promptEvalCount: 500, promptEvalDuration: 2e9, evalCount: 512, evalDuration: 25e9};

function server(): OllamaProvider {
	return {
		async *chat(): AsyncGenerator<OllamaStreamEvent> {
			yield {type: 'delta', text: 'x', at: 0};
			yield {type: 'done', doneReason: 'stop', counters, ttftMs: 1, at: 1};
		},
		load: async () => 6e9,
	} as unknown as OllamaProvider; // only the calls metered here
}

async function drain(meter: StepMeter): Promise<void> {
	const ollama = meter.ollama(server());
	for await (const event of ollama.chat({model: 'm', messages: []})) void event;
	await ollama.load('m');
}

describe('step meter', () => {
	it.each([
		{name: 'a real server: the counters as they are', timeScale: 1, loadMs: 10_000, generationMs: 27_000},
		// The demo's simulator reports an M3 Max's durations while streaming twenty times faster.
		{name: 'the demo at pace 0.05: the counters on the run\'s clock', timeScale: 0.05, loadMs: 500, generationMs: 1_350},
	])('$name', async ({timeScale, loadMs, generationMs}) => {
		let clock = 0;
		const meter = new StepMeter({timeScale, now: () => (clock += 10)});
		await drain(meter);
		expect(meter.loadMs).toBeCloseTo(loadMs, 6);
		expect(meter.generationMs).toBeCloseTo(generationMs, 6);
		expect(meter.serverWaitMs).toBeGreaterThan(0);
	});
});
