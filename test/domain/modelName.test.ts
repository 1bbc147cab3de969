import {describe, expect, it} from 'vitest';
import {checkModelName, isValidClaudeModel, isValidModelName, modelFolderName, modelNameKey, modelNameProblem} from '../../source/domain/modelName.js';

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

// Ollama's own rule, types/model/name.go at v0.32.15 (ParseNameBare, isValidPart, EqualFold).
describe('model names as Ollama parses them (types/model/name.go, v0.32.15)', () => {
	it.each<[string, boolean, string]>([
		// A leading '_' is allowed in every part.
		['_private:latest', true, 'a model starting with _'],
		['_team/model:tag', true, 'a namespace starting with _'],
		['model:_q4', true, 'a tag starting with _'],
		['_registry.local/team/model:v1', true, 'a host starting with _'],
		// No '.' in the namespace; '.' is fine in the model, tag and host.
		['my.team/model:v1', false, 'a namespace with .'],
		['team/qwen2.5:q4.k', true, 'dots in the model and tag'],
		// A host only with three parts: two parts are namespace/model.
		['hf.co/model', false, 'two parts: hf.co would be the namespace'],
		['localhost:5000/model', false, 'two parts: a host with a port is no namespace'],
		['hf.co/user/repo:Q4_K_M', true, 'three parts: a host'],
		['localhost:5000/team/model:v1', true, 'a host with its port'],
		['a/b/c/d', false, 'four parts'],
		// ':' only in the host; the tag is after the last ':' following the last '/'.
		['model:tag:extra', false, 'a ":" left in the model'],
		['model:', false, 'an empty tag'],
		['/model', false, 'an empty namespace'],
		// Lengths: parts 1-80, the host 1-350.
		[`${'m'.repeat(80)}:t`, true, 'an 80-character model'],
		[`${'m'.repeat(81)}:t`, false, 'an 81-character model'],
		[`${'h'.repeat(350)}/ns/model`, true, 'a 350-character host'],
		[`${'h'.repeat(351)}/ns/model`, false, 'a 351-character host'],
		// Parts start with a letter, a digit or '_'.
		['-model', false, 'a leading dash'],
		['.model', false, 'a leading dot'],
		['team/.hidden', false, 'a model starting with a dot'],
		// Stricter than Ollama on purpose.
		['https://registry.ollama.ai/library/qwen2.5:7b', false, 'a scheme'],
		['model@sha256:abc', false, 'a digest'],
	])('%j: %s (%s)', (name, valid) => {
		expect(isValidModelName(name)).toBe(valid);
	});

	it('says which part is wrong and why', () => {
		expect(modelNameProblem('my.team/model:v1')).toBe('the namespace "my.team" may hold only letters, digits, "_" and "-" (no ".")');
		expect(modelNameProblem('hf.co/model')).toBe('the namespace "hf.co" may hold only letters, digits, "_" and "-" (no ".")');
		expect(modelNameProblem('model:')).toBe('the tag is empty');
		expect(modelNameProblem(`${'m'.repeat(81)}:t`)).toBe('the model is longer than 80 characters');
	});

	it.each<[string, string]>([
		['qwen2.5', 'qwen2.5:latest'],
		['Qwen2.5:32B', 'qwen2.5:32b'],
		['library/qwen2.5:32b', 'qwen2.5:32b'],
		['registry.ollama.ai/library/qwen2.5:32b', 'QWEN2.5:32b'],
		['HF.co/User/Repo:Q4_K_M', 'hf.co/user/repo:q4_k_m'],
	])('%s and %s are one model (compared case-insensitively, defaults filled in)', (a, b) => {
		expect(modelNameKey(a)).toBe(modelNameKey(b));
	});

	it.each<[string, string]>([
		['qwen2.5:32b', 'qwen2.5:14b'],
		['team/qwen2.5:32b', 'qwen2.5:32b'],
		['hf.co/user/repo:q4', 'other.host/user/repo:q4'],
	])('%s and %s are different models', (a, b) => {
		expect(modelNameKey(a)).not.toBe(modelNameKey(b));
	});
});
