import {afterEach, describe, expect, it} from 'vitest';
import {toolsCommand} from '../../../source/cli/commands/tools.js';
import {profileFor} from '../../../source/simulator/index.js';
import type {ModelResult} from '../../../source/domain/schema.js';
import {commandHarness, type CommandHarness} from './commandHarness.js';

let harness: CommandHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('trifecta tools', () => {
	it('--json prints only {"models":[...]} and tells a good model from a leaky one on both endpoints', async () => {
		harness = await commandHarness({
			profiles: [profileFor('qwen2.5:14b', {tools: 'good'}), profileFor('mistral-small:22b', {tools: 'leaky'})],
			installed: ['qwen2.5:14b', 'mistral-small:22b'],
		});
		const result = await harness.run(toolsCommand, [], {json: true});
		const parsed = JSON.parse(result.stdout) as {models: ModelResult[]};
		expect(Object.keys(parsed)).toEqual(['models']);
		const [good, leaky] = parsed.models;
		expect(good?.name).toBe('qwen2.5:14b');
		expect(good?.toolCalling?.native).toMatchObject({supported: true, passed: 5, total: 5});
		expect(good?.toolCalling?.openai).toMatchObject({supported: true, passed: 5, total: 5});
		expect(leaky?.toolCalling?.openai?.passed).toBe(0);
		expect(result.stderr).toMatch(/mistral-small:22b native no-leak: FAIL leaked into text/);
		expect(result.code).toBe(0);
	});

	it('reports a model without tools as unsupported and still exits 0', async () => {
		harness = await commandHarness({profiles: [profileFor('gemma3:4b', {tools: 'unsupported'})], installed: ['gemma3:4b']});
		const result = await harness.run(toolsCommand, ['gemma3:4b']);
		expect(result.stdout).toMatch(/gemma3:4b native: unsupported/);
		expect(result.stdout).toMatch(/gemma3:4b openai: unsupported/);
		expect(result.code).toBe(0);
	});

	it('rejects an invalid model name with exit 2', async () => {
		harness = await commandHarness();
		const result = await harness.run(toolsCommand, ['bad name']);
		expect(result.code).toBe(2);
	});
});
