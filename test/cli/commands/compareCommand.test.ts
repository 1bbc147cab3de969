import {afterEach, describe, expect, it} from 'vitest';
import {compareCommand} from '../../../source/cli/commands/compare.js';
import type {BaselineResult, ModelResult} from '../../../source/domain/schema.js';
import {commandHarness, type CommandHarness} from './commandHarness.js';

let harness: CommandHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('trifecta compare', () => {
	it('--json prints only {"models":[...],"baseline":{...}}, every installed ladder model scored by default', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, [], {json: true, claude: true});
		const parsed = JSON.parse(result.stdout) as {models: ModelResult[]; baseline: BaselineResult};
		expect(Object.keys(parsed)).toEqual(['models', 'baseline']);
		expect(parsed.models.map((model) => model.name)).toEqual(['qwen2.5:14b', 'mistral-small:22b']);
		for (const model of parsed.models) expect(model.reasoning?.trader?.score).toEqual(expect.any(Number));
		expect(parsed.baseline.status).toBe('ok');
		expect(parsed.baseline.reasoning.bull?.score).toEqual(expect.any(Number));
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('qwen2.5:14b trader: quality');
		expect(result.stderr).not.toContain('test-key');
	});

	it('says "baseline skipped" with the reason on stderr when Claude is off', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, ['qwen2.5:14b']);
		expect(result.stderr).toContain('baseline skipped: --no-claude');
		// The scores are the result (stdout); the progress is not.
		expect(result.stdout).toMatch(/qwen2\.5:14b trader: quality \d/);
		expect(result.stdout).not.toContain('running');
		expect(result.code).toBe(0);
	});

	it('ends with each model’s threshold outcome, as run says it: unjudged without Claude, and why', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, ['qwen2.5:14b']);
		expect(result.stdout).toMatch(/^quality qwen2\.5:14b: (meets|misses|inconclusive) — .+/m);
	});

	it('rejects a name that is not a model name with exit 2, before starting anything', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, ['../etc/passwd']);
		expect(result).toMatchObject({code: 2, servicesCreated: false});
		expect(result.stderr).toContain('not a model name: ../etc/passwd');
	});

	it('exits 1 when a model fails, with the reason, while the others are scored', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, ['qwen2.5:14b', 'qwen2.5:72b'], {json: true});
		const parsed = JSON.parse(result.stdout) as {models: ModelResult[]};
		expect(parsed.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.bull?.status).toBe('ok');
		expect(parsed.models.find((model) => model.name === 'qwen2.5:72b')?.reasoning?.bull?.status).toBe('error');
		expect(result.stderr).toMatch(/qwen2\.5:72b bull: ERROR .*qwen2\.5:72b/);
		expect(result.code).toBe(1);
	});

	it('exits 130 on Ctrl+C, keeping the finished cells', async () => {
		harness = await commandHarness();
		const result = await harness.run(compareCommand, ['qwen2.5:14b', 'mistral-small:22b'], {
			json: true,
			onStderr: (text, services) => {
				if (text.includes('qwen2.5:14b bull: quality')) services.cancel();
			},
		});
		expect(result.code).toBe(130);
		const parsed = JSON.parse(result.stdout) as {models: ModelResult[]};
		expect(parsed.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.bull?.status).toBe('ok');
		expect(result.stderr).toContain('Interrupted');
	});
});
