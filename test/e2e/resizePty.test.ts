// Resizing the terminal under the wizard, in a real pseudo-terminal whose output is played into a
// real terminal emulator (xterm.js, headless: it reflows and scrolls on a resize as a desktop
// terminal does). After each resize the scrollback must hold the history once and the live
// frame once: no copies of the title left behind by a frame the terminal reflowed.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/runCli.js';
import {waitFor} from '../helpers/testUtils.js';
import {tempDir} from './headless.js';

const ENTER = '\r';

type Terminal = {
	pty: IPty;
	/** Every line of the emulator: the scrollback, then the screen. */
	lines(): string[];
	/** The emulator has parsed everything the program wrote. */
	settled(): boolean;
	/** Everything written since the last `resize` (or the start). */
	since(): string;
	resize(columns: number, rows: number): void;
	exited: Promise<number>;
};

function start(dir: string, columns: number, rows: number, pace: string): Terminal {
	const screen = new xterm.Terminal({cols: columns, rows, scrollback: 5000, allowProposedApi: true});
	const pty = spawn(process.execPath, [CLI, '--demo', '--results-dir', dir, '--docs-dir', path.join(dir, 'docs')], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: dir,
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'xdg'), TERM: 'xterm-256color', NO_COLOR: '1', TRIFECTA_DEMO_PACE: pace},
	});
	let raw = '';
	let mark = 0;
	let pending = 0;
	pty.onData((data) => {
		raw += data;
		pending += 1;
		screen.write(data, () => {
			pending -= 1;
		});
	});
	const exited = new Promise<number>((resolve) => pty.onExit(({exitCode}) => resolve(exitCode)));
	return {
		pty,
		settled: () => pending === 0,
		lines: () => {
			const buffer = screen.buffer.active;
			return Array.from({length: buffer.length}, (_, index) => buffer.getLine(index)?.translateToString(true) ?? '');
		},
		since: () => raw.slice(mark),
		resize: (newColumns, newRows) => {
			mark = raw.length;
			// A terminal reflows its own buffer first, then tells the program (SIGWINCH).
			screen.resize(newColumns, newRows);
			pty.resize(newColumns, newRows);
		},
		exited,
	};
}

const count = (lines: string[], pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;

describe.runIf(existsSync(CLI))('resizing the terminal under the wizard', () => {
	it('leaves the history and the live frame once each in the scrollback, at every size', async () => {
		const dir = tempDir('trifecta-resize-');
		// Pace 1: a live benchmark screen is drawing while the terminal is resized.
		const term = start(dir, 100, 32, '1');
		const seen = (text: string) => term.settled() && term.lines().some((line) => line.includes(text));
		await waitFor(() => seen('Enter plan the experiment'), () => `the preflight page; screen:\n${term.lines().join('\n')}`, 20_000);
		term.pty.write(ENTER);
		await waitFor(() => seen('Plan — the ladder'), 'the plan page', 20_000);
		term.pty.write(ENTER);
		// Streaming: the gauge line is wider than 70 columns, so a narrower terminal wraps it.
		await waitFor(() => seen('as received:'), () => `the live benchmark screen; screen:\n${term.lines().join('\n')}`, 30_000);

		for (const [columns, rows] of [
			[120, 40],
			[70, 20],
			[100, 32],
			[70, 32],
		] as const) {
			term.resize(columns, rows);
			const titles = () => count(term.lines(), /^trifecta SIMULATED · round 1/);
			// What the wizard draws after the resize, once the emulator has played it: the title once
			// in the whole scrollback (a copy left by a reflowed frame never goes away by itself) and
			// the footer on the screen.
			await waitFor(
				() => term.settled() && term.since().includes('q quit') && titles() === 1 && term.lines().slice(-rows).some((line) => line.includes('q quit')),
				() => `the wizard's frame at ${columns}x${rows} with its title once (${titles()} times); scrollback and screen:\n${term.lines().join('\n')}`,
				10_000,
			);
			const lines = term.lines();
			const where = `at ${columns}x${rows}:\n${lines.join('\n')}`;
			expect(count(lines, /^Round 1 · (Benchmark|Reasoning|Tools)/), where).toBeLessThanOrEqual(1);
			// The lines printed before the wizard's first frame survive the redraw, once.
			expect(count(lines, /^Demo results: /), where).toBe(1);
			expect(count(lines, /^`trifecta --demo --results-dir .*` resumes it/), where).toBe(1);
		}
		term.pty.kill();
		await term.exited;
	}, 120_000);
});
