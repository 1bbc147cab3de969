// Rendering the wizard over a fake runner, and pressing keys the way ink-testing-library wants:
// one key per write, then wait for the frame it causes (test/helpers/testUtils.tsx).
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../../source/app/wizard/App.js';
import type {Runner} from '../../../source/experiment/runner/index.js';
import {effectsSettled, presser, waitFor} from '../../helpers/testUtils.js';

export {presser, waitFor};

export const KEY = {up: '\u001B[A', down: '\u001B[B', left: '\u001B[D', right: '\u001B[C', enter: '\r', esc: '\u001B', ctrlC: '\u0003'};

export function renderWizard(runner: Runner) {
	const exits: number[] = [];
	const rendered = render(
		<App runner={runner} preflight={null} simulated resultsPath="/tmp/results/scaling-results.json" animate={false} feedIntervalMs={5} onExit={(code) => exits.push(code)} />,
	);
	const frame = () => rendered.lastFrame() ?? '';
	/** The frame with line wraps undone, for sentences the 80-column layout breaks. */
	const flat = () => frame().replace(/\s+/g, ' ');
	const press = presser(rendered);
	const until = async (text: string | RegExp) => {
		await waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())), `"${String(text)}" in:\n${frame()}`);
		await effectsSettled();
	};
	return {...rendered, frame, flat, press, until, exits};
}

/**
 * Walks pages with Enter, the way a user accepts every default: waits for the first page, then
 * presses Enter and waits for each next one ("Preflight", "Plan — the ladder", "Verdict — final").
 */
export async function enterThrough(ui: {until(text: string): Promise<void>; press(keys: string): Promise<void>}, pages: readonly string[]): Promise<void> {
	const [first, ...rest] = pages;
	if (first !== undefined) await ui.until(first);
	for (const page of rest) {
		await ui.press(KEY.enter);
		await ui.until(page);
	}
}
