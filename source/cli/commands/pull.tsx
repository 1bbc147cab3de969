// `trifecta pull <model>`: pull with live per-layer progress (Ink on a TTY, plain lines on
// stderr otherwise). Exit 0 pulled or present, 1 failed, 130 canceled (re-running resumes).
import React from 'react';
import type {NoticeEvent, PullEvent, StepEvent} from '../../experiment/events.js';
import {runPull} from '../../experiment/steps/pull.js';
import {isValidModelName} from '../../models/catalog.js';
import {isCanceled} from '../../providers/errors.js';
import {PullScreen} from '../../app/screens/pullScreen.js';
import {initialPullView, pullViewReducer} from '../../app/state/pullView.js';
import {createPullLines} from '../../app/lines/pullLines.js';
import {describeFailure, EXIT} from '../errors.js';
import type {CommandModule} from '../types.js';
import {lineSession, screenSession, stepContext, withWarnings, type Session} from './stepSession.js';

export function isPullScreenEvent(event: StepEvent): event is PullEvent | NoticeEvent {
	return event.type.startsWith('pull:') || event.type === 'warning' || event.type === 'info' || event.type === 'step-error';
}

export function invalidModelMessage(name: string): string {
	return `trifecta: "${name}" is not a valid model name (expected name[:tag], e.g. qwen2.5:32b)`;
}

export const pullCommand: CommandModule = {
	name: 'pull',
	summary: 'pull a model with live per-layer progress (skipped when installed)',
	usage: 'trifecta pull <model>',
	args: {min: 1, max: 1, name: 'model'},
	async run(input) {
		const {io} = input;
		const model = input.args[0] ?? '';
		if (!isValidModelName(model)) {
			io.stderr.write(`${invalidModelMessage(model)}\n`);
			return EXIT.usage;
		}
		const services = await input.services();
		const shown: Session = io.interactive
			? screenSession(io, {
					reducer: pullViewReducer,
					initial: initialPullView,
					accept: isPullScreenEvent,
					screen: (view, cancelHint) => <PullScreen view={view} animate simulated={services.simulated} cancelHint={cancelHint} width={io.stdout.columns ?? 80} />,
					onCancel: () => services.cancel(),
				})
			: lineSession(io, isPullScreenEvent, createPullLines());
		// Warnings from before the step (a settings file set aside…) and while it runs (Ollama busy) belong on its screen too.
		const session = withWarnings(shown, services);
		let reported = false;
		const ctx = stepContext(input, services, (event) => {
			if (event.type === 'pull:done') reported = true;
			session.emit(event);
		});
		let code: number = EXIT.ok;
		let failure: unknown = null;
		try {
			await runPull(ctx, model);
		} catch (error) {
			failure = error;
			code = isCanceled(error) || services.signal.aborted ? EXIT.interrupted : describeFailure(error).code;
		}
		await session.finish();
		// The step's own pull:done already told the user what happened; anything earlier did not.
		if (failure !== null && !reported) io.stderr.write(`${describeFailure(failure).message}\n`);
		return code;
	},
};
