import {describe, expect, it} from 'vitest';
import {isValidClaudeModel, isValidModelName, modelFolderName, modelNameProblem} from '../../source/models/modelName.js';

describe('model names', () => {
	it.each([
		'qwen2.5:32b',
		'llama3.3',
		'library/qwen2.5:32b',
		'namespace/model:tag',
		'hf.co/bartowski/Qwen2.5-32B-Instruct-GGUF:Q4_K_M',
		'registry.ollama.ai/library/qwen2.5:32b',
		'registry.local:5000/team/model:v1',
		'Qwen2.5:32B',
	])('accepts %s', (name) => {
		expect(modelNameProblem(name)).toBeNull();
	});

	it.each([
		['', /empty/],
		['qwen"; rm -rf /', /not an Ollama model name/],
		['$(reboot)', /not an Ollama model name/],
		['a b', /not an Ollama model name/],
		["x'); import os #", /not an Ollama model name/],
		['../../etc/passwd', /"\.\." or "\." segment/],
		['a/../b', /"\.\." or "\." segment/],
		['qwen\u001b]0;x\u0007', /control characters/],
		['qwen\u0000', /control characters/],
		['a:b:c', /not an Ollama model name/],
		['x'.repeat(400), /longer than/],
	])('refuses %j', (name, reason) => {
		expect(modelNameProblem(name)).toMatch(reason);
		expect(isValidModelName(name)).toBe(false);
	});

	it('Claude ids', () => {
		expect(isValidClaudeModel('claude-sonnet-4-5-20250929')).toBe(true);
		expect(isValidClaudeModel('claude-sonnet-5-5')).toBe(true);
		expect(isValidClaudeModel('gpt-4o')).toBe(false);
		expect(isValidClaudeModel('claude-x\u001b[2J')).toBe(false);
		expect(isValidClaudeModel('claude-')).toBe(false);
	});

	it('folder names are injective', () => {
		const names = ['qwen2.5:32b', 'qwen2.5_32b', 'qwen2.5__32b', 'a_:b', 'a__b', 'a:b_', 'ns/m:t', 'ns_m:t', 'ns-m:t', 'claude:claude-sonnet-4-5', 'claude_claude-sonnet-4-5'];
		const folders = names.map(modelFolderName);
		expect(new Set(folders).size).toBe(names.length);
		expect(modelFolderName('qwen2.5:32b')).toBe('qwen2.5_32b');
		expect(modelFolderName('qwen2.5_32b')).toBe('qwen2.5__32b');
		for (const folder of folders) expect(folder).toMatch(/^[A-Za-z0-9._~-]+$/);
	});
});
