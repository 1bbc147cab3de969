// Contract test against a real Ollama: runs only when OLLAMA_HOST is set and answers, so CI and
// laptops without Ollama skip it (with one line saying why) and never touch the network.
import {describe, expect, it} from 'vitest';
import {createOllamaProvider, normalizeOllamaHost} from '../../source/providers/ollama/index.js';
import type {InstalledModel, OllamaStreamEvent} from '../../source/providers/types.js';

async function probe(host: string): Promise<string | null> {
	const url = `${normalizeOllamaHost(host)}/`;
	try {
		const response = await fetch(url, {signal: AbortSignal.timeout(1500)});
		await response.body?.cancel();
		return response.ok ? null : `${url} answered ${response.status}`;
	} catch {
		return `nothing answers at ${url}`;
	}
}

const host = process.env['OLLAMA_HOST'];
const skipReason = host ? await probe(host) : 'OLLAMA_HOST is not set';
if (skipReason) console.log(`real Ollama contract test skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('real Ollama contract', () => {
	const ollama = createOllamaProvider({host: host ?? ''});
	let models: InstalledModel[] = [];

	it('answers version and list in our shapes', async () => {
		expect(await ollama.ping()).toBe(true);
		expect(await ollama.version()).toMatch(/^\d+\.\d+/);
		models = await ollama.list();
		for (const model of models) {
			expect(model.name).toBeTruthy();
			expect(model.sizeBytes).toBeGreaterThan(0);
			expect(typeof model.modifiedAt).toBe('string');
		}
	});

	it('streams a short chat with counters from the final chunk', {timeout: 300_000}, async (context) => {
		const smallest = [...models].filter((model) => !model.capabilities.includes('embedding')).sort((a, b) => a.sizeBytes - b.sizeBytes)[0];
		// Nothing to chat with on a server without models; list/version above still ran.
		if (!smallest) {
			context.skip('no models installed on the real Ollama');
			return;
		}
		const events: OllamaStreamEvent[] = [];
		for await (const event of ollama.chat({
			model: smallest.name,
			messages: [{role: 'user', content: 'Say OK.'}],
			options: {temperature: 0, seed: 42, num_predict: 8},
			...(smallest.capabilities.includes('thinking') ? {think: false} : {}),
		})) {
			events.push(event);
		}
		const done = events.at(-1);
		expect(done?.type).toBe('done');
		if (done?.type !== 'done') return;
		expect(done.counters.evalCount).toBeGreaterThan(0);
		expect(done.counters.evalDuration).toBeGreaterThan(0);
		expect(['stop', 'length']).toContain(done.doneReason);
		expect(events.some((event) => event.type === 'delta')).toBe(true);
	});
});
