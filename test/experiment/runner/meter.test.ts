// Where a step's time went: the meter adds Ollama's counters and the time requests were in
// flight, both on the run's one clock (experiment/clock.ts).
import {describe, expect, it} from 'vitest';
import {demoClock, realClock, type Clock} from '../../../source/experiment/clock.js';
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
	// Real milliseconds tick by 10 at every reading.
	it.each<{name: string; clock: (real: () => number) => Clock; waitMs: number}>([
		{name: 'a real server: the counters and the wall clock as they are', clock: (real) => realClock(real), waitMs: 20},
		// The demo's simulator reports an M3 Max's durations while streaming twenty times faster:
		// its clock is simulated time, so 10 real ms are 200 simulated ms and the counters stay as they are.
		{name: 'the demo at pace 0.05: simulated time everywhere', clock: (real) => demoClock(0.05, real), waitMs: 400},
		// Flat out, nothing takes real time: the step took what the server says it took.
		{name: 'the demo flat out: the clock is the server\'s reported time', clock: (real) => demoClock(0, real), waitMs: 37_000},
	])('$name', async ({clock, waitMs}) => {
		let real = 0;
		const meter = new StepMeter({clock: clock(() => (real += 10))});
		await drain(meter);
		expect(meter.loadMs).toBeCloseTo(10_000, 6);
		expect(meter.generationMs).toBeCloseTo(27_000, 6);
		expect(meter.serverWaitMs).toBeCloseTo(waitMs, 6);
	});
});
