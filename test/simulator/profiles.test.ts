import {describe, expect, it} from 'vitest';
import {catalog} from '../../source/models/catalog.js';
import {defaultProfiles, kvBytesPerToken, profileFor} from '../../source/simulator/profiles.js';

describe('simulator profiles', () => {
	it('serves the six ladder models with catalog sizes, layers summing to the size and the config blob last', () => {
		const profiles = defaultProfiles();
		expect(profiles.map((profile) => profile.name)).toEqual(catalog.map((entry) => entry.name));
		for (const profile of profiles) {
			const entry = catalog.find((candidate) => candidate.name === profile.name);
			expect(profile.sizeBytes).toBe(entry?.sizeBytes);
			expect(profile.quantization).toBe(entry?.quantization);
			expect(profile.layers.reduce((sum, layer) => sum + layer.size, 0)).toBe(profile.sizeBytes);
			expect(profile.layers[0]?.digest).toBe(`sha256:${entry?.digest}`);
			expect(profile.layers.at(-1)?.size).toBeLessThan(1000);
		}
	});

	it('puts both 70B-class models below the 8 t/s practical threshold and the rest above', () => {
		const rate = Object.fromEntries(defaultProfiles().map((profile) => [profile.name, profile.evalRate]));
		expect(rate['qwen2.5:72b']).toBeLessThan(8);
		expect(rate['llama3.3:70b']).toBeLessThan(8);
		for (const name of ['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b', 'command-r:35b']) expect(rate[name]).toBeGreaterThan(8);
	});

	it('stays under the 400 GB/s bandwidth bound for every model', () => {
		for (const profile of defaultProfiles()) expect(profile.evalRate).toBeLessThan(400e9 / profile.sizeBytes);
	});

	it('shares the template blob among the qwen2.5 models but not with llama', () => {
		const digests = (name: string) => new Set(profileFor(name).layers.map((layer) => layer.digest));
		const q14 = digests('qwen2.5:14b');
		expect([...digests('qwen2.5:32b')].filter((digest) => q14.has(digest)).length).toBeGreaterThan(0);
		expect([...digests('llama3.3:70b')].filter((digest) => q14.has(digest))).toEqual([]);
	});

	it('lets callers override any field; a new size rebuilds the layers', () => {
		const slow = profileFor('qwen2.5:32b', {evalRate: 5, gpuShare: 0.7, sizeBytes: 20e9});
		expect(slow).toMatchObject({name: 'qwen2.5:32b', evalRate: 5, gpuShare: 0.7, quality: 'good'});
		expect(slow.layers.reduce((sum, layer) => sum + layer.size, 0)).toBe(20e9);
	});

	it("drops the tools capability of a tools-'unsupported' model", () => {
		expect(profileFor('gemma3:4b', {tools: 'unsupported'}).capabilities).toEqual(['completion']);
		expect(profileFor('gemma3:4b').capabilities).toContain('tools');
	});

	it('estimates KV bytes per token from the architecture (about 0.33 MB for the 70B class)', () => {
		expect(kvBytesPerToken(profileFor('llama3.3:70b'))).toBe(327_680);
		expect(kvBytesPerToken(profileFor('qwen2.5:14b'))).toBe(196_608);
	});
});
