import {describe, expect, it} from 'vitest';
import {createBenchLines} from '../../../source/app/lines/benchLines.js';
import {repRecord} from '../../../source/experiment/steps/benchRep.js';
import {summarizeSpeed} from '../../../source/experiment/steps/benchSummary.js';

const record = repRecord({totalDuration: 5_043_500_667, loadDuration: 5_025_959, promptEvalCount: 26, promptEvalDuration: 325_953_000, evalCount: 290, evalDuration: 4_709_213_000}, 350, 'stop', 'm');

describe('bench lines', () => {
	it('prints a line per rep, nothing per delta, and the verbose block with mean ± sd at the end', () => {
		const format = createBenchLines();
		expect(format({type: 'bench:start', model: 'qwen2.5:14b', reps: 2, ceilingRate: 44.5})).toContain('warm-up + 2 timed reps (ceiling 44.50 t/s)');
		expect(format({type: 'bench:delta', model: 'qwen2.5:14b', rep: 1, text: 'x', at: 1})).toBeNull();
		expect(format({type: 'bench:rep-done', model: 'qwen2.5:14b', rep: 1, record})).toBe('  rep 1/2: 61.58 t/s decode · 79.8 t/s prefill · TTFT 350 ms · 290 tokens');
		const {speed, practical} = summarizeSpeed({
			model: 'qwen2.5:14b',
			reps: [record, record],
			loadMs: 4100,
			ceilingRate: 44.5,
			bandwidthGBs: 400,
			memory: null,
			warnings: [],
			options: {temperature: 0, seed: 42, num_ctx: 8192, num_predict: 512, think: null, reps: 2, prompt: 'p'},
			minRate: 8,
			at: '',
		});
		const block = format({type: 'bench:done', model: 'qwen2.5:14b', speed, practical}) ?? '';
		expect(block).toContain('  total duration:       5.043500667s');
		expect(block).toContain('  eval rate:            61.58 tokens/s');
		expect(block).toContain('  decode   61.58 ± 0.00 t/s  [61.58 61.58]');
		expect(block).toContain('  load     4.10 s (warm-up, untimed)');
		// The prompt length prefill was measured over is the server's count, not an estimate.
		expect(block).toContain("  prompt   26 tokens per rep (Ollama's prompt_eval_count)");
		expect(block).toContain('qwen2.5:14b: fast enough for the 12-agent pipeline');
	});
});
