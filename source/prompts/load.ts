// Reads the editable prompt files and renders one role's messages from them.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Role} from '../domain/schema.js';

export type Prompts = {context: string; bull: string; bear: string; trader: string};
export type RenderedPrompt = {system: string; user: string};

export const PROMPT_FILES: Readonly<Record<keyof Prompts, string>> = {
	context: 'market-context.md',
	bull: 'bull.md',
	bear: 'bear.md',
	trader: 'trader.md',
};

/** A line of exactly three dashes splits a template into its system part and its user part. */
const SPLIT = /^---[ \t]*$/m;

// Used when the caller has no opponent text yet; deliberately figure-free, so nothing in them
// can be mistaken for data the context supports.
export const DEFAULT_OPPONENT: Readonly<Record<Role, string>> = {
	bull:
		'Bear Analyst: The stock already prices in years of flawless execution. Hardware growth has stalled, ' +
		'regulators are circling the most profitable fees, and the valuation leaves no margin of safety if ' +
		'the next product cycle disappoints.',
	bear:
		'Bull Analyst: Services keep compounding at high margins, the installed base keeps growing, and the ' +
		'buyback shrinks the share count every year. Quality like this deserves a premium multiple.',
	trader:
		'The bull side stresses Services growth, margins, cash returns and positive momentum; the bear side ' +
		'stresses valuation, slowing iPhone and China sales, and regulatory and antitrust risk. The research ' +
		'manager leans constructive but asks for disciplined risk levels.',
};

/**
 * The prompts shipped with trifecta: beside this module in source/ (tsx) and in dist/prompts (tsc);
 * the bundled CLI runs this code from a chunk in dist/, beside dist/prompts.
 */
export function bundledPromptsDir(): string {
	const here = dirname(fileURLToPath(import.meta.url));
	return existsSync(join(here, PROMPT_FILES.bull)) ? here : join(here, 'prompts');
}

export function loadPrompts(dir: string): Prompts {
	const read = (key: keyof Prompts): string => {
		const path = join(dir, PROMPT_FILES[key]);
		if (!existsSync(path)) {
			throw new Error(
				`Prompt file missing: ${PROMPT_FILES[key]} (looked for ${path}). The prompts directory needs ${Object.values(PROMPT_FILES).join(', ')}.`,
			);
		}
		const text = readFileSync(path, 'utf8').trim();
		if (text === '') throw new Error(`Prompt file is empty: ${path}`);
		return text;
	};
	return {context: read('context'), bull: read('bull'), bear: read('bear'), trader: read('trader')};
}

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export function renderRolePrompt(role: Role, prompts: Prompts, opponentText?: string): RenderedPrompt {
	const template = prompts[role];
	const opponent = opponentText?.trim() || DEFAULT_OPPONENT[role];
	const values = {context: prompts.context, opponent};
	const parts = template.split(SPLIT);
	const systemTemplate = (parts[0] ?? '').trim();
	let userTemplate = parts.slice(1).join('---').trim();
	// An edited template may drop a placeholder; the model still needs the data.
	if (!template.includes('{{context}}')) userTemplate = `Market context:\n\n{{context}}\n\n${userTemplate}`.trim();
	if (opponentText && !template.includes('{{opponent}}')) userTemplate = `${userTemplate}\n\nThe other side's argument:\n\n{{opponent}}`;
	if (userTemplate === '') userTemplate = 'Respond now.';
	return {system: fill(systemTemplate, values), user: fill(userTemplate, values)};
}
