// The fault matrix, streams that keep sending (or never answer) on the native API: no hostile
// stream holds a command past its stall or load timeout, each ends with one line saying what
// happened and what to do, and what was measured before it is kept. Run `npm run build` first.
import {afterEach, describe, expect, it} from 'vitest';
import {faultLab, headLines, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const FIRST = 'qwen2.5:14b';
const SECOND = 'mistral-small:22b';

function errors(stderr: string): string[] {
	return headLines(stderr).filter((line) => line.startsWith('error: ') || line.startsWith('Pull of'));
}

describe('a host that accepts connections and never answers', () => {
	it('doctor --load-timeout 3 ends within it, saying the host does not answer, not that Ollama is not running', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'silent'});

		// Node's own limit would hold it for 300 s; the lab gives it 20.
		const result = await lab.cli(['doctor', '--load-timeout', '3'], {timeoutMs: 20_000});

		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`Ollama at ${lab.sim.url} accepted the connection but did not answer its liveness probe (GET /) within 3 s`);
		expect(result.stderr).toMatch(/restart Ollama/);
		expect(result.stderr).not.toMatch(/not running/);
		expect(result.stderr).not.toMatch(/\bat .+\.(js|ts):\d+/);
	});
});

describe('a pull whose completed never moves (Ollama retrying a stuck part without end)', () => {
	it('stops within --stall-timeout with the message that it stopped moving and that `trifecta pull` resumes it', async () => {
		lab = await faultLab({pullLinesPerLayer: 10});
		// Manifest, the first layer at 0, 10, 20, 30 %: then the 30 % line again every 60 ms.
		lab.sim.injectOllamaFault({kind: 'stuck', afterChunks: 5}, {route: '/api/pull'});

		const result = await lab.cli(['pull', 'qwen2.5:32b', '--stall-timeout', '1'], {timeoutMs: 20_000});

		expect(result.code).toBe(1);
		expect(errors(result.stderr)).toEqual([
			'Pull of qwen2.5:32b failed: The download of qwen2.5:32b stopped moving: no new bytes for 1 s (Ollama keeps retrying a stuck part without end) — run `trifecta pull qwen2.5:32b` to resume it from the bytes already received (they are lost if Ollama restarts meanwhile); raise --stall-timeout on a slow link',
		]);
		expect(lab.sim.installed()).not.toContain('qwen2.5:32b');
		expect(lab.results().models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('failed');
	});
});

describe('a stream of empty chunks while benchmarking the second of two models', () => {
	it('ends as a stall within --stall-timeout; the first model is kept', async () => {
		lab = await faultLab();
		// The warm-up's one token, then empty chunks in place of its final one.
		lab.sim.injectOllamaFault({kind: 'empty-chunks', afterChunks: 1}, {model: SECOND, route: '/api/generate'});

		const result = await lab.cli(['bench', FIRST, SECOND, '--json', '--stall-timeout', '1'], {timeoutMs: 20_000});

		expect(result.code).toBe(1);
		expect(errors(result.stderr)).toEqual([
			`error: Benchmark of ${SECOND} failed: no new tokens for 1 s in the middle of the answer from Ollama at ${lab.sim.url} — the server stalled (or sends nothing but empty chunks); check that it is still running (and not swapping), then retry, or raise --stall-timeout`,
		]);
		const results = lab.results();
		expect(results.models.find((model) => model.name === FIRST)?.speed?.evalRate.samples).toHaveLength(1);
		expect(results.models.find((model) => model.name === SECOND)?.speed).toBeUndefined();
	});
});

describe('a trickling /api/tags (a byte a second)', () => {
	it('is bounded by the load timeout and named as a host that does not answer', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'trickle', intervalMs: 1000}, {route: '/api/tags'});

		const result = await lab.cli(['bench', FIRST, '--load-timeout', '2'], {timeoutMs: 20_000});

		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(new RegExp(`accepted the connection but did not answer /api/tags within 2 s`));
		expect(result.stderr).not.toMatch(/not running/);
	});
});
