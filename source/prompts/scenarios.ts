// The market scenarios every role is asked about: the shipped market-context.md first, then each
// file in markets/ (plain, editable markdown) in name order. One market is one sample; a model's
// quality is a mean over several with an interval.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Role} from '../domain/schema.js';
import type {Prompts} from './load.js';

export const DEFAULT_SCENARIOS = 3;
export const MARKETS_DIR = 'markets';
/** The id of the scenario read from market-context.md. */
export const FIRST_SCENARIO = 'market-context';

export type Scenario = {
	/** File name without .md: stable, used in transcript names and the results file. */
	id: string;
	/** The ticker from the first heading, e.g. "AAPL"; the id when there is none. */
	label: string;
	context: string;
};

// Figure-free openings for markets other than the first, whose fixed openings (DEFAULT_OPPONENT)
// talk about that company; nothing in them can be mistaken for data.
export const GENERIC_OPPONENT: Readonly<Record<Role, string>> = {
	bull: 'Bear Analyst: The risks in this data outweigh the positives. The valuation leaves little margin of safety, and the recent trend argues for caution rather than buying.',
	bear: 'Bull Analyst: The business is sound, the balance sheet can absorb a bad year, and the current price offers a reasonable entry for a patient investor.',
	trader: 'The bull side stresses the business strengths and the upside to the analysts\' targets; the bear side stresses the risks and what the recent price action says. The research manager asks for a clear decision with disciplined risk levels.',
};

function labelOf(id: string, context: string): string {
	const heading = context.split('\n').find((line) => line.startsWith('#')) ?? '';
	return /\(([A-Z][A-Z0-9.]{0,9})\)/.exec(heading)?.[1] ?? id;
}

/** Every scenario in the prompts directory, the first market first. */
export function availableScenarios(dir: string, prompts: Prompts): Scenario[] {
	const scenarios: Scenario[] = [{id: FIRST_SCENARIO, label: labelOf(FIRST_SCENARIO, prompts.context), context: prompts.context}];
	const marketsDir = join(dir, MARKETS_DIR);
	if (!existsSync(marketsDir)) return scenarios;
	const files = readdirSync(marketsDir)
		.filter((name) => /^[a-z0-9][a-z0-9-]*\.md$/.test(name))
		.sort();
	for (const file of files) {
		const context = readFileSync(join(marketsDir, file), 'utf8').trim();
		if (context === '') continue;
		const id = file.slice(0, -'.md'.length);
		scenarios.push({id, label: labelOf(id, context), context});
	}
	return scenarios;
}

/** The first `count` scenarios; fewer when the directory holds fewer (the caller says so). */
export function loadScenarios(dir: string, prompts: Prompts, count: number = DEFAULT_SCENARIOS): Scenario[] {
	return availableScenarios(dir, prompts).slice(0, Math.max(1, count));
}

/** The prompts with this scenario's market in place of the first one. */
export function promptsFor(prompts: Prompts, scenario: Scenario): Prompts {
	return {...prompts, context: scenario.context};
}
