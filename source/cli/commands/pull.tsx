// `trifecta pull <model>`: pull with live per-layer progress (Ink on a TTY, plain lines on
// stderr otherwise, the outcome on stdout). With --json, stdout carries {"model", "pull"} (the
// pull as scaling-results.json records it; null when it never started). Exit 0 pulled or present,
// 1 failed, 130 canceled (re-running resumes).
import React from 'react';
import type {NoticeEvent, PullEvent, StepEvent} from '../../experiment/events.js';
import {runPull} from '../../experiment/steps/pull.js';
import {isValidModelName} from '../../models/catalog.js';
import type {PullResult} from '../../domain/schema.js';
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

/** A pull that ended with the model installed is the command's result; a failure is said on stderr. */
function isPullResult(event: PullEvent | NoticeEvent): boolean {
	return event.type === 'pull:done' && (event.result.status === 'pulled' || event.result.status === 'present');
}

export function invalidModelMessage(name: string): string {
	return `trifecta: "${name}" is not a valid model name (expected name[:tag], e.g. qwen2.5:32b)`;
}

export const pullCommand: CommandModule = {
	async run(input) {
		const {io} = input;
		const model = input.args[0] ?? '';
		if (!isValidModelName(model)) {
			io.stderr.write(`${invalidModelMessage(model)}\n`);
			return EXIT.usage;
		}
		const services = await input.services();
		// A served backend serves its models itself: nothing is downloaded, and nothing is sent to /api/pull.
		if (services.served) {
			const served = services.served.models.some((entry) => entry.id === model);
			const message = served
				? `${model} is served by ${services.served.label}: nothing to pull.`
				: `${model} is not served by ${services.served.label}, and trifecta does not download models on it: serving another model is done on the server (e.g. \`vllm serve <model>\`).`;
			if (input.flags.json) io.stdout.write(`${JSON.stringify(served ? {model, status: 'served', server: services.served.label} : {model, status: 'failed', error: {message, code: 'not-served'}})}\n`);
			io.stderr.write(`${message}\n`);
			return served ? EXIT.ok : EXIT.failed;
		}
		const shown: Session = io.interactive
			? screenSession(io, {
					reducer: pullViewReducer,
					initial: initialPullView,
					accept: isPullScreenEvent,
					screen: (view, cancelHint) => <PullScreen view={view} animate simulated={services.simulated} cancelHint={cancelHint} width={io.stdout.columns ?? 80} />,
					onCancel: () => services.cancel(),
				})
			: lineSession(io, isPullScreenEvent, createPullLines(), {result: isPullResult, json: input.flags.json});
		// Warnings from before the step (a settings file set aside…) and while it runs (Ollama busy) belong on its screen too.
		const session = withWarnings(shown, services);
		let outcome: PullResult | null = null;
		const ctx = stepContext(input, services, (event) => {
			if (event.type === 'pull:done') outcome = event.result;
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
		if (failure !== null && outcome === null) io.stderr.write(`${describeFailure(failure).message}\n`);
		if (input.flags.json) io.stdout.write(`${JSON.stringify({model, pull: outcome}, null, 2)}\n`);
		return code;
	},
};
