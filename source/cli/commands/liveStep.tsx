// What compare and tools share: run one step with its live screen (interactive) or its plain
// lines (no TTY, --json), turn whatever happened into an outcome (runLiveStep never throws:
// measured results are already persisted by the step), and map that to output and an exit code.
import React from 'react';
import type {StepEvent} from '../../experiment/events.js';
import type {StepContext} from '../../experiment/steps/context.js';
import type {ModelResult, ResultsFile} from '../../domain/schema.js';
import {bundledPromptsDir} from '../../prompts/load.js';
import {isCanceled} from '../../providers/errors.js';
import {describeFailure, EXIT} from '../errors.js';
import type {CommandInput, Services} from '../types.js';
import {chooseModels, invalidModelNames} from './chooseModels.js';
import {lineSession, screenSession, stepContext, withWarnings, type Session} from './stepSession.js';
import {jsonText} from '../../system/sanitize.js';

export type StepOutcome<R> = {status: 'done'; result: R} | {status: 'canceled'} | {status: 'failed'; message: string};

export async function runLiveStep<S, E extends StepEvent, R>(options: {
	input: CommandInput;
	services: Services;
	initial: S;
	reducer: (state: S, event: E) => S;
	accept: (event: StepEvent) => event is E;
	screen: (state: S) => React.JSX.Element;
	line: (event: E) => string | null;
	/** The events whose lines are the result (stdout without --json); the rest is progress (stderr). */
	result: (event: E) => boolean;
	run: (ctx: StepContext) => Promise<R>;
}): Promise<StepOutcome<R>> {
	const {input, services} = options;
	const {io} = input;
	const shown: Session = io.interactive
		? screenSession(io, {
				reducer: options.reducer,
				initial: options.initial,
				accept: options.accept,
				screen: (state) => options.screen(state),
				onCancel: () => services.cancel(),
			})
		: lineSession(io, options.accept, options.line, {result: options.result, json: input.flags.json});
	// Warnings from before the step (a settings file set aside…) and while it runs (Ollama busy).
	const session = withWarnings(shown, services);
	const ctx: StepContext = {...stepContext(input, services, session.emit), promptsDir: input.flags.promptsDir || bundledPromptsDir()};
	try {
		return {status: 'done', result: await options.run(ctx)};
	} catch (error) {
		if (isCanceled(error) || services.signal.aborted) return {status: 'canceled'};
		return {status: 'failed', message: describeFailure(error).message};
	} finally {
		await session.finish();
	}
}

export function isNoticeEvent(event: StepEvent): boolean {
	return event.type === 'warning' || event.type === 'info' || event.type === 'step-error';
}

/** The props compare's and tools' screens take alike. */
export type LiveScreenProps<S> = {view: S; animate: boolean; simulated: boolean; width: number};

/** The exit code and its line (the --json document's error): the success line is the caller's. */
function endingOf<R>(outcome: StepOutcome<R>, options: {interrupted: string; failed: (result: R) => boolean; failedMessage: string}): {code: number; message: string} {
	if (outcome.status === 'canceled') return {code: EXIT.interrupted, message: `Interrupted. ${options.interrupted}`};
	if (outcome.status === 'failed') return {code: EXIT.failed, message: outcome.message};
	return options.failed(outcome.result) ? {code: EXIT.failed, message: options.failedMessage} : {code: EXIT.ok, message: ''};
}

/**
 * `trifecta compare|tools [model...]` from the arguments to the exit code: model names checked,
 * models chosen, the step run live, the --json document written, then the exit rule. What
 * differs between the two commands (their screen, lines, JSON shape, what an interrupt keeps and
 * what counts as failed) comes in through the options.
 */
export async function runLiveCommand<S, E extends StepEvent, R>(
	input: CommandInput,
	options: {
		initial: S;
		reducer: (state: S, event: E) => S;
		accept: (event: StepEvent) => event is E;
		Screen: (props: LiveScreenProps<S>) => React.JSX.Element;
		line: (event: E) => string | null;
		/** See runLiveStep. */
		result: (event: E) => boolean;
		run: (ctx: StepContext, models: string[]) => Promise<R>;
		/** The --json document, from the stored records of the chosen models (in argument order). */
		json: (chosen: {models: ModelResult[]; stored: ResultsFile; outcome: StepOutcome<R>}) => unknown;
		/** Follows "Interrupted." on stderr: what is kept, and how to redo the rest. */
		interrupted: string;
		/** A finished run that still exits 1 (a cell or scenario that could not be run). */
		failed: (result: R) => boolean;
		/** What that exit says (the reasons are on stderr and in the results). */
		failedMessage: string;
		/** Lines that close a finished step, from the stored records of the chosen models (stdout; with --json the document carries them). */
		summary?: (chosen: ResultsFile) => string[];
	},
): Promise<number> {
	const {io, flags} = input;
	const invalid = invalidModelNames(input.args);
	if (invalid.length > 0) {
		io.stderr.write(`not a model name: ${invalid.join(', ')} (expected e.g. qwen2.5:32b)\n`);
		return EXIT.usage;
	}
	try {
		const services = await input.services();
		const choice = await chooseModels(input.args, services);
		if (!choice.ok) {
			io.stderr.write(`${choice.message}\n`);
			return choice.code;
		}
		const {Screen} = options;
		const outcome = await runLiveStep({
			input,
			services,
			initial: options.initial,
			reducer: options.reducer,
			accept: options.accept,
			screen: (view) => <Screen view={view} animate simulated={services.simulated} width={Math.min(io.stdout.columns ?? 80, 100)} />,
			line: options.line,
			result: options.result,
			run: (ctx) => options.run(ctx, choice.models),
		});
		const ending = endingOf(outcome, options);
		if (flags.json) {
			const stored = services.results.read();
			const models = choice.models.flatMap((name) => stored.models.filter((model) => model.name === name));
			const document = options.json({models, stored, outcome}) as Record<string, unknown>;
			io.stdout.write(`${jsonText(ending.code === EXIT.ok ? document : {...document, error: {message: ending.message, code: ending.code}})}\n`);
		}
		if (options.summary && outcome.status === 'done' && !flags.json) {
			const stored = services.results.read();
			const models = choice.models.flatMap((name) => stored.models.filter((model) => model.name === name));
			for (const line of options.summary({...stored, models})) io.stdout.write(`${line}\n`);
		}
		// A finished step names its results even when some cells failed (their reasons are already above).
		io.stderr.write(`${outcome.status === 'done' ? `results: ${services.results.path}` : ending.message}\n`);
		return ending.code;
	} catch (error) {
		const failure = describeFailure(error);
		io.stderr.write(`${failure.message}\n`);
		return failure.code;
	}
}
