// The interactive path of compare and tools: the live grid on a (fake) TTY, and Esc cancels.
import {afterEach, describe, expect, it} from 'vitest';
import {compareCommand} from '../../../source/cli/commands/compare.js';
import {toolsCommand} from '../../../source/cli/commands/tools.js';
import {profileFor} from '../../../source/simulator/index.js';
import type {ResultsFile} from '../../../source/domain/schema.js';
import {commandHarness, type CommandHarness} from './commandHarness.js';

let harness: CommandHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('interactive compare and tools', () => {
	it('compare draws the grid with the running prompt, and Esc stops it keeping finished cells (exit 130)', async () => {
		harness = await commandHarness({pace: 0.2});
		let pressed = false;
		let seen = '';
		const run = await harness.run(compareCommand, ['qwen2.5:14b', 'mistral-small:22b'], {
			onScreen: (screen, press) => {
				if (!pressed && /qwen2\.5:14b\s+\d+\.\d \d+\/\d+✓/.test(screen) && screen.includes('qwen2.5:14b · bear')) {
					pressed = true;
					seen = screen;
					press('\u001B');
				}
			},
		});
		expect(run.code).toBe(130);
		expect(seen).toContain('baseline skipped: --no-claude');
		expect(seen).toContain('SIMULATED');
		const stored = harness.results() as ResultsFile;
		expect(stored.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.bull?.status).toBe('ok');
		expect(stored.models.some((model) => model.name === 'mistral-small:22b')).toBe(false);
	});

	it('tools fills both grids and ends with the final results on screen', async () => {
		harness = await commandHarness({profiles: [profileFor('qwen2.5:14b', {tools: 'loops'})], installed: ['qwen2.5:14b']});
		const run = await harness.run(toolsCommand, [], {onScreen: () => {}});
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/qwen2\.5:14b\s+PASS\s+PASS\s+FAIL\s+PASS\s+PASS\s+4\/5/);
		expect(run.stdout).toContain('kept calling tools after 3 rounds; the pipeline would hang');
	});
});
