// The simulator's fault targeting that the matrix relies on: a fault aimed at one model (or one
// route) waits for a request naming it and leaves every other request alone.
import {afterEach, describe, expect, it} from 'vitest';
import {Ollama} from 'ollama';
import {startSimulator, type SimulatorHandle} from '../../source/simulator/index.js';

let sim: SimulatorHandle | null = null;
afterEach(async () => {
	await sim?.close();
	sim = null;
});

async function generate(client: Ollama, model: string): Promise<string> {
	let text = '';
	for await (const part of await client.generate({model, prompt: 'Say hi.', stream: true, options: {num_predict: 20}})) text += part.response;
	return text;
}

describe('simulator fault targets', () => {
	it('a fault aimed at a model skips requests for other models, then hits that model once', async () => {
		sim = await startSimulator({installed: ['qwen2.5:14b', 'mistral-small:22b']});
		const client = new Ollama({host: sim.url});
		sim.injectOllamaFault({kind: 'no-done'}, {model: 'mistral-small:22b'});

		await expect(generate(client, 'qwen2.5:14b')).resolves.not.toBe('');
		await expect(generate(client, 'mistral-small:22b')).rejects.toThrow('Did not receive done or success response in stream.');
		await expect(generate(client, 'mistral-small:22b')).resolves.not.toBe('');
	});

	it('model and route must both match; a plain route string still works', async () => {
		sim = await startSimulator({installed: ['qwen2.5:14b']});
		const client = new Ollama({host: sim.url});
		sim.injectOllamaFault({kind: 'oom', wording: 'llama-server'}, {model: 'qwen2.5:14b', route: '/api/chat'});
		sim.injectOllamaFault({kind: 'busy', times: 1}, '/api/chat');

		await expect(generate(client, 'qwen2.5:14b')).resolves.not.toBe('');
		await expect(client.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'hi'}]})).rejects.toMatchObject({status_code: 503});
		await expect(client.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'hi'}]})).rejects.toThrow(/llama-server reported out-of-memory/);
		await expect(client.chat({model: 'qwen2.5:14b', messages: [{role: 'user', content: 'hi'}]})).resolves.toMatchObject({done: true});
	});
});
