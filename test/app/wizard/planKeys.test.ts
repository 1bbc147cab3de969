// The plan's keys as a pure function: Space ticks or unticks the row under the cursor and never
// moves a row (the ladder stays in its order); only u/d reorder.
import {describe, expect, it} from 'vitest';
import {planKey, planModels} from '../../../source/app/wizard/screens/planScreen.js';
import {defaultSettings, type Settings} from '../../../source/experiment/settings.js';
import type {Press} from '../../../source/app/wizard/keys.js';

const names = (state: {settings: Settings; order?: string[]}) => planModels(state.settings, null, state.order).map((model) => `${model.on ? 'x' : ' '} ${model.name}`);

/** Presses in turn, each with the row order the previous one drew (as the wizard keeps it). */
function pressAll(presses: Press[], settings: Settings = defaultSettings, cursor = 0, order?: string[]) {
	let state: {settings: Settings; cursor: number; order?: string[]} = {settings, cursor, order};
	for (const press of presses) state = planKey(state.settings, state.cursor, press, null, state.order);
	return state;
}

describe('the plan: Space never moves a row', () => {
	const order = planModels(defaultSettings).map((model) => model.name);

	it.each<[string, Press[], number, string[]]>([
		['untick qwen2.5:32b', ['space'], 2, ['x qwen2.5:14b', 'x mistral-small:22b', '  qwen2.5:32b', 'x qwen2.5:72b', 'x llama3.3:70b', 'x command-r:35b']],
		['Space twice on qwen2.5:32b: off then on again, nothing else changes', ['space', 'space'], 2, ['x qwen2.5:14b', 'x mistral-small:22b', 'x qwen2.5:32b', 'x qwen2.5:72b', 'x llama3.3:70b', 'x command-r:35b']],
		['untick the first row, then tick it again', ['space', 'space'], 0, order.map((name) => `x ${name}`)],
		['untick two neighbours', ['space', 'down', 'space'], 2, ['x qwen2.5:14b', 'x mistral-small:22b', '  qwen2.5:32b', '  qwen2.5:72b', 'x llama3.3:70b', 'x command-r:35b']],
		['untick two, re-tick the first: it goes back where it was', ['space', 'down', 'space', 'up', 'space'], 2, ['x qwen2.5:14b', 'x mistral-small:22b', 'x qwen2.5:32b', '  qwen2.5:72b', 'x llama3.3:70b', 'x command-r:35b']],
		['untick the last row', ['space'], 5, ['x qwen2.5:14b', 'x mistral-small:22b', 'x qwen2.5:32b', 'x qwen2.5:72b', 'x llama3.3:70b', '  command-r:35b']],
	])('%s', (_what, presses, cursor, expected) => {
		const after = pressAll(presses, defaultSettings, cursor);
		expect(names(after)).toEqual(expected);
		// The cursor stays on the row it toggled.
		expect(after.cursor).toBe(cursor + presses.filter((press) => press === 'down').length - presses.filter((press) => press === 'up').length);
	});

	it('re-ticking puts the model back in the ladder at its row, so round one stays the ladder rule’s', () => {
		const after = pressAll(['space', 'space'], defaultSettings, 2);
		expect(after.settings.ladder).toEqual([...defaultSettings.ladder]);
	});

	it('after a reorder with d, Space keeps the new order', () => {
		const moved = pressAll(['d'], defaultSettings, 3);
		expect(moved.settings.ladder.slice(3, 5)).toEqual(['llama3.3:70b', 'qwen2.5:72b']);
		expect(moved.cursor).toBe(4);
		const unticked = pressAll(['space'], moved.settings, moved.cursor, moved.order);
		expect(names(unticked)).toEqual(['x qwen2.5:14b', 'x mistral-small:22b', 'x qwen2.5:32b', 'x llama3.3:70b', '  qwen2.5:72b', 'x command-r:35b']);
		const toggled = pressAll(['space'], unticked.settings, unticked.cursor, unticked.order);
		expect(toggled.settings.ladder).toEqual(moved.settings.ladder);
	});

	it('never unticks the last model on the ladder', () => {
		const only = {...defaultSettings, ladder: ['qwen2.5:32b']};
		const row = planModels(only).findIndex((model) => model.name === 'qwen2.5:32b');
		expect(pressAll(['space'], only, row).settings.ladder).toEqual(['qwen2.5:32b']);
	});
});
