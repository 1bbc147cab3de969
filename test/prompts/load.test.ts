import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_OPPONENT, bundledPromptsDir, loadPrompts, renderRolePrompt, type Prompts} from '../../source/prompts/load.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function tempDir(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'trifecta-prompts-'));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

describe('loadPrompts', () => {
	it('loads the bundled prompts', () => {
		const prompts = loadPrompts(bundledPromptsDir());
		expect(prompts.context).toContain('Last price: $271.35');
		expect(prompts.bull.split('\n')[0]).toMatch(/^You are the Bull Analyst/);
		expect(prompts.bear.split('\n')[0]).toMatch(/^You are the Bear Analyst/);
		expect(prompts.trader.split('\n')[0]).toMatch(/^You are the Trader/);
	});

	it('names the missing file', () => {
		const dir = tempDir({'market-context.md': 'ctx', 'bull.md': 'bull', 'trader.md': 'trader'});
		expect(() => loadPrompts(dir)).toThrow(/bear\.md/);
	});

	it('rejects an empty file', () => {
		const dir = tempDir({'market-context.md': ' \n', 'bull.md': 'b', 'bear.md': 'b', 'trader.md': 't'});
		expect(() => loadPrompts(dir)).toThrow(/empty: .*market-context\.md/);
	});
});

describe('renderRolePrompt', () => {
	const prompts = loadPrompts(bundledPromptsDir());

	it('splits the template into system and user and fills the placeholders', () => {
		const rendered = renderRolePrompt('bull', prompts, 'Bear Analyst: valuation is too high.');
		expect(rendered.system.split('\n')[0]).toBe('You are the Bull Analyst advocating for investing in the stock.');
		expect(rendered.system).not.toContain('{{');
		expect(rendered.user).toContain('Last price: $271.35');
		expect(rendered.user).toContain('Bear Analyst: valuation is too high.');
		expect(rendered.user).not.toContain('{{');
	});

	it('uses a default opponent argument when none is given', () => {
		expect(renderRolePrompt('bear', prompts).user).toContain(DEFAULT_OPPONENT.bear);
		expect(renderRolePrompt('trader', prompts).user).toContain(DEFAULT_OPPONENT.trader);
	});

	it('asks the trader for every risk element and the decision line', () => {
		const {system} = renderRolePrompt('trader', prompts);
		for (const phrase of ['Entry price', 'Stop-loss', 'Price target', 'Position sizing', 'Time horizon', 'FINAL TRANSACTION PROPOSAL']) {
			expect(system).toContain(phrase);
		}
	});

	it('still supplies the context when an edited template dropped the placeholders', () => {
		const edited: Prompts = {...prompts, bull: 'You are the Bull Analyst. Be brief.'};
		const rendered = renderRolePrompt('bull', edited, 'Bear says no.');
		expect(rendered.system).toBe('You are the Bull Analyst. Be brief.');
		expect(rendered.user).toContain('Last price: $271.35');
		expect(rendered.user).toContain('Bear says no.');
	});

	it('inserts text with dollar signs literally', () => {
		const edited: Prompts = {...prompts, context: 'Price $& and $1 here'};
		expect(renderRolePrompt('trader', edited).user).toContain('Price $& and $1 here');
	});
});
