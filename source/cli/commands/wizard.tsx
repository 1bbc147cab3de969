// `trifecta` with no command: the Ink wizard. Without a TTY nothing animates and nothing
// prompts: it runs the same strategy as `trifecta run`, in plain lines (decisions need --yes).
// Start-up: Ink draws a first frame before anything else loads (services, runner, pages), and
// the headless path never loads Ink at all.
import path from 'node:path';
import React from 'react';
import type {DoctorReport} from '../../app/doctor/report.js';
import type {CommandModule, CommandInput, Services} from '../types.js';
import {sanitizeDeep} from '../../system/sanitize.js';
import {demoResultsDir} from '../demoDir.js';
import {resumeCommand} from '../resumeCommand.js';
import {pipelineFor} from '../pipelineFolder.js';

async function preflightReport(session: Services): Promise<DoctorReport | null> {
	const {doctorReportFor} = await import('../../app/doctor/report.js');
	try {
		// Version, model names and error texts came from Ollama: cleaned before the screen shows them.
		return sanitizeDeep(await doctorReportFor(session));
	} catch {
		// The Preflight screen falls back to the runner's own summary; the runner reports the failure.
		return null;
	}
}

async function runInteractive({flags, io, services}: CommandInput): Promise<number> {
	const resume = resumeCommand(flags, process.env);
	// The first lines of the scrollback, above the wizard.
	const fresh = flags.resultsDir === demoResultsDir() ? '; add --fresh to start over' : '';
	const banner = flags.demo ? [`Demo results: ${path.resolve(flags.resultsDir)}`, `\`${resume}\` resumes it${fresh}.`] : [];
	const [{render}, {BootFrame}, {MAX_FPS}] = await Promise.all([import('ink'), import('../../app/wizard/bootFrame.js'), import('../../app/frameRate.js')]);
	const instance = render(<BootFrame simulated={flags.demo} banner={banner} />, {
		// Ink wants TTY streams; in this branch they are TTYs at runtime (io.interactive).
		stdout: io.stdout as NodeJS.WriteStream,
		stdin: io.stdin as NodeJS.ReadStream,
		stderr: io.stderr as NodeJS.WriteStream,
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: MAX_FPS,
	});
	const release = async () => {
		instance.unmount();
		await instance.waitUntilExit().catch(() => undefined);
	};
	let opened;
	try {
		const [{App}, {openExperiment}, session] = await Promise.all([import('../../app/wizard/App.js'), import('../../experiment/runner/session.js'), services()]);
		opened = {App, session, runner: await openExperiment(flags, session, pipelineFor(flags))};
	} catch (error) {
		// The frame goes first, so the message (cli.tsx prints it) is not drawn over.
		await release();
		throw error;
	}
	const {App, session, runner} = opened;
	const report = await preflightReport(session);
	let code = 0;
	instance.rerender(
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
	if (!finished) io.stderr.write(`Results so far are kept in ${session.results.path}. Run \`${resume}\` again to resume.\n`);
	return code;
}

export const wizardCommand: CommandModule = {
	async run(input) {
		if (input.io.interactive) return runInteractive(input);
		const [{runHeadless}, session] = await Promise.all([import('./run.js'), input.services()]);
		return runHeadless(input.flags, input.io, session);
	},
};
