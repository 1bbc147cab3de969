// Streams that keep sending without saying anything, against the native API: only content restarts
// the stall timer, every request has a total deadline, and a host that never answers is named as
// such (never "not running") within the timeouts.
import {afterEach, describe, expect, it} from 'vitest';
import {PullMovement, QUICK_ANSWER_MS, SLOWEST_TOKEN_MS, totalDeadlineMs, type Deadline} from '../../../source/providers/ollama/deadlines.js';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import {RequestTimeouts} from '../../../source/providers/network/timeouts.js';
import {startSimulator, type SimulatorHandle} from '../../../source/simulator/index.js';
import {drain, failureOf} from '../../helpers/failureOf.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

const timeouts = {loadMs: 400, stallMs: 300};
const ask = [{role: 'user' as const, content: 'Explain the bull case for Apple stock.'}];

describe('totalDeadlineMs', () => {
	const settings = {loadMs: 900_000, stallMs: 120_000};
	it.each<[string, Deadline, {loadMs: number; stallMs: number}, number | undefined]>([
		['a quick answer gets 30 s', {kind: 'quick'}, settings, QUICK_ANSWER_MS],
		['a quick answer gets the load timeout when shorter', {kind: 'quick'}, {loadMs: 3000, stallMs: 120_000}, 3000],
		['a quick answer still gets 30 s with the load timeout off', {kind: 'quick'}, {loadMs: 0, stallMs: 120_000}, QUICK_ANSWER_MS],
		['a pull has none (hours are normal); its bytes must keep moving', {kind: 'pull'}, settings, undefined],
		['512 tokens: load + a stall + 512 tokens at 0.5 t/s', {kind: 'generation', numPredict: 512}, settings, 900_000 + 120_000 + 512 * SLOWEST_TOKEN_MS],
		['a load-only request: load + a stall', {kind: 'generation', loadOnly: true}, settings, 1_020_000],
		['no num_predict: up to the context asked for', {kind: 'generation', numCtx: 8192}, settings, 1_020_000 + 8192 * SLOWEST_TOKEN_MS],
		['num_predict -1 and no context: 32k tokens', {kind: 'generation', numPredict: -1}, settings, 1_020_000 + 32_768 * SLOWEST_TOKEN_MS],
		['timeouts turned off: none', {kind: 'generation', numPredict: 512}, {loadMs: 0, stallMs: 0}, undefined],
	])('%s', (_name, deadline, given, expected) => {
		expect(totalDeadlineMs(deadline, given)).toBe(expected);
	});
});

describe('PullMovement: a repeated progress line is no progress', () => {
	it('counts new statuses and more bytes, never a repeat or fewer bytes', () => {
		const movement = new PullMovement();
		const layer = (completed?: number) => ({status: 'pulling 9f13ba1299af', digest: 'sha256:9f13', total: 100, ...(completed === undefined ? {} : {completed})});
		expect([
			movement.moved({status: 'pulling manifest'}),
			movement.moved(layer()),
			movement.moved(layer()),
			movement.moved(layer(30)),
			movement.moved(layer(30)),
			movement.moved(layer(30)),
			movement.moved(layer(20)),
			movement.moved(layer(31)),
			movement.moved({status: 'verifying sha256 digest'}),
			movement.moved({status: 'verifying sha256 digest'}),
		]).toEqual([true, true, false, true, false, false, false, true, true, false]);
	});
});

describe('RequestTimeouts with a total deadline', () => {
	it('ends a body that keeps trickling bytes, as a total timeout, although no silence ever lasts', {timeout: 5000}, async () => {
		let timer: ReturnType<typeof setInterval> | undefined;
		// As fetch does: the body fails when the request's signal aborts.
		const trickling = (signal: AbortSignal | null | undefined) =>
			new ReadableStream<Uint8Array>({
				start(controller) {
					timer = setInterval(() => controller.enqueue(new Uint8Array([0x20])), 10);
					signal?.addEventListener('abort', () => {
						clearInterval(timer);
						controller.error(signal.reason);
					});
				},
			});
		const guard = new RequestTimeouts({loadMs: 1000, stallMs: 1000}, undefined, {totalMs: 200});
		const response = await guard.fetch(async (_input, init) => new Response(trickling(init?.signal)))('http://x/');
		await expect(response.text()).rejects.toThrow();
		clearInterval(timer);
		expect(guard.fired).toEqual({phase: 'total', ms: 200});
		guard.clear();
	});
});

describe('the native API against streams that never say anything', () => {
	it('endless empty chunks mid-answer end as a stall within the stall timeout', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'empty-chunks', afterChunks: 2}, '/api/chat');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		const error = await failureOf(() => drain(ollama.chat({model: 'qwen2.5:14b', messages: ask})));
		expect(error.kind).toBe('stall-timeout');
		expect(error.message).toBe(`no new tokens for 0.3 s in the middle of the answer from Ollama at ${sim.url}`);
		expect(error.hint).toMatch(/empty chunks/);
	});

	it('an answer trickled a byte at a time ends as a stall, not after the whole trickle', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'trickle', intervalMs: 20}, '/api/generate');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		const error = await failureOf(() => drain(ollama.generate({model: 'qwen2.5:14b', prompt: 'hi', options: {num_predict: 8}})));
		expect(error.kind).toBe('stall-timeout');
	});

	it('a trickled /api/tags is bounded, and said to be a host that does not answer', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'trickle', intervalMs: 50}, '/api/tags');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		const error = await failureOf(() => ollama.list());
		expect(error.kind).toBe('load-timeout');
		expect(error.message).toMatch(new RegExp(`^Ollama at ${sim.url.replace(/[.]/g, '\\.')} accepted the connection but did not answer /api/tags within 0\\.[34] s$`));
		expect(error.message).not.toMatch(/not running/);
	});

	it('a host that accepts connections and never answers: the liveness probe fails within the load timeout, not as "not running"', {timeout: 5000}, async () => {
		sim = await startSimulator();
		sim.injectOllamaFault({kind: 'silent'});
		const ollama = createOllamaProvider({host: sim.url, timeouts: {loadMs: 400, stallMs: 120_000}});
		const error = await failureOf(() => ollama.ping());
		expect(error.kind).toBe('load-timeout');
		expect(error.message).toBe(`Ollama at ${sim.url} accepted the connection but did not answer its liveness probe (GET /) within 0.4 s`);
		expect(error.hint).toMatch(/restart Ollama/);
	});

	it('a pull whose completed never moves stops within the stall timeout and says how to resume', {timeout: 5000}, async () => {
		sim = await startSimulator({pullLinesPerLayer: 10});
		// Manifest, the layer at 0, 10 %, 20 %, 30 %: then the 30 % line again every 60 ms.
		sim.injectOllamaFault({kind: 'stuck', afterChunks: 5}, '/api/pull');
		const ollama = createOllamaProvider({host: sim.url, timeouts});
		let last = 0;
		const error = await failureOf(async () => {
			for await (const update of ollama.pull('qwen2.5:32b')) last = update.completed / (update.layers[0]?.total ?? 1);
		});
		expect(last).toBeCloseTo(0.3, 5);
		expect(error.kind).toBe('stall-timeout');
		expect(error.message).toBe('The download of qwen2.5:32b stopped moving: no new bytes for 0.3 s (Ollama keeps retrying a stuck part without end)');
		expect(error.hint).toMatch(/^run `trifecta pull qwen2\.5:32b` to resume it/);
	});
});
