// --json on a failure: the one document on stdout carries `error: {message, code}` beside
// whatever the command measured (bench printed {"models": []}, run {"status": "failed"} with no
// word of what failed).
import {afterEach, describe, expect, it} from 'vitest';
import {respond} from './hostileServer.js';
import {hostileLab, type HostileLab, type HostileResult} from './hostileLab.js';

const FIRST = 'qwen2.5:14b';
const SECOND = 'mistral-small:22b';

let lab: HostileLab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

type Document = {error?: {message: string; code: number}; models?: {name: string}[]; status?: string};

function documentOf(result: HostileResult): Document {
	const document = JSON.parse(result.out) as Document;
	expect(document.error?.code).toBe(result.code);
	return document;
}

const BOOM = respond(500, JSON.stringify({error: 'model runner crashed'}));

describe('--json failures carry their error', () => {
	it('bench, one model failing: the model measured and the error naming the other', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/generate', model: SECOND, handle: BOOM});
		const result = await lab.run(['bench', FIRST, SECOND, '--json']);
		expect(result.code).toBe(1);
		const document = documentOf(result);
		expect(document.models?.map((model) => model.name)).toEqual([FIRST]);
		expect(document.error?.message).toMatch(/^mistral-small:22b: Ollama failed \(500\): model runner crashed/);
	});

	it('bench, the only model failing: no models, and the error', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/generate', handle: BOOM});
		const result = await lab.run(['bench', FIRST, '--json']);
		expect(result.code).toBe(1);
		const document = documentOf(result);
		expect(document.models).toEqual([]);
		expect(document.error?.message).toMatch(/^qwen2\.5:14b: Ollama failed \(500\)/);
	});

	it('run: status failed with the step’s message', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/generate', handle: BOOM});
		const result = await lab.run(['run', '--yes', '--no-claude', '--json']);
		expect(result.code).toBe(1);
		const document = documentOf(result);
		expect(document.status).toBe('failed');
		expect(document.error?.message).toMatch(/Ollama failed \(500\): model runner crashed/);
	});

	it('compare with cells that could not run: the models and an error saying so', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/chat', handle: BOOM});
		const result = await lab.run(['compare', FIRST, '--no-claude', '--json']);
		expect(result.code).toBe(1);
		const document = documentOf(result);
		expect(document.models?.map((model) => model.name)).toEqual([FIRST]);
		expect(document.error?.message).toMatch(/^Some cells could not be run/);
	});

	it('pull of a model that does not exist: the error from the last line', async () => {
		lab = await hostileLab();
		lab.proxy.rules.push({path: '/api/pull', handle: respond(500, JSON.stringify({error: 'pull model manifest: file does not exist'}))});
		const result = await lab.run(['pull', 'qwen2.5:32b', '--json']);
		expect(result.code).toBe(1);
		expect(documentOf(result).error?.message).toMatch(/\S/);
	});
});
