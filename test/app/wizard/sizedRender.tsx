// The wizard in a terminal of a given size (test/helpers/testUtils.tsx renderAtSize): `press` and
// `resize` resolve once the frame they cause is drawn.
import React from 'react';
import {App} from '../../../source/app/wizard/App.js';
import type {Runner} from '../../../source/experiment/runner/index.js';
import type {DoctorReport} from '../../../source/app/doctor/report.js';
import {renderAtSize, waitFor} from '../../helpers/testUtils.js';

export function renderSized(runner: Runner, columns: number, rows: number, preflight: DoctorReport | null = null) {
	const exits: number[] = [];
	const ui = renderAtSize(
		<App runner={runner} preflight={preflight} simulated resultsPath="/tmp/results/scaling-results.json" animate={false} feedIntervalMs={5} onExit={(code) => exits.push(code)} />,
		columns,
		rows,
	);
	const {stdout, frame} = ui;
	/** The live region: from the wizard's header line ("trifecta …") to the end. */
	const live = () => {
		const lines = frame().replace(/\n$/, '').split('\n');
		const start = lines.findLastIndex((line) => line.startsWith('trifecta'));
		return lines.slice(Math.max(0, start));
	};
	/** What a terminal of `rows` rows shows: the last rows of everything printed. */
	const screen = () => frame().replace(/\n$/, '').split('\n').slice(-stdout.rows);
	const until = (text: string) => waitFor(() => live().join('\n').includes(text), `"${text}" in:\n${live().join('\n')}`);
	return {...ui, exits, live, screen, until};
}
