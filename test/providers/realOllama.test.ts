// Contract test against a real Ollama: runs only when OLLAMA_HOST is set and answers, so CI and
// laptops without Ollama skip it (with one line saying why) and never touch the network.
import {describe, expect, it} from 'vitest';
import {createOllamaProvider, normalizeOllamaHost} from '../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../source/providers/openaiCompat.js';
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

	// capabilities come from /api/show; a thinking model sent think:false sends no reasoning.
	it('a thinking-capable model (per /api/show) sends no thinking with think:false', {timeout: 600_000}, async (context) => {
		const shown = await Promise.all(models.map(async (model) => ({model, details: await ollama.show(model.name)})));
		const thinker = shown.filter((entry) => entry.details.capabilities.includes('thinking')).sort((a, b) => a.model.sizeBytes - b.model.sizeBytes)[0];
		if (!thinker) {
			context.skip('no thinking-capable model installed on the real Ollama');
			return;
		}
		let thinking = '';
		let answer = '';
		for await (const event of ollama.chat({model: thinker.model.name, messages: [{role: 'user', content: 'Say OK.'}], think: false, options: {temperature: 0, seed: 42, num_predict: 32}})) {
			if (event.type === 'delta') {
				thinking += event.thinking ?? '';
				answer += event.text;
			}
		}
		expect(thinking).toBe('');
		expect(answer).not.toMatch(/<think>/);
	});

	// the prompt cache makes a repeated prompt's prefill nearly free; a nonce first defeats it.
	it('a repeated prompt is prefilled from the cache, a prompt with a different first token is not', {timeout: 600_000}, async (context) => {
		const smallest = [...models].filter((model) => !model.capabilities.includes('embedding')).sort((a, b) => a.sizeBytes - b.sizeBytes)[0];
		if (!smallest) {
			context.skip('no models installed on the real Ollama');
			return;
		}
		const text = 'Explain, in one sentence, why free cash flow matters to equity valuation. '.repeat(20);
		const prefill = async (prompt: string, system: string) => {
			for await (const event of ollama.generate({model: smallest.name, prompt, system, options: {temperature: 0, seed: 42, num_predict: 1, num_ctx: 4096}})) {
				if (event.type === 'done') return event.counters;
			}
			throw new Error('no final chunk');
		};
		await prefill(text, 'warm-up');
		const first = await prefill(text, '[a1] analyst');
		const repeated = await prefill(text, '[a1] analyst');
		const busted = await prefill(text, '[b2] analyst');
		expect(repeated.promptEvalDuration).toBeLessThan(first.promptEvalDuration / 2);
		expect(busted.promptEvalDuration).toBeGreaterThan(repeated.promptEvalDuration);
	});

	// /v1 cannot pin num_ctx; /api/ps says what context it ran at.
	it('/api/ps reports the context_length a /v1 request ran at', {timeout: 600_000}, async (context) => {
		const smallest = [...models].filter((model) => !model.capabilities.includes('embedding')).sort((a, b) => a.sizeBytes - b.sizeBytes)[0];
		if (!smallest) {
			context.skip('no models installed on the real Ollama');
			return;
		}
		const openai = createOpenAICompatProvider({host: host ?? ''});
		const result = await openai.chat({model: smallest.name, messages: [{role: 'user', content: 'Say OK.'}], maxTokens: 8});
		expect(result.finishReason).not.toBeNull();
		const loaded = (await ollama.ps()).find((entry) => entry.name === smallest.name);
		expect(loaded?.contextLength).toBeGreaterThanOrEqual(2048);
	});
});

