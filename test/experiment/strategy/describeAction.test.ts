// What comes next, and what was canceled, in words: never an internal identifier ("ask-configs",
// "pull:llama3.3:70b") on a screen.
import {describe, expect, it} from 'vitest';
import {describeAction, describeStepKey} from '../../../source/experiment/strategy/index.js';
import type {Action} from '../../../source/experiment/strategy/index.js';

const plan = {pipelineDir: '/p', message: 'm', files: ['src/hybrid_llm.py'], commands: ['git add -- src/hybrid_llm.py']};

describe('describeStepKey', () => {
	it.each([
		['pull:llama3.3:70b', 'the pull of llama3.3:70b'],
		['bench:qwen2.5:32b', 'the benchmark of qwen2.5:32b'],
		['compare:qwen2.5:32b', 'the reasoning comparison of qwen2.5:32b'],
		['tools:qwen2.5:32b', 'the tool-calling test of qwen2.5:32b'],
		['baseline', 'the Claude baseline'],
		['configs', 'writing the configs'],
		['report', 'writing the report'],
		['delete', 'the delete'],
		['something-new', 'something-new'],
	])('%s -> %s', (key, text) => {
		expect(describeStepKey(key)).toBe(text);
	});
});

describe('describeAction', () => {
	it.each<[Action, string]>([
		[{kind: 'ask-configs', model: 'qwen2.5:32b'}, 'the configs offer for qwen2.5:32b'],
		[{kind: 'ask-commit', plan}, 'whether to commit the configs in /p'],
		[{kind: 'commitConfigs', plan}, 'committing the configs in /p'],
		[{kind: 'delete', round: 2, model: 'qwen2.5:72b'}, 'deleting qwen2.5:72b'],
		[{kind: 'canceled', key: 'pull:llama3.3:70b'}, 'the pull of llama3.3:70b again (it was canceled)'],
		[{kind: 'failed', key: 'bench:qwen2.5:32b', message: 'x'}, 'the benchmark of qwen2.5:32b again (it failed)'],
	])('%o', (action, text) => {
		expect(describeAction(action)).toBe(text);
	});
});
