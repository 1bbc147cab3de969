// The fault matrix, Ollama side: each fault from the simulator's injection, run through
// the built CLI. Each must give one clear line (what happened — what to do), keep every result
// measured before it, and leave scaling-results.json valid.
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {OllamaFault} from '../../source/simulator/index.js';
import {profileFor} from '../../source/simulator/index.js';
import {faultLab, headLines, seedResults, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const FIRST = 'qwen2.5:14b';
const SECOND = 'mistral-small:22b';
const RETRY_HINT = 'Ollama may have stopped or restarted; check `ollama ps` and the server log, then retry';
const OOM_HINT =
	'try a smaller --num-ctx, unload other models (`ollama stop <model>`), or raise the GPU memory limit with `sudo sysctl iogpu.wired_limit_mb=<MB>`';

type BenchJson = {models: {name: string; speed: {evalRate: {samples: number[]}}}[]};

function benchedNames(stdout: string): string[] {
	return (JSON.parse(stdout) as BenchJson).models.map((model) => model.name);
}

/** The first model is measured and kept; the second has no speed; the file parses. */
function expectFirstKept(current: Lab): void {
	const results = current.results();
	const first = results.models.find((model) => model.name === FIRST);
	expect(first?.speed?.evalRate.samples).toHaveLength(1);
	expect(first?.practical).toBe(true);
	expect(results.models.find((model) => model.name === SECOND)?.speed).toBeUndefined();
}

describe('Ollama down at start', () => {
	it.each([
		['bench', FIRST],
		['compare', FIRST, '--no-claude'],
		['tools', FIRST],
		['pull', 'qwen2.5:32b'],
		['run', '--yes'],
	])('trifecta %s: exit 1 with the one line saying how to start it; an existing record is untouched', async (...args) => {
		lab = await faultLab();
		const before = seedResults(lab.dir, [FIRST]);
		lab.sim.injectOllamaFault({kind: 'refuse'});

		const result = await lab.cli(args);

		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe(`Ollama is not running at ${lab.sim.url} — start it with \`ollama serve\`, or try \`trifecta --demo\``);
		expect(result.stdout).toBe('');
		expect(fs.readFileSync(lab.resultsPath, 'utf8')).toBe(before);
		expect(lab.results().models.map((model) => model.name)).toEqual([FIRST]);
	});
});

describe('a stream that breaks while benchmarking the second of two models', () => {
	const cases: {name: string; fault: OllamaFault; message: (url: string) => string | RegExp}[] = [
		{
			name: 'Ollama dies mid-stream',
			fault: {kind: 'die-mid-stream', afterChunks: 1},
			message: (url) => `The connection to Ollama at ${url} broke off mid-response — ${RETRY_HINT}`,
		},
		{
			name: 'a malformed NDJSON line',
			fault: {kind: 'malformed-line', afterChunks: 1},
			message: (url) =>
				new RegExp(`^Ollama at ${escape(url)} sent a response line that is not JSON \\(.+\\) — make sure the host is an Ollama server \\(not a proxy error page\\) and retry$`),
		},
		{
			name: 'a stream ending without done',
			fault: {kind: 'no-done'},
			message: (url) => `The response from Ollama at ${url} ended before it was complete — ${RETRY_HINT}`,
		},
		{
			name: 'OOM 500, legacy wording',
			fault: {kind: 'oom', wording: 'legacy'},
			message: () => new RegExp(`^Ollama ran out of memory loading ${escape(SECOND)}: model requires more system memory \\(.+\\) than is available \\(.+\\) — ${escape(OOM_HINT)}$`),
		},
		{
			name: 'OOM 500, llama-server wording',
			fault: {kind: 'oom', wording: 'llama-server'},
			message: () => new RegExp(`^Ollama ran out of memory loading ${escape(SECOND)}: llama-server reported out-of-memory during startup: .+ — ${escape(OOM_HINT)}$`),
		},
		{
			name: 'the runner dies loading the model (llama-server wording)',
			fault: {kind: 'load-failure'},
			message: () =>
				new RegExp(
					`^Ollama could not load ${escape(SECOND)}: llama-server process has terminated: exit status 1: error loading model: .+ — the model file may be damaged or need a newer Ollama: update Ollama, or \`ollama rm\` the model and pull it again`,
				),
		},
		{
			name: 'the model runner crashes',
			fault: {kind: 'runner-crash', afterChunks: 1},
			message: () =>
				`The Ollama model runner for ${SECOND} stopped unexpectedly — the model may not fit in free memory: close other models or use a smaller --num-ctx, then retry`,
		},
	];

	it.each(cases)('$name: the first model is kept, the second reported, exit 1', async ({fault, message}) => {
		lab = await faultLab();
		lab.sim.injectOllamaFault(fault, {model: SECOND});

		const result = await lab.cli(['bench', FIRST, SECOND, '--json']);

		expect(result.code).toBe(1);
		const errors = headLines(result.stderr).filter((line) => line.startsWith('error: '));
		expect(errors).toHaveLength(1);
		const prefix = `error: Benchmark of ${SECOND} failed: `;
		expect(errors[0]!.startsWith(prefix)).toBe(true);
		const expected = message(lab.sim.url);
		if (typeof expected === 'string') expect(errors[0]!.slice(prefix.length)).toBe(expected);
		else expect(errors[0]!.slice(prefix.length)).toMatch(expected);
		expect(result.stderr).not.toMatch(/\bat .+\.(js|ts):\d+/);
		expect(benchedNames(result.stdout)).toEqual([FIRST]);
		expectFirstKept(lab);
		// Nothing is left loaded after a failure: the next model gets the memory.
		expect(lab.sim.loaded()).toEqual([]);
	});
});

describe('Ollama dies mid-stream during the comparison', () => {
	it('that cell is ERROR with the reason, every other cell is scored and kept, exit 1', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 3}, {model: SECOND, route: '/api/chat'});

		const result = await lab.cli(['compare', FIRST, SECOND, '--no-claude', '--json', '--scenarios', '1']);

		expect(result.code).toBe(1);
		const results = lab.results();
		const first = results.models.find((model) => model.name === FIRST)?.reasoning;
		const second = results.models.find((model) => model.name === SECOND)?.reasoning;
		for (const role of ['bull', 'bear', 'trader'] as const) {
			expect(first?.[role]?.status).toBe('ok');
			expect(first?.[role]?.score).toEqual(expect.any(Number));
		}
		const failed = (['bull', 'bear', 'trader'] as const).filter((role) => second?.[role]?.status === 'error');
		expect(failed).toHaveLength(1);
		const cell = second![failed[0]!]!;
		expect(cell.error).toBe(`The connection to Ollama at ${lab.sim.url} broke off mid-response — ${RETRY_HINT}`);
		expect(cell.score).toBeNull();
		for (const role of (['bull', 'bear', 'trader'] as const).filter((other) => other !== failed[0])) expect(second?.[role]?.status).toBe('ok');
		expect(result.stderr).toContain(`${SECOND} ${failed[0]!}: ERROR The connection to Ollama at ${lab.sim.url} broke off mid-response`);
		const printed = JSON.parse(result.stdout) as {models: {name: string}[]};
		expect(printed.models.map((model) => model.name)).toEqual([FIRST, SECOND]);
	});
});

describe('503 busy', () => {
	it('is retried with backoff and the benchmark completes when the queue frees up', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'busy', times: 2}, {model: SECOND});

		const result = await lab.cli(['bench', FIRST, SECOND, '--json']);

		expect(result.code).toBe(0);
		expect(benchedNames(result.stdout)).toEqual([FIRST, SECOND]);
		const results = lab.results();
		expect(results.models.find((model) => model.name === SECOND)?.speed?.evalRate.samples).toHaveLength(1);
		// Same steps for both models; the second's two rejected attempts were sent again.
		const generates = (model: string) => lab!.requestsFor(model).filter((request) => request.path === '/api/generate').length;
		expect(generates(SECOND)).toBe(generates(FIRST) + 2);
	});

	it('says so on stderr while it retries, headless, and still exits 0', async () => {
		lab = await faultLab();
		lab.sim.injectOllamaFault({kind: 'busy', times: 2}, {model: SECOND});

		const result = await lab.cli(['bench', FIRST, SECOND]);

		expect(result.code).toBe(0);
		const busy = headLines(result.stderr).filter((line) => line.includes('busy'));
		// One notice per backoff, each saying what is retried and when.
		expect(busy).toEqual([
			expect.stringMatching(/^warning: Ollama is busy; retrying .+ in \d+\.\d s$/),
			expect.stringMatching(/^warning: Ollama is busy; retrying .+ in \d+\.\d s$/),
		]);
		// Said while the second model was being measured: after its start line, before its verdict.
		const lines = headLines(result.stderr);
		const started = lines.findIndex((line) => line.startsWith(`benchmarking ${SECOND}`));
		expect(started).toBeGreaterThan(-1);
		expect(lines.indexOf(busy[0]!)).toBeGreaterThan(started);
		expect(lab.results().models.find((model) => model.name === SECOND)?.speed?.evalRate.samples).toHaveLength(1);
	});

	it('is reported with what to do when it persists; the first model is kept', async () => {
		lab = await faultLab();
		// Busy for the first attempt and every retry of the warm-up (three retries).
		lab.sim.injectOllamaFault({kind: 'busy', times: 4}, {model: SECOND});

		const result = await lab.cli(['bench', FIRST, SECOND, '--json']);

		expect(result.code).toBe(1);
		expect(headLines(result.stderr).filter((line) => line.startsWith('error: '))).toEqual([
			`error: Benchmark of ${SECOND} failed: Ollama at ${lab.sim.url} is busy: server busy, please try again.  maximum pending requests exceeded — wait for other requests to finish and retry, or raise OLLAMA_MAX_QUEUE`,
		]);
		expect(benchedNames(result.stdout)).toEqual([FIRST]);
		expectFirstKept(lab);
		// One attempt and three retries of the warm-up, then it gave up.
		const warmUps = lab.requestsFor(SECOND).filter((request) => request.path === '/api/generate');
		expect(warmUps.length).toBeGreaterThanOrEqual(4);
	});
});

describe('model not found', () => {
	it('bench: names the model and says to pull it; the installed model is still measured', async () => {
		lab = await faultLab();
		const result = await lab.cli(['bench', 'qwen2.5:72b', FIRST, '--json']);
		expect(result.code).toBe(1);
		expect(headLines(result.stderr)).toContain(
			`error: qwen2.5:72b is not installed in Ollama at ${lab.sim.url} — pull it first with \`trifecta pull qwen2.5:72b\``,
		);
		expect(benchedNames(result.stdout)).toEqual([FIRST]);
		expect(lab.results().models.find((model) => model.name === FIRST)?.speed).toBeDefined();
	});

	it('compare: Ollama’s 404 becomes a cell ERROR with the hint to pull it; the other model is scored', async () => {
		lab = await faultLab();
		const result = await lab.cli(['compare', FIRST, 'qwen2.5:72b', '--no-claude', '--json']);
		expect(result.code).toBe(1);
		const results = lab.results();
		const missing = results.models.find((model) => model.name === 'qwen2.5:72b')?.reasoning;
		for (const role of ['bull', 'bear', 'trader'] as const) {
			expect(missing?.[role]?.status).toBe('error');
			expect(missing?.[role]?.error).toBe(`Model qwen2.5:72b is not installed in Ollama at ${lab.sim.url} — pull it with \`trifecta pull qwen2.5:72b\``);
		}
		expect(results.models.find((model) => model.name === FIRST)?.reasoning?.trader?.status).toBe('ok');
	});

	it('pull of a name the library does not have: says so and where to check, exit 1', async () => {
		lab = await faultLab();
		const result = await lab.cli(['pull', 'qwen9:1b']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('qwen9:1b was not found in the Ollama library — check the model name on ollama.com/library');
		expect(lab.sim.installed()).not.toContain('qwen9:1b');
		expect(lab.results().models.find((model) => model.name === 'qwen9:1b')?.pull).toMatchObject({status: 'failed', bytes: 0});
	});
});

describe('tools unsupported', () => {
	it('is recorded as unsupported on both endpoints, not as a crash, exit 0', async () => {
		lab = await faultLab({profiles: [profileFor(FIRST), profileFor(SECOND, {tools: 'unsupported'})]});

		const result = await lab.cli(['tools', FIRST, SECOND, '--json']);

		expect(result.code).toBe(0);
		expect(result.stderr).not.toMatch(/^error: /m);
		expect(result.stderr).toMatch(new RegExp(`^  ${escape(SECOND)} native: unsupported, .*does not support tools`, 'm'));
		const results = lab.results();
		const tools = results.models.find((model) => model.name === SECOND)?.toolCalling;
		for (const endpoint of [tools?.native, tools?.openai]) {
			expect(endpoint?.supported).toBe(false);
			expect(endpoint?.scenarios.length).toBeGreaterThan(0);
			expect(endpoint?.scenarios.every((scenario) => scenario.outcome === 'unsupported')).toBe(true);
		}
		expect(results.models.find((model) => model.name === FIRST)?.toolCalling?.native?.supported).toBe(true);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
