import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {runPull} from '../../../source/experiment/steps/pull.js';
import {PullRefusedError} from '../../../source/experiment/steps/pullPreflight.js';
import {resultsFile} from '../../../source/domain/schema.js';
import {isCanceled} from '../../../source/providers/errors.js';
import {profileFor} from '../../../source/simulator/index.js';
import {eventsOfType, stepHarness, type StepHarness} from '../../helpers/stepHarness.js';
import {waitFor} from '../../helpers/testUtils.js';
import {DEMO_DOWNLOAD_BYTES_PER_SECOND, demoClock} from '../../../source/experiment/clock.js';

let harness: StepHarness | null = null;
afterEach(async () => {
	await harness?.close();
	harness = null;
});

function recorded(h: StepHarness, name: string) {
	const file = resultsFile.parse(JSON.parse(fs.readFileSync(h.resultsFile, 'utf8')));
	return file.models.find((model) => model.name === name);
}

function pullRequests(h: StepHarness) {
	return h.sim.requests.filter((request) => request.path === '/api/pull');
}

describe('runPull', () => {
	it('skips an installed model, says so, and records it as present', async () => {
		harness = await stepHarness();
		const result = await runPull(harness.ctx, 'qwen2.5:14b');
		expect(result.status).toBe('present');
		expect(result.bytes).toBe(8_988_124_069);
		expect(pullRequests(harness)).toHaveLength(0);
		expect(eventsOfType(harness.events, 'info').map((event) => event.message).join('\n')).toContain('already installed');
		expect(recorded(harness, 'qwen2.5:14b')?.pull?.status).toBe('present');
	});

	// The demo flat out said "pulled qwen2.5:32b: 19.9 GB in 4.2 s": the seconds of whatever else
	// moved its clock, since a pull has no server counters.
	it('on the demo flat out, takes the time its bytes take at the demo\'s download rate', async () => {
		harness = await stepHarness();
		harness.ctx.clock = demoClock(0);
		const result = await runPull(harness.ctx, 'qwen2.5:32b');
		expect(result.seconds).toBeCloseTo(19_851_349_669 / DEMO_DOWNLOAD_BYTES_PER_SECOND, 3);
		const progress = eventsOfType(harness.events, 'pull:progress');
		// MB/s and the ETA read the same clock: the last update is stamped at the end of the transfer.
		expect(progress.at(-1)?.update.at).toBeCloseTo(result.seconds * 1000, 0);
	});

	it('streams per-layer progress and records the pull with the model facts', async () => {
		harness = await stepHarness();
		const result = await runPull(harness.ctx, 'qwen2.5:32b');
		expect(result.status).toBe('pulled');
		expect(result.bytes).toBe(19_851_349_669);
		const progress = eventsOfType(harness.events, 'pull:progress');
		expect(progress.length).toBeGreaterThan(3);
		const last = progress[progress.length - 1]!.update;
		// Weights, template, license, params and the config blob last.
		expect(last.layers.length).toBe(5);
		expect(last.total).toBe(19_851_349_669);
		expect(harness.sim.installed()).toContain('qwen2.5:32b');
		const entry = recorded(harness, 'qwen2.5:32b');
		expect(entry?.pull).toMatchObject({status: 'pulled', bytes: 19_851_349_669});
		expect(entry?.sizeBytes).toBe(19_851_349_669);
		expect(entry?.quantization).toBe('Q4_K_M');
		expect(entry?.capabilities).toContain('tools');
	});

	it('refuses when free disk is below the size plus 10 %, saying what is needed and free', async () => {
		harness = await stepHarness({system: {modelsDisk: {path: '/Volumes/models', freeBytes: 20e9, totalBytes: 500e9}}});
		const error = await runPull(harness.ctx, 'qwen2.5:32b').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(PullRefusedError);
		const message = (error as PullRefusedError).userMessage;
		expect(message).toContain('needs 21.8 GB');
		expect(message).toContain('20.0 GB free');
		expect(pullRequests(harness)).toHaveLength(0);
		expect(recorded(harness, 'qwen2.5:32b')?.pull?.status).toBe('failed');
		expect(recorded(harness, 'qwen2.5:32b')?.pull?.error).toContain('Not enough disk');
	});

	it('does not judge the disk of a remote Ollama', async () => {
		harness = await stepHarness({system: {ollamaIsLocal: false, modelsDisk: null}});
		const result = await runPull(harness.ctx, 'qwen2.5:32b');
		expect(result.status).toBe('pulled');
	});

	it('turns an in-band error (unknown name) into a clear message and records the failure', async () => {
		harness = await stepHarness();
		const error = await runPull(harness.ctx, 'nosuchmodel:7b').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(Error);
		const done = eventsOfType(harness.events, 'pull:done')[0];
		expect(done?.result.status).toBe('failed');
		expect(done?.result.error).toContain('nosuchmodel:7b was not found in the Ollama library');
		expect(done?.result.error).not.toMatch(/at .*\.ts:\d+/);
		expect(recorded(harness, 'nosuchmodel:7b')?.pull?.status).toBe('failed');
	});

	it('warns when another 70B-class model is installed', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:72b']}});
		await runPull(harness.ctx, 'llama3.3:70b');
		const warnings = eventsOfType(harness.events, 'warning').map((event) => event.message);
		expect(warnings.join('\n')).toMatch(/Another 70B-class model is installed: qwen2\.5:72b/);
	});

	it('does not warn about a 70B model when pulling a small one', async () => {
		harness = await stepHarness({sim: {installed: ['qwen2.5:72b']}});
		await runPull(harness.ctx, 'qwen2.5:32b');
		expect(eventsOfType(harness.events, 'warning')).toHaveLength(0);
	});

	it('cancels mid-pull: aborts the request, records canceled with the resume note, keeps the file valid', async () => {
		let progressSeen = 0;
		harness = await stepHarness({
			sim: {pace: 1, pullBytesPerSecond: 2e8, profiles: [profileFor('qwen2.5:32b')], installed: []},
			onEvent: (event, h) => {
				if (event.type === 'pull:progress' && ++progressSeen === 3) h.controller.abort();
			},
		});
		// Something measured earlier must survive the cancel.
		harness.ctx.results.update((draft) => {
			draft.models.push({name: 'qwen2.5:14b', sizeBytes: 1, parameterSize: null, quantization: null, capabilities: [], practical: true});
		});
		const error = await runPull(harness.ctx, 'qwen2.5:32b').catch((caught: unknown) => caught);
		expect(isCanceled(error)).toBe(true);
		await waitFor(() => pullRequests(harness!).some((request) => request.aborted), 'the pull request aborted', 2000);
		expect(pullRequests(harness)[0]?.aborted).toBe(true);
		expect(harness.sim.installed()).not.toContain('qwen2.5:32b');
		const entry = recorded(harness, 'qwen2.5:32b');
		expect(entry?.pull?.status).toBe('canceled');
		expect(entry?.pull?.error).toContain('again to resume');
		expect(entry?.pull?.error).toContain('Ollama server restarts');
		// What had arrived before the cancel is on disk and counts: not 0.
		const received = eventsOfType(harness.events, 'pull:progress').at(-1)!.update.completed;
		expect(received).toBeGreaterThan(0);
		expect(entry?.pull?.bytes).toBe(received);
		expect(recorded(harness, 'qwen2.5:14b')?.practical).toBe(true);
	});

	it('records the bytes received, not 0, when the connection breaks off mid-pull', async () => {
		// Paced, so each line reaches the client before the drop: 1.2 GB per 60 ms tick.
		harness = await stepHarness({sim: {pace: 1, pullBytesPerSecond: 2e10, profiles: [profileFor('qwen2.5:32b')], installed: []}});
		// The manifest line, the first layer's announcement and three progress lines, then the drop.
		harness.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 5}, {model: 'qwen2.5:32b', route: '/api/pull'});
		const error = await runPull(harness.ctx, 'qwen2.5:32b').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(Error);
		const received = eventsOfType(harness.events, 'pull:progress').at(-1)!.update.completed;
		expect(received).toBeGreaterThan(1e9);
		const done = eventsOfType(harness.events, 'pull:done')[0];
		expect(done?.result).toMatchObject({status: 'failed', bytes: received});
		expect(recorded(harness, 'qwen2.5:32b')?.pull).toMatchObject({status: 'failed', bytes: received});
	});
});

