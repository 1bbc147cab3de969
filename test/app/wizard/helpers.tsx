// Rendering the wizard over a fake runner, and pressing keys the way ink-testing-library wants:
// one key per write, then wait for the frame it causes (docs/reference/libs.md §2), never a fixed sleep: a fixed
// wait is too short on a loaded machine and wasted time on an idle one.
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
		await delay(5);
	}
}

/**
 * React attaches a new screen's key handler (useInput's effect) just after the frame is drawn:
 * let those effects run so the next key finds its handler.
 */
export async function effectsSettled(): Promise<void> {
	for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * `press(key)` for anything ink-testing-library rendered: writes one key and resolves once Ink
 * has drawn the frame it causes. A key that changes nothing on screen times out here: write it
 * with `stdin.write` and wait for its effect instead.
 */
export function presser(rendered: {stdin: {write(data: string): void}; frames: string[]; lastFrame(): string | undefined}): (key: string) => Promise<void> {
	return async (key) => {
		const before = rendered.frames.length;
		rendered.stdin.write(key);
		await waitFor(() => rendered.frames.length > before, `a new frame after the key ${JSON.stringify(key)}; the frame is still:\n${rendered.lastFrame() ?? ''}`);
		await effectsSettled();
	};
}

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
