// `trifecta run`: the whole strategy without the UI. Progress lines on stderr; at a decision
// point --yes takes the recommendation, otherwise it stops with exit 3 naming --yes; --json
// puts one summary document on stdout and nothing else.
import {experimentTimeLine} from '../../analysis/timing.js';
import type {Runner, WaitingAction} from '../../experiment/runner/index.js';
import {openExperiment, openFailure} from '../../experiment/runner/session.js';
import type {ResultsFile} from '../../output/schema.js';
import {createRunLines, offerLines} from '../../app/lines/runLines.js';
import type {CommandIO, CommandModule, GlobalFlags, Services} from '../types.js';

export function runSummary(results: ResultsFile, status: 'done' | 'decision-needed' | 'canceled' | 'failed', files: string[]) {
	return {
		status,
		simulated: results.simulated,
		rounds: results.rounds,
		models: results.models,
		baseline: results.baseline,
		recommendation: results.recommendation,
		files,
	};
}

/** Drives the runner to the end, answering questions with --yes; returns the exit code. */
async function drive(runner: Runner, io: CommandIO, yes: boolean, resultsPath: string): Promise<{code: number; last: WaitingAction}> {
	const say = (line: string) => io.stderr.write(`${line}\n`);
	for (;;) {
		const action = await runner.advance();
		switch (action.kind) {
			case 'plan':
				runner.dispatch({type: 'plan:confirmed'});
				continue;
			case 'ask-escalation':
				for (const line of offerLines(action.offer)) say(line);
				if (!yes) {
					say(
						`A decision is needed: rerun with --yes to take the recommendation (escalate to ${action.offer.recommended}), ` +
							'or run `trifecta` to choose in the wizard. Everything measured so far is kept.',
					);
					return {code: 3, last: action};
				}
				say(`--yes: escalating to ${action.offer.recommended}`);
				runner.dispatch({type: 'escalation:chosen', choice: 'accept', offer: action.offer, at: new Date().toISOString()});
				continue;
			case 'ask-delete':
				say(`${action.next} needs room: ${action.model} must be deleted first (never two 70B-class models at once).`);
				if (!yes) {
					say(`A decision is needed: rerun with --yes to delete ${action.model} and pull ${action.next}, or run \`trifecta\` to choose.`);
					return {code: 3, last: action};
				}
				say(`--yes: deleting ${action.model}`);
				runner.dispatch({type: 'delete:answered', round: action.round, model: action.model, next: action.next, confirm: true, at: new Date().toISOString()});
				continue;
			case 'canceled':
				say(`Canceled. Results measured so far are kept in ${resultsPath}; run \`trifecta run\` again to resume.`);
				return {code: 130, last: action};
			case 'failed':
				say(`${action.message}`);
				say(`Results measured so far are kept in ${resultsPath}; run \`trifecta run\` again to resume at this step.`);
				return {code: 1, last: action};
			case 'done':
				return {code: 0, last: action};
		}
	}
}

/** The strategy with plain lines on stderr: `trifecta run`, and the wizard without a TTY. */
export async function runHeadless(flags: GlobalFlags, io: CommandIO, session: Services): Promise<number> {
	const say = (line: string) => io.stderr.write(`${line}\n`);
	for (const warning of session.warnings) say(`warning: ${warning}`);
	if (session.simulated) say('SIMULATED: running against the built-in simulator, not your machine.');
	let runner: Runner;
	try {
		runner = await openExperiment(flags, session);
	} catch (error) {
		say(openFailure(error));
		return 1;
	}
	const lines = createRunLines();
	runner.subscribe((event) => {
		const line = lines(event);
		if (line !== null) say(line);
	});
	// Plain lines, no frame to spoil: a warning during a step (Ollama busy, retrying) is said when it happens.
	const stopWarnings = session.onWarning((warning) => say(`warning: ${warning}`));
	try {
		const {code} = await drive(runner, io, flags.yes, session.results.path);
		const state = runner.state();
		const files = [...(state.configsWritten ?? []), ...(state.reportWritten ?? [])];
		if (code === 0) {
			const recommendation = state.results.recommendation;
			say(`recommendation: ${recommendation?.model ?? 'none'} — ${recommendation?.reason ?? ''}`);
			const time = experimentTimeLine(session.results.read().timing?.runs);
			if (time) say(time);
			if (runner.pendingPatch()) say(`The pipeline in ${flags.pipelineDir} can take these configs: run \`trifecta configs --write\` to see the diff and apply it.`);
		}
		if (flags.json) {
			const status = code === 0 ? 'done' : code === 3 ? 'decision-needed' : code === 130 ? 'canceled' : 'failed';
			io.stdout.write(`${JSON.stringify(runSummary(session.results.read(), status, files), null, 2)}\n`);
		}
		return code;
	} finally {
		stopWarnings();
		await runner.close();
	}
}

export const runCommand: CommandModule = {
	name: 'run',
	summary: 'the whole strategy without the UI (--yes takes the recommended escalation)',
	usage: 'trifecta run [--yes] [--json]',
	args: {min: 0, max: 0},
	async run({flags, io, services}) {
		return runHeadless(flags, io, await services());
	},
};
