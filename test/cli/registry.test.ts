// Command metadata is written once, in the registry: --help, per-command help and the argument
// checks read it, and each entry loads a module that only runs.
import {describe, expect, it} from 'vitest';
import {commands, wizardEntry} from '../../source/cli/registry.js';
import {helpText, quickAnswer} from '../../source/cli/help.js';

describe('the command registry', () => {
	it.each([...commands, wizardEntry].map((entry) => [entry.name, entry] as const))('%s loads a module that runs, and says nothing of itself', async (_name, entry) => {
		const module = await entry.load();
		expect(Object.keys(module)).toEqual(['run']);
		expect(typeof module.run).toBe('function');
	});

	it.each(commands.map((entry) => [entry.name, entry] as const))('%s: --help shows its registry summary and usage', (name, entry) => {
		expect(helpText()).toContain(`${name.padEnd(9)}${entry.summary}`);
		const help = quickAnswer([name, '--help']);
		expect(help).toContain(entry.usage);
		expect(help).toContain(entry.summary);
	});
});

describe('--help', () => {
	it('names every environment variable the tool reads, the demo pace included', () => {
		for (const name of ['OLLAMA_HOST', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'NO_COLOR', 'TRIFECTA_DEMO_PACE']) expect(helpText()).toContain(name);
	});

	// The wizard pre-selects "Write ... and patch"; run --yes writes only hybrid-configs.json: help says so.
	it('says --yes never patches the pipeline, unlike the wizard\'s default', () => {
		expect(helpText().replace(/\s+/g, ' ')).toContain('writes hybrid-configs.json but never patches the pipeline, unlike the wizard\'s default');
	});
});
