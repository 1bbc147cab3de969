// The wizard in a terminal of a given size: ink-testing-library's fake stdout is always 100
// columns with no rows, so this one has both, and resizes like a real one ('resize' event).
// Frames are Ink's debug frames: every <Static> line printed so far, then the live region.
import {EventEmitter} from 'node:events';
import React from 'react';
import {render} from 'ink';
import {stripVTControlCharacters} from 'node:util';
import {App} from '../../../source/app/wizard/App.js';
import type {Runner} from '../../../source/experiment/runner/index.js';
import type {DoctorReport} from '../../../source/app/doctor/report.js';
import {delay, waitFor} from './helpers.js';

class SizedStdout extends EventEmitter {
	columns: number;
	rows: number;
	isTTY = true;
	last = '';
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}
	write = (frame: string) => {
		this.last = frame;
		return true;
	};
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
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

export function renderSized(runner: Runner, columns: number, rows: number, preflight: DoctorReport | null = null) {
	const stdout = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	const exits: number[] = [];
	const instance = render(
		<App runner={runner} preflight={preflight} simulated resultsPath="/tmp/results/scaling-results.json" animate={false} feedIntervalMs={5} onExit={(code) => exits.push(code)} />,
		// The fakes stand in for TTY streams (only the members Ink uses).
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	const frame = () => stripVTControlCharacters(stdout.last);
	/** The live region: from the wizard's header line ("trifecta …") to the end. */
	const live = () => {
		const lines = frame().replace(/\n$/, '').split('\n');
		const start = lines.findLastIndex((line) => line.startsWith('trifecta'));
		return lines.slice(Math.max(0, start));
	};
	/** What a terminal of `rows` rows shows: the last rows of everything printed. */
	const screen = () => frame().replace(/\n$/, '').split('\n').slice(-stdout.rows);
	const until = (text: string) => waitFor(() => live().join('\n').includes(text), `"${text}" in:\n${live().join('\n')}`);
	const press = async (keys: string) => {
		stdin.write(keys);
		await delay(40);
	};
	return {stdout, stdin, exits, frame, live, screen, until, press, unmount: () => instance.unmount()};
}
