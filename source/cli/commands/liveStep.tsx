// What compare and tools share: run one step with its live screen (interactive) or its plain
// lines (no TTY, --json), and turn whatever happened into an outcome the command maps to an
// exit code. Never throws: measured results are already persisted by the step.
import type React from 'react';
import type {StepEvent} from '../../experiment/events.js';
import type {StepContext} from '../../experiment/steps/context.js';
import {bundledPromptsDir} from '../../prompts/load.js';
import {isCanceled} from '../../providers/errors.js';
import {describeFailure} from '../errors.js';
import type {CommandInput, Services} from '../types.js';
import {lineSession, screenSession, stepContext, type Session} from './stepSession.js';

export type StepOutcome<R> = {status: 'done'; result: R} | {status: 'canceled'} | {status: 'failed'; message: string};

export async function runLiveStep<S, E extends StepEvent, R>(options: {
	input: CommandInput;
	services: Services;
	initial: S;
	reducer: (state: S, event: E) => S;
	accept: (event: StepEvent) => event is E;
	screen: (state: S) => React.JSX.Element;
	line: (event: E) => string | null;
	run: (ctx: StepContext) => Promise<R>;
}): Promise<StepOutcome<R>> {
	const {input, services} = options;
	const {io} = input;
	const session: Session = io.interactive
		? screenSession(io, {
				reducer: options.reducer,
				initial: options.initial,
				accept: options.accept,
				screen: (state) => options.screen(state),
				onCancel: () => services.cancel(),
			})
		: lineSession(io, options.accept, options.line);
	for (const warning of services.warnings) session.emit({type: 'warning', message: warning});
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
