import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {pullCommand} from '../../../source/cli/commands/pull.js';
import {resultsFile} from '../../../source/domain/schema.js';
import {commandHarness, type CommandHarness} from './commandHarness.js';

let harness: CommandHarness | null = null;
afterEach(async () => {
	await harness?.close();
	harness = null;
});

function results(h: CommandHarness) {
	return resultsFile.parse(JSON.parse(fs.readFileSync(path.join(h.dir, 'scaling-results.json'), 'utf8')));
}

describe('trifecta pull (headless)', () => {
	it('pulls with throttled progress lines on stderr, the outcome on stdout, exit 0', async () => {
		harness = await commandHarness();
		const run = await harness.run(pullCommand, ['qwen2.5:32b']);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('pulling qwen2.5:32b (expected 19.9 GB)');
		expect(run.stderr).toMatch(/100%\s+19\.9 GB \/ 19\.9 GB/);
		expect(run.stdout).toMatch(/^pulled qwen2\.5:32b: 19\.9 GB in \d+\.\d s\n$/);
		expect(results(harness).models.find((m) => m.name === 'qwen2.5:32b')?.pull?.status).toBe('pulled');
	});

	it('skips an installed model with a message', async () => {
		harness = await commandHarness();
		const run = await harness.run(pullCommand, ['qwen2.5:14b']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('qwen2.5:14b is already installed — pull skipped.');
	});

	it('exits 1 with one clear line for an unknown model, no stack trace', async () => {
		harness = await commandHarness();
		const run = await harness.run(pullCommand, ['nosuchmodel:7b']);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('Pull of nosuchmodel:7b failed: nosuchmodel:7b was not found in the Ollama library');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it('exits 130 on cancel, saying re-running resumes', async () => {
		harness = await commandHarness({pace: 1, pullBytesPerSecond: 2e8, installed: []});
		let canceled = false;
		const run = await harness.run(pullCommand, ['qwen2.5:32b'], {
			onStderr: (text, services) => {
				if (!canceled && /\d+%/.test(text)) {
					canceled = true;
					services.cancel();
				}
			},
		});
		expect(run.code).toBe(130);
		expect(run.stderr).toContain('again to resume the download');
		expect(results(harness).models.find((m) => m.name === 'qwen2.5:32b')?.pull?.status).toBe('canceled');
	});

	it('rejects a malformed model name with exit 2 before creating services', async () => {
		harness = await commandHarness();
		const run = await harness.run(pullCommand, ['../etc/passwd']);
		expect(run.code).toBe(2);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.servicesCreated).toBe(false);
	});
});
