// `trifecta` with no command: the Ink wizard. Without a TTY nothing animates and nothing
// prompts: it runs the same strategy as `trifecta run`, in plain lines (decisions need --yes).
import {MAX_FPS} from '../../app/frameRate.js';
import React from 'react';
import {render} from 'ink';
import {App} from '../../app/wizard/App.js';
import {doctorReportFor, type DoctorReport} from '../../app/doctor/report.js';
import {openExperiment, openFailure} from '../../experiment/runner/session.js';
import type {CommandModule, GlobalFlags, Services} from '../types.js';
import {runHeadless} from './run.js';
import {demoResultsDir} from '../flags.js';

/** What to type to pick up where this run stops (the demo's own folder needs no --results-dir). */
export function resumeCommand(flags: GlobalFlags, env: NodeJS.ProcessEnv): string {
	const npm = env['npm_lifecycle_event'] === 'start';
	const words = [npm ? 'npm start' : 'trifecta'];
	if (flags.demo) words.push('--demo');
	if (flags.demo && flags.resultsDir !== demoResultsDir()) words.push('--results-dir', flags.resultsDir);
	if (npm && words.length > 1) words.splice(1, 0, '--');
	return words.join(' ');
}

async function preflightReport(session: Services): Promise<DoctorReport | null> {
	try {
		return await doctorReportFor(session);
	} catch {
		// The Preflight screen falls back to the runner's own summary; the runner reports the failure.
		return null;
	}
}

export const wizardCommand: CommandModule = {
	name: 'wizard',
	summary: 'the interactive wizard',
	usage: 'trifecta [options]',
	args: {min: 0, max: 0},
	async run({flags, io, services}) {
		const session = await services();
		if (!io.interactive) return runHeadless(flags, io, session);
		let runner;
		try {
			runner = await openExperiment(flags, session);
		} catch (error) {
			io.stderr.write(`${openFailure(error)}\n`);
			return 1;
		}
		const report = await preflightReport(session);
		const resume = resumeCommand(flags, process.env);
		// Printed before Ink draws, so it stays in the scrollback above the wizard.
		if (flags.demo) {
			const fresh = flags.resultsDir === demoResultsDir() ? `; add --fresh to start over` : '';
			io.stdout.write(`Demo results: ${session.results.dir}\n\`${resume}\` resumes it${fresh}.\n`);
		}
		let code = 0;
		const instance = render(
			<App
				runner={runner}
				preflight={report}
				simulated={session.simulated}
				resultsPath={session.results.path}
				resumeCommand={resume}
				animate={Boolean(io.stdout.isTTY)}
				onExit={(value) => {
					code = value;
				}}
			/>,
			{
				// Ink wants TTY streams; in this branch they are TTYs at runtime (io.interactive).
				stdout: io.stdout as NodeJS.WriteStream,
				stdin: io.stdin as NodeJS.ReadStream,
				stderr: io.stderr as NodeJS.WriteStream,
				exitOnCtrlC: false,
				patchConsole: false,
				maxFps: MAX_FPS,
			},
		);
		// A provider's warning mid-step (Ollama busy, retrying) goes on the step's screen, never over the frame.
		const stopWarnings = session.onWarning((message) => runner.warn(message));
		try {
			await instance.waitUntilExit();
		} finally {
			stopWarnings();
			runner.cancelStep();
			await runner.close();
		}
		const finished = runner.state().reportWritten !== null;
		if (!finished) io.stderr.write(`Results so far are kept in ${session.results.path}. Start ${resume} again to resume.\n`);
		return code;
	},
};
