import {Ollama} from 'ollama';
import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/simulator/index.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';
import {profileFor} from '../../source/simulator/profiles.js';
import {ndjson, post} from './wireHelpers.js';
import type {Json} from './wireHelpers.js';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

function layerLines(lines: Json[]): Json[] {
	return lines.filter((line) => typeof line['digest'] === 'string');
}

describe('POST /api/pull', () => {
	it('streams manifest, every layer with config last, then verify, write, success', async () => {
		sim = await startSimulator({installed: []});
		const lines = await ndjson(await post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b'}));
		const profile = profileFor('qwen2.5:14b');

		expect(lines[0]).toEqual({status: 'pulling manifest'});
		expect(lines.slice(-3)).toEqual([{status: 'verifying sha256 digest'}, {status: 'writing manifest'}, {status: 'success'}]);
		const digestsInOrder = [...new Set(layerLines(lines).map((line) => line['digest']))];
		expect(digestsInOrder).toEqual(profile.layers.map((layer) => layer.digest));
		for (const line of layerLines(lines)) {
			const digest = String(line['digest']);
			expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
			expect(line['status']).toBe(`pulling ${digest.slice(7, 19)}`);
			expect(Number.isInteger(line['total'])).toBe(true);
			// completed is omitempty: never present as 0.
			expect(line['completed']).not.toBe(0);
		}
		const weights = layerLines(lines).filter((line) => line['digest'] === profile.layers[0]?.digest);
		expect(weights[0]).not.toHaveProperty('completed');
		expect(weights.at(-1)?.['completed']).toBe(weights.at(-1)?.['total']);
		expect(weights.length).toBeGreaterThan(3);
		expect(profile.layers.reduce((sum, layer) => sum + layer.size, 0)).toBe(8_988_124_069);
		expect(sim.installed()).toContain('qwen2.5:14b');
	});

	it('reports a blob shared with an installed qwen2.5 model as one line with completed == total', async () => {
		sim = await startSimulator({installed: ['qwen2.5:14b']});
		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {model: 'qwen2.5:32b'})));
		const shared = profileFor('qwen2.5:14b').layers.map((layer) => layer.digest);
		const sharedLines = lines.filter((line) => shared.includes(String(line['digest'])));
		expect(sharedLines.length).toBeGreaterThan(0);
		for (const line of sharedLines) {
			expect(lines.filter((other) => other['digest'] === line['digest'])).toHaveLength(1);
			expect(line['completed']).toBe(line['total']);
		}
	});

	it('re-pulling an installed model sends each layer once, complete', async () => {
		sim = await startSimulator();
		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {name: 'qwen2.5:14b'})));
		expect(lines).toHaveLength(profileFor('qwen2.5:14b').layers.length);
		expect(lines.every((line) => line['completed'] === line['total'])).toBe(true);
	});

	it('fails an unknown name in-band after HTTP 200, and with 500 when not streamed', async () => {
		sim = await startSimulator();
		const streamed = await post(`${sim.url}/api/pull`, {model: 'qwen2.5:999b'});
		expect(streamed.status).toBe(200);
		expect(await ndjson(streamed)).toEqual([{status: 'pulling manifest'}, {error: 'pull model manifest: file does not exist'}]);

		const single = await post(`${sim.url}/api/pull`, {model: 'qwen2.5:999b', stream: false});
		expect(single.status).toBe(500);
		expect(await single.json()).toEqual({error: 'pull model manifest: file does not exist'});
	});

	it('answers stream:false with only the last object', async () => {
		sim = await startSimulator({installed: []});
		const response = await post(`${sim.url}/api/pull`, {model: 'qwen2.5:32b', stream: false});
		expect(await response.json()).toEqual({status: 'success'});
		expect(sim.installed()).toEqual(['qwen2.5:32b']);
	});

	it('rejects a malformed name with 400 invalid model name', async () => {
		sim = await startSimulator();
		const response = await post(`${sim.url}/api/pull`, {model: 'bad name;rm -rf'});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({error: 'invalid model name'});
	});

	it('resumes a pull cut mid-way from the bytes already downloaded', async () => {
		sim = await startSimulator({installed: []});
		sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 4}, '/api/pull');
		await expect(post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b'}).then((response) => response.text())).rejects.toThrow();
		expect(sim.installed()).toEqual([]);

		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b'})));
		const first = lines[0];
		// The resumed pull starts from the bytes already on disk, not from 0.
		expect(first?.['completed']).toBeGreaterThan(0);
		expect(first?.['completed']).toBeLessThan(Number(first?.['total']));
		expect(sim.installed()).toEqual(['qwen2.5:14b']);
	});

	it('keeps the bytes of a pull the client aborted, and logs the abort', async () => {
		const tiny = profileFor('tiny:1b', {sizeBytes: 30_000_000});
		sim = await startSimulator({profiles: [tiny], installed: [], pace: 1, pullBytesPerSecond: 100e6});
		const client = new Ollama({host: sim.url});
		const stream = await client.pull({model: 'tiny:1b', stream: true});
		let seen = 0;
		await expect(
			(async () => {
				for await (const part of stream) {
					seen = Math.max(seen, part.completed ?? 0);
					if (seen > 0) stream.abort();
				}
			})(),
		).rejects.toMatchObject({name: 'AbortError'});
		await expect.poll(() => sim?.requests.find((entry) => entry.path === '/api/pull')?.aborted).toBe(true);

		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {model: 'tiny:1b'})));
		expect(Number(lines[0]?.['completed'])).toBeGreaterThanOrEqual(seen);
	});

	it('resumes from the bytes an earlier, interrupted pull left (partialPulls)', async () => {
		const tiny = profileFor('tiny:1b', {sizeBytes: 30_000_000});
		const weights = tiny.layers[0]?.size ?? 0;
		sim = await startSimulator({profiles: [tiny], installed: [], partialPulls: {'tiny:1b': Math.floor(weights * 0.31)}});
		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {model: 'tiny:1b'})));
		expect(Number(lines[0]?.['completed'])).toBe(Math.floor(weights * 0.31));
		expect(sim.installed()).toEqual(['tiny:1b']);
	});

	it('drops partial downloads when Ollama restarts', async () => {
		sim = await startSimulator({installed: []});
		sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 4}, '/api/pull');
		await post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b'})
			.then((response) => response.text())
			.catch(() => undefined);
		await sim.restart();
		const lines = layerLines(await ndjson(await post(`${sim.url}/api/pull`, {model: 'qwen2.5:14b'})));
		expect(lines[0]).not.toHaveProperty('completed');
	});

	it('streams to the real ollama client, which ends at success', async () => {
		sim = await startSimulator({installed: []});
		const client = new Ollama({host: sim.url});
		const statuses: string[] = [];
		for await (const part of await client.pull({model: 'qwen2.5:32b', stream: true})) statuses.push(part.status);
		expect(statuses[0]).toBe('pulling manifest');
		expect(statuses.at(-1)).toBe('success');
		expect((await client.list()).models.map((model) => model.name)).toContain('qwen2.5:32b');
	});

	it('makes the real ollama client throw the in-band error of an unknown name', async () => {
		sim = await startSimulator();
		const client = new Ollama({host: sim.url});
		const consume = async () => {
			for await (const _ of await client.pull({model: 'nosuchmodel:1b', stream: true})) void _;
		};
		await expect(consume()).rejects.toThrow('pull model manifest: file does not exist');
	});
});
