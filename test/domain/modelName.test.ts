import {describe, expect, it} from 'vitest';
import {checkModelName, isValidClaudeModel, isValidModelName, modelFolderName, modelNameProblem} from '../../source/domain/modelName.js';

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
		['qwen"; rm -rf /', /./],
		['$(reboot)', /./],
		['a b', /./],
		["x'); import os #", /./],
		['../../etc/passwd', /./],
		['a/../b', /./],
		['qwen\u001b]0;x\u0007', /./],
		['qwen\u0000', /./],
		['a:b:c', /./],
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
		const names = ['qwen2.5:32b', 'qwen2.5_32b', 'model:_private', 'model__private', 'model_:private', 'qwen2.5__32b', 'a_:b', 'a__b', 'a:b_', 'ns/m:t', 'ns_m:t', 'ns-m:t', 'claude:claude-sonnet-4-5', 'claude_claude-sonnet-4-5'];
		const folders = names.map(modelFolderName);
		expect(new Set(folders).size).toBe(names.length);
		expect(modelFolderName('qwen2.5:32b')).toBe('qwen2.5_32b');
		expect(modelFolderName('qwen2.5_32b')).toBe('qwen2.5%5F32b');
		expect(modelFolderName('hf.co/user/repo:Q4_K_M')).toBe('hf.co%2Fuser%2Frepo%3AQ4%5FK%5FM');
		for (const folder of folders) expect(folder).toMatch(/^[A-Za-z0-9._~%-]+$/);
	});
});

describe('model names: what Ollama pulls, and nothing that could escape a path or a shell', () => {
	it.each([
		'qwen2.5:32b',
		'qwen2.5',
		'library/qwen2.5:14b',
		'namespace/model:tag',
		'hf.co/bartowski/Qwen2.5-32B-Instruct-GGUF:Q4_K_M',
		'hf.co/unsloth/DeepSeek-R1-Distill-Qwen-32B-GGUF:IQ3_XS',
		'registry.ollama.ai/library/qwen2.5:14b',
		'localhost:5000/team/model:v1',
		'claude:claude-sonnet-5-5',
		'model:_private',
	])('accepts %s', (name) => {
		expect(checkModelName(name)).toEqual({ok: true});
	});

	it.each([
		['', 'empty'],
		['qwen2.5:32b; rm -rf ~', 'shell metacharacters'],
		['$(reboot)', 'command substitution'],
		['qwen`id`', 'backticks'],
		['qwen\u0007:7b', 'a control character'],
		['qwen 2.5', 'whitespace'],
		['../../etc/passwd', 'a .. segment'],
		['hf.co/../model', 'a .. segment under a host'],
		['a..b/model', 'a .. inside a segment'],
		['a/b/c/d', 'too many segments'],
		['-model', 'a leading dash (option injection)'],
		['model:tag:extra', 'two tags'],
		['model@sha256:abc', 'a digest (refused: never needed here)'],
		['x'.repeat(400), 'too long'],
	])('refuses %j (%s)', (name) => {
		expect(isValidModelName(name)).toBe(false);
	});
});
