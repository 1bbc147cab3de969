import {describe, expect, it} from 'vitest';
import {catalog, tierOf} from '../../source/models/catalog.js';
import {TIERS} from '../../source/models/tiers.js';

describe('a model’s tier: the catalog’s word, else its size', () => {
	const cases: Array<{what: string; name: string; sizeBytes: number; tier: string}> = [
		{what: 'a catalog 70B', name: 'llama3.3:70b', sizeBytes: 0, tier: 'large'},
		{what: 'a catalog 32B, whatever size Ollama reports', name: 'qwen2.5:32b', sizeBytes: 60e9, tier: 'base'},
		{what: 'a 35B the catalog keeps in round one', name: 'command-r:35b', sizeBytes: 18.9e9, tier: 'base'},
		{what: 'an unknown model of 70B size', name: 'mixtral:8x22b', sizeBytes: 80e9, tier: 'large'},
		{what: 'an unknown small model', name: 'tiny:1b', sizeBytes: 1e9, tier: 'base'},
		{what: 'an unknown model of unknown size', name: 'mystery:latest', sizeBytes: 0, tier: 'base'},
	];
	for (const {what, name, sizeBytes, tier} of cases) {
		it(what, () => expect(tierOf(name, sizeBytes).tier).toBe(tier));
	}

	it('names a tier that exists for every catalog entry, with words for its sentences', () => {
		for (const entry of catalog) expect(TIERS[entry.tier].words.length).toBeGreaterThan(0);
	});
});
