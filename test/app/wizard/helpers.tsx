// Rendering the wizard over a fake runner, and pressing keys the way ink-testing-library wants:
// one key per write, then wait for the frame to change (libs.md §2).
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../../source/app/wizard/App.js';
import type {Runner} from '../../../source/experiment/runner/index.js';

export const KEY = {up: '\u001B[A', down: '\u001B[B', left: '\u001B[D', right: '\u001B[C', enter: '\r', esc: '\u001B', ctrlC: '\u0003'};

export const delay = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean, what: string, ms = 4000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
		await delay(10);
	}
}

export function renderWizard(runner: Runner) {
	const exits: number[] = [];
	const rendered = render(
		<App runner={runner} preflight={null} simulated resultsPath="/tmp/results/scaling-results.json" animate={false} feedIntervalMs={5} onExit={(code) => exits.push(code)} />,
	);
	const frame = () => rendered.lastFrame() ?? '';
	/** The frame with line wraps undone, for sentences the 80-column layout breaks. */
	const flat = () => frame().replace(/\s+/g, ' ');
	const press = async (key: string) => {
		rendered.stdin.write(key);
		await delay(40);
	};
	const until = (text: string | RegExp) => waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())), `"${String(text)}" in:\n${frame()}`);
	return {...rendered, frame, flat, press, until, exits};
}
