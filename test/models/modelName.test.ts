import {describe, expect, it} from 'vitest';
import {checkModelName, isValidModelName} from '../../source/models/modelName.js';

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
