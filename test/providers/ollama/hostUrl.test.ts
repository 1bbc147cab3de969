import {describe, expect, it} from 'vitest';
import {normalizeOllamaHost} from '../../../source/providers/ollama/hostUrl.js';

describe('normalizeOllamaHost', () => {
	it.each([
		['', 'http://127.0.0.1:11434'],
		['localhost', 'http://localhost:11434'],
		[':5555', 'http://127.0.0.1:5555'],
		['http://10.0.0.2', 'http://10.0.0.2:80'],
		['https://ollama.example', 'https://ollama.example:443'],
		['http://127.0.0.1:11434/', 'http://127.0.0.1:11434'],
		['0.0.0.0:8080', 'http://0.0.0.0:8080'],
	])('%j names the URL ollama-js contacts (%s)', (input, expected) => {
		expect(normalizeOllamaHost(input)).toBe(expected);
	});
});
