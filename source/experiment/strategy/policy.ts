// The escalation policy: which models the experiment runs, in which order, and the rules it keeps.
// It is read off the settings (the editable part, kept with conf and overridden by flags) and
// the catalog (facts about models); the strategy reads models from nowhere else.
import type {ResultsFile} from '../../domain/schema.js';
import type {Settings} from '../settings.js';
import {sizeOf, stepOf} from './evidence.js';
import type {MachineFacts} from './types.js';

export type Policy = {
	/** Models to consider, in order of size. */
	ladder: string[];
	/** The model round 1 pulls (when missing) and measures. */
	roundOne: string;
	/** Why that model: chosen on the plan, or the ladder rule. */
	roundOneSource: 'plan' | 'ladder';
	/** The ladder's escalation steps (catalog tiers, models/tiers.ts), lowest step first, then in ladder order: what an escalation may offer. */
	candidates: string[];
	threshold: number;
	minRate: number;
	/** Never two one-at-a-time (70B-class) models installed at once: the first is deleted (with consent) or the second skipped. */
	maxLargeInstalled: 1;
};

/**
 * Installed before the experiment touched anything: a model this experiment pulled does not
 * count, so the round-one rule gives the same answer before and after round 1's own pull.
 */
function pulledHere(results: ResultsFile, name: string): boolean {
	return results.models.some((model) => model.name === name && model.pull?.status === 'pulled');
}

function installedBefore(results: ResultsFile, machine: MachineFacts | null, name: string): boolean {
	const installed = machine?.installed.some((model) => model.name === name) ?? false;
	return installed && !pulledHere(results, name);
}

/**
 * The first step-0 ladder entry larger than every ladder model installed before the
 * experiment (unknown sizes count as larger: the ladder's order is the user's word); when all are
 * installed, the largest installed one (measured without a pull).
 */
function roundOneFromLadder(settings: Settings, results: ResultsFile, machine: MachineFacts | null): string {
	const size = (name: string) => sizeOf(results, machine, name);
	const small = settings.ladder.filter((name) => stepOf(results, machine, name) === 0);
	if (small.length === 0) return settings.ladder[0] ?? '';
	// Only round one pulls a step-0 model: one pulled here settles the question, even
	// when its size, unknown before the pull, turns out smaller than expected.
	const pulled = small.find((name) => pulledHere(results, name));
	if (pulled !== undefined) return pulled;
	const installed = settings.ladder.filter((name) => installedBefore(results, machine, name));
	const largest = Math.max(0, ...installed.map(size));
	const above = small.find((name) => !installed.includes(name) && (size(name) === 0 || size(name) > largest));
	if (above !== undefined) return above;
	const bySize = [...small].sort((a, b) => size(b) - size(a));
	return bySize.find((name) => installed.includes(name)) ?? (bySize[0] as string);
}

export function policyOf(settings: Settings, results: ResultsFile, machine: MachineFacts | null): Policy {
	const chosen = settings.roundOne !== null && settings.ladder.includes(settings.roundOne) ? settings.roundOne : null;
	const roundOne = chosen ?? roundOneFromLadder(settings, results, machine);
	return {
		ladder: [...settings.ladder],
		roundOne,
		roundOneSource: chosen === null ? 'ladder' : 'plan',
		candidates: settings.ladder
			.filter((name) => name !== roundOne && stepOf(results, machine, name) > 0)
			.sort((a, b) => stepOf(results, machine, a) - stepOf(results, machine, b)),
		threshold: settings.threshold,
		minRate: settings.minRate,
		maxLargeInstalled: 1,
	};
}
