// Round 2's guard: never two 70B-class models at once. Deleting needs an explicit yes; keeping
// the first skips the pull of the second. A model that met the threshold is kept by default.
import React from 'react';
import {Text} from 'ink';
import {ListPage} from '../../components/listPage.js';
import {Prose} from '../../components/prose.js';
import {isPractical, relativeText, thresholdOf} from '../../../experiment/strategy/index.js';
import type {StrategyState} from '../../../experiment/strategy/index.js';
import {ONE_AT_A_TIME_WORDS} from '../../../models/tiers.js';

export type DeleteOption = 'delete' | 'keep';

/** In the order shown; the first is where the cursor starts (keep, when the model met the threshold). */
export function deleteOptions(protect: boolean): DeleteOption[] {
	return protect ? ['keep', 'delete'] : ['delete', 'keep'];
}

/**
 * What deleting `model` costs: said when it is the best practical model measured so far, since a
 * recommendation must be installed (docs/DESIGN.md, round 2).
 */
export function deleteCost(state: Pick<StrategyState, 'results' | 'settings' | 'machine'>, model: string): string | null {
	const {results, settings} = state;
	const relative = (name: string) => thresholdOf(state, name).value;
	const practical = results.models.filter((entry) => isPractical(results, entry.name, settings.minRate) === true && relative(entry.name) !== null);
	const best = practical.reduce<string | null>((top, entry) => (top === null || (relative(entry.name) ?? 0) > (relative(top) ?? 0) ? entry.name : top), null);
	if (best !== model) return null;
	const rate = results.models.find((entry) => entry.name === model)?.speed?.evalRate.mean ?? 0;
	return `${model} is the best practical model measured so far (trader ${relativeText(thresholdOf(state, model))} at ${rate.toFixed(1)} t/s): once deleted it cannot be the recommendation, which must be installed.`;
}

export function DeleteScreen({model, next, cursor, rows, protect = false, cost = null}: {model: string; next: string; cursor: number; rows: number; protect?: boolean; cost?: string | null}): React.JSX.Element {
	const text: Record<DeleteOption, string> = {delete: `Delete ${model}, then pull ${next}`, keep: `Keep ${model} and skip ${next}`};
	return (
		<ListPage rows={rows} items={deleteOptions(protect).map((option) => ({key: option, label: text[option]}))} cursor={cursor}>
			<Text bold>Make room for {next}</Text>
			<Prose>
				{model} is installed and is also {ONE_AT_A_TIME_WORDS}: trifecta never holds two at once. Its measurements stay in the results.
				{protect ? ` ${model} met the threshold: keeping it is the default.` : ''}
			</Prose>
			{cost ? <Prose color="yellow">{cost}</Prose> : null}
		</ListPage>
	);
}
