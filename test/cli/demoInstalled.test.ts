import {describe, expect, it} from 'vitest';
import {demoInstalled, demoPartialPulls} from '../../source/cli/services.js';
import {emptyResults, type ModelResult, type PullResult} from '../../source/domain/schema.js';

function pulled(name: string, sizeBytes: number, status: PullResult['status'], at: string): ModelResult {
	return {name, sizeBytes, parameterSize: null, quantization: null, capabilities: [], pull: {status, bytes: sizeBytes, seconds: 1, at}};
}

describe('demoInstalled', () => {
	it('starts a fresh demo with the two usually-installed models', () => {
		expect(demoInstalled(null)).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
	});

	it('gives a resumed demo back what it pulled, keeping only the latest 70B-class model', () => {
		const results = emptyResults(true);
		results.models = [
			pulled('qwen2.5:32b', 19.9e9, 'pulled', '2026-11-27T10:00:00Z'),
			pulled('qwen2.5:72b', 47.4e9, 'pulled', '2026-11-27T10:10:00Z'),
			pulled('llama3.3:70b', 42.5e9, 'pulled', '2026-11-27T10:20:00Z'),
			pulled('command-r:35b', 18.9e9, 'canceled', '2026-11-27T10:30:00Z'),
		];
		expect(demoInstalled(results)).toEqual(['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b', 'llama3.3:70b']);
	});
});

describe('demoPartialPulls', () => {
	// Quit at 31 % and resumed, the demo restarted the pull from 0 (a real Ollama keeps the bytes).
	it('gives a resumed demo back the bytes an interrupted pull left, and nothing for finished pulls', () => {
		const results = emptyResults(true);
		results.models = [
			pulled('qwen2.5:32b', 19.9e9, 'pulled', '2026-11-27T10:00:00Z'),
			{...pulled('llama3.3:70b', 42.5e9, 'canceled', '2026-11-27T10:20:00Z'), pull: {status: 'canceled', bytes: 13.2e9, seconds: 60, at: '2026-11-27T10:20:00Z'}},
			{...pulled('qwen2.5:72b', 47.4e9, 'failed', '2026-11-27T10:30:00Z'), pull: {status: 'failed', bytes: 0, seconds: 1, at: '2026-11-27T10:30:00Z'}},
		];
		expect(demoPartialPulls(results)).toEqual({'llama3.3:70b': 13.2e9});
		expect(demoPartialPulls(null)).toEqual({});
	});
});
