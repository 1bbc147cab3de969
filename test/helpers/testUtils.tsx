// The one set of waiting and rendering helpers every test uses: one `waitFor`, rendering at a
// terminal size, and pressing a key then waiting for the frame it causes. Never a fixed sleep: a
// fixed wait is too short on a loaded machine and wasted time on an idle one (docs/reference/libs.md §2).
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import type React from 'react';
import {render} from 'ink';

/** Polls `check` until it holds; fails with `what` (and what the test saw, read at that moment) after `ms`: generous, since it costs time only when a test fails and a worker per core can leave one slow. */
export async function waitFor(check: () => boolean, what: string | (() => string) = 'the condition', ms = 10_000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > ms) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
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

/** A TTY stdout of a given size that resizes like a real one ('resize'); counts the frames written. */
export class SizedStdout extends EventEmitter {
	isTTY = true;
	last = '';
	writes = 0;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.last = frame;
		this.writes += 1;
		return true;
	};
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/**
 * An element in a terminal of `columns` x `rows` (ink-testing-library's fake stdout is always 100
 * columns with no rows). Frames are Ink's debug frames: every <Static> line printed so far, then
 * the live region. `press` and `resize` resolve once Ink has drawn the frame they cause.
 */
export function renderAtSize(element: React.ReactElement, columns: number, rows: number) {
	const stdout = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = render(element, {
		// The fakes stand in for TTY streams (only the members Ink uses).
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const frame = () => stripVTControlCharacters(stdout.last);
	const drawn = async (cause: () => void, what: string) => {
		const before = stdout.writes;
		cause();
		await waitFor(() => stdout.writes > before, `a new frame after ${what}; the frame is still:\n${frame()}`);
		await effectsSettled();
	};
	return {
		stdout,
		stdin,
		frame,
		press: (keys: string) => drawn(() => stdin.write(keys), `the keys ${JSON.stringify(keys)}`),
		resize: (newColumns: number, newRows: number) => drawn(() => stdout.resize(newColumns, newRows), `a resize to ${newColumns}x${newRows}`),
		unmount: () => instance.unmount(),
	};
}

const ARROW = {down: '\u001B[B', up: '\u001B[A'};

/**
 * Moves the cursor (the line that starts with ›) to the row showing `label`, one arrow key at a
 * time towards it, so a test says which row it wants, not how many rows away it is today. Of
 * several lines that match, the one nearest the cursor. Resolves to the number of keys it took.
 */
export async function focusRow(ui: {frame(): string; press(key: string): Promise<void>}, label: string | RegExp, max = 40): Promise<number> {
	const matches = (line: string) => (typeof label === 'string' ? line.includes(label) : label.test(line));
	for (let moves = 0; moves <= max; moves += 1) {
		const lines = ui.frame().split('\n');
		const cursor = lines.findIndex((line) => /^\s*›/.test(line));
		if (cursor === -1) throw new Error(`no cursor (›) on screen to move to ${String(label)}:\n${ui.frame()}`);
		if (matches(lines[cursor] ?? '')) return moves;
		const targets = lines.flatMap((line, index) => (matches(line) ? [index] : [])).sort((a, b) => Math.abs(a - cursor) - Math.abs(b - cursor));
		const target = targets[0];
		if (target === undefined) throw new Error(`no row ${String(label)} on screen:\n${ui.frame()}`);
		await ui.press(target > cursor ? ARROW.down : ARROW.up);
	}
	throw new Error(`the cursor did not reach ${String(label)} in ${max} moves:\n${ui.frame()}`);
}
