// `trifecta run`: the whole strategy without the UI. Progress lines on stderr, the verdict on
// stdout; at a decision point --yes takes the offer's default (never deleting a model that met the
// threshold), otherwise it stops with exit 3 naming --yes; --json puts one summary document on
// stdout and nothing else, with every offer shown and its predictions.
import {experimentTimeLine} from '../../analysis/timing.js';
import type {Runner, WaitingAction} from '../../experiment/runner/index.js';
import {openExperiment} from '../../experiment/runner/session.js';
import {pipelineFor} from '../pipelineFolder.js';
import {resumeCommand} from '../resumeCommand.js';
import type {EscalationChoice, EscalationOffer} from '../../experiment/strategy/index.js';
import {userMessage} from '../../system/userMessage.js';
import type {ResultsFile} from '../../domain/schema.js';
import {createRunLines, offerLines, outcomeLines, verdictLines} from '../../app/lines/runLines.js';
import {estimatedClaudeCostLine, measuredClaudeCostLine} from '../../app/lines/claudeCostLines.js';
import type {CommandIO, CommandModule, GlobalFlags, Services} from '../types.js';
import {jsonText} from '../../system/sanitize.js';
import {NEVER_TWO} from '../../models/tiers.js';

/** An offer as --json reports it: what was shown before any pull, and what was answered. */
export type OfferRecord = Omit<EscalationOffer, 'candidates'> & {
	candidates: {
		model: string;
		sizeBytes: number;
		predictedRate: number | null;
		predictedRange: [number, number] | null;
		ceilingRate: number | null;
		fitsRam: boolean;
		fitsDisk: boolean | null;
		predictedPractical: boolean | null;
		mustDeleteFirst: string | null;
	}[];
	choice: EscalationChoice | null;
};

export function offerRecord(offer: EscalationOffer, choice: EscalationChoice | null): OfferRecord {
	return {
		...offer,
		candidates: offer.candidates.map((candidate) => ({
			model: candidate.model,
			sizeBytes: candidate.sizeBytes,
			predictedRate: candidate.predictedRate,
			predictedRange: candidate.predictedRange,
			ceilingRate: candidate.ceilingRate,
			fitsRam: candidate.fitsRam,
			fitsDisk: candidate.fitsDisk,
			predictedPractical: candidate.predictedPractical,
			mustDeleteFirst: candidate.mustDeleteFirst,
		})),
		choice,
	};
}

export function runSummary(
	results: ResultsFile,
	status: 'done' | 'decision-needed' | 'canceled' | 'failed',
	files: string[],
	offers: OfferRecord[] = [],
	error: {message: string; code: number} | null = null,
) {
	return {
		...(error === null ? {} : {error}),
		status,
		simulated: results.simulated,
		rounds: results.rounds,
		offers,
		models: results.models,
		baseline: results.baseline,
		recommendation: results.recommendation,
		ceiling: results.recommendation?.ceiling ?? null,
		nextStep: results.recommendation?.nextStep ?? null,
		files,
	};
}

/** Drives the runner to the end, answering questions with --yes; returns the exit code. */
async function drive(runner: Runner, io: CommandIO, flags: GlobalFlags, resultsPath: string, offers: OfferRecord[]): Promise<{code: number; last: WaitingAction; message?: string}> {
	const say = (line: string) => io.stderr.write(`${line}\n`);
	const {yes} = flags;
	// The same folders on the command line the hints give: the demo's, a named results folder or pipeline.
	const command = (name: string) => resumeCommand(flags, process.env, process.cwd(), name);
	for (;;) {
		const action = await runner.advance();
		switch (action.kind) {
			case 'plan': {
				const estimate = estimatedClaudeCostLine(runner.state());
				if (estimate) say(estimate);
				runner.dispatch({type: 'plan:confirmed'});
				continue;
			}
			case 'ask-escalation': {
				for (const line of offerLines(action.offer)) say(line);
				const {offer} = action;
				const taking = offer.defaultChoice === 'accept' ? `escalate to ${offer.recommended}` : 'skip and record the ceiling';
				if (!yes) {
					offers.push(offerRecord(offer, null));
					const message = `A decision is needed: rerun with --yes to take the default (${taking}), or run \`trifecta\` to choose in the wizard. Everything measured so far is kept.`;
					say(message);
					return {code: 3, last: action, message};
				}
				offers.push(offerRecord(offer, offer.defaultChoice));
				say(`--yes: ${offer.defaultChoice === 'accept' ? `escalating to ${offer.recommended}` : 'skipping: the ceiling is recorded'}`);
				runner.dispatch({type: 'escalation:chosen', choice: offer.defaultChoice, offer, at: new Date().toISOString()});
				continue;
			}
			case 'ask-delete':
				say(`${action.next} needs room: ${action.model} must be deleted first (${NEVER_TWO}).`);
				if (!yes) {
					const message = `A decision is needed: rerun with --yes to ${action.protect ? `keep ${action.model} (it met the threshold) and skip ${action.next}` : `delete ${action.model} and pull ${action.next}`}, or run \`trifecta\` to choose.`;
					say(message);
					return {code: 3, last: action, message};
				}
				// --yes never deletes a model that met the threshold: it keeps it and skips the pull instead.
				say(action.protect ? `--yes: keeping ${action.model} (it met the threshold); ${action.next} is not pulled` : `--yes: deleting ${action.model}`);
				runner.dispatch({type: 'delete:answered', round: action.round, model: action.model, next: action.next, confirm: !action.protect, at: new Date().toISOString()});
				continue;
			case 'ask-configs': {
				// The configs file is the run's product (DESIGN §7); the pipeline is patched only by
				// someone who read the diff: `trifecta configs --write`, or Write in the wizard.
				const {pipeline} = action.offer;
				if (pipeline.changes.length > 0) {
					// The command as it must be typed: the results folder named only when it is not the default one.
					say(`The pipeline in ${pipeline.dir} can take these configs: run \`${command('configs')} --write --commit\` to see the diff, apply it and commit it (each after a yes).`);
				}
				runner.dispatch({type: 'configs:answered', answer: {write: true, patch: false}});
				continue;
			}
			case 'ask-commit':
				// Headless runs never patch the pipeline, so this comes only from a resumed wizard run;
				// committing takes a yes the user gives by hand: it is never made here.
				say(`The configs in ${action.plan.pipelineDir} are not committed: run \`trifecta configs --write --commit\` there, or: ${action.plan.commands.join(' && ')}`);
				runner.dispatch({type: 'commit:answered', commit: false});
				continue;
			case 'canceled': {
				const message = `Canceled. Results measured so far are kept in ${resultsPath}; run \`${command('run')}\` again to resume.`;
				say(message);
				return {code: 130, last: action, message};
			}
			case 'failed':
				say(`${action.message}`);
				say(`Results measured so far are kept in ${resultsPath}; run \`${command('run')}\` again to resume at this step.`);
				return {code: 1, last: action, message: action.message};
			case 'done':
				return {code: 0, last: action};
		}
	}
}

/** The strategy with plain lines on stderr: `trifecta run`, and the wizard without a TTY. */
export async function runHeadless(flags: GlobalFlags, io: CommandIO, session: Services): Promise<number> {
	const say = (line: string) => io.stderr.write(`${line}\n`);
	for (const warning of session.warnings) say(`warning: ${warning}`);
	if (session.simulated) say(`SIMULATED: running against the built-in simulator, not your machine. Results: ${session.results.dir}`);
	let runner: Runner;
	try {
		runner = await openExperiment(flags, session, pipelineFor(flags));
	} catch (error) {
		say(userMessage(error));
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
		const offers: OfferRecord[] = [];
		const {code, message} = await drive(runner, io, flags, session.results.path, offers);
		const state = runner.state();
		const files = [...(state.configsWritten ?? []), ...(state.reportWritten ?? [])];
		if (code === 0) {
			// The run's result: on stdout, unless stdout carries the --json document.
			const out = flags.json ? io.stderr : io.stdout;
			// The outcome the decisions read, per model, then the verdict: the figures the report and --json show.
			for (const line of outcomeLines(session.results.read())) out.write(`${line}\n`);
			for (const line of verdictLines(state.results.recommendation)) out.write(`${line}\n`);
			const time = experimentTimeLine(session.results.read().timing?.runs);
			if (time) out.write(`${time}\n`);
		}
		// What Claude cost, measured, whatever the outcome: a failed or interrupted run has spent it too.
		const spent = measuredClaudeCostLine(session.results.read());
		if (spent) say(spent);
		if (flags.json) {
			const status = code === 0 ? 'done' : code === 3 ? 'decision-needed' : code === 130 ? 'canceled' : 'failed';
			const error = code === 0 ? null : {message: message ?? `trifecta run ended with code ${code}`, code};
			io.stdout.write(`${jsonText(runSummary(session.results.read(), status, files, offers, error))}\n`);
		}
		return code;
	} finally {
		stopWarnings();
		await runner.close();
	}
}

export const runCommand: CommandModule = {
	async run({flags, io, services}) {
		return runHeadless(flags, io, await services());
	},
};
