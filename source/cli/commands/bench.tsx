// `trifecta bench <model...>`: the speed benchmark, models one after another: each model's
// summary (mean ± sd, verdict) on stdout, progress per rep on stderr. With --json, stdout carries only {"models":[...]} shaped as in scaling-results.json. Exit 0 all done,
// 1 some model failed (the others are still measured and kept), 130 canceled.
import React from 'react';
import type {BenchEvent, NoticeEvent, StepEvent} from '../../experiment/events.js';
import {runBench} from '../../experiment/steps/bench.js';
import {isValidModelName} from '../../models/catalog.js';
import type {ModelResult} from '../../domain/schema.js';
import {isCanceled} from '../../providers/errors.js';
import {BenchScreen} from '../../app/screens/benchScreen.js';
import {benchViewReducer, initialBenchView} from '../../app/state/benchView.js';
import {createBenchLines} from '../../app/lines/benchLines.js';
import {describeFailure, EXIT} from '../errors.js';
import type {CommandModule} from '../types.js';
import {invalidModelMessage} from './pull.js';
import {lineSession, screenSession, stepContext, withWarnings, type Session} from './stepSession.js';
import {jsonText} from '../../system/sanitize.js';

export function isBenchScreenEvent(event: StepEvent): event is BenchEvent | NoticeEvent {
	return event.type.startsWith('bench:') || event.type === 'warning' || event.type === 'info' || event.type === 'step-error';
}

/** The --json entry: the model's record as scaling-results.json holds it, speed fields only. */
export function benchJsonEntry(entry: ModelResult): Pick<ModelResult, 'name' | 'sizeBytes' | 'parameterSize' | 'quantization' | 'capabilities' | 'speed' | 'practical'> {
	const {name, sizeBytes, parameterSize, quantization, capabilities, speed, practical} = entry;
	return {name, sizeBytes, parameterSize, quantization, capabilities, speed, practical};
}

export const benchCommand: CommandModule = {
	async run(input) {
		const {io, flags} = input;
		const invalid = input.args.find((name) => !isValidModelName(name));
		if (invalid !== undefined) {
			io.stderr.write(`${invalidModelMessage(invalid)}\n`);
			return EXIT.usage;
		}
		const models = [...new Set(input.args)];
		const services = await input.services();
		const shown: Session = io.interactive
			? screenSession(io, {
					reducer: benchViewReducer,
					initial: initialBenchView,
					accept: isBenchScreenEvent,
					screen: (view, cancelHint) => <BenchScreen view={view} animate simulated={services.simulated} cancelHint={cancelHint} width={io.stdout.columns ?? 80} />,
					onCancel: () => services.cancel(),
				})
			: lineSession(io, isBenchScreenEvent, createBenchLines(), {result: (event) => event.type === 'bench:done', json: flags.json});
		// Warnings from before the step (a settings file set aside…) and while it runs (Ollama busy) belong on its screen too.
		const session = withWarnings(shown, services);
		const ctx = stepContext(input, services, session.emit);

		let code: number = EXIT.ok;
		let failure: string | null = null;
		const done: string[] = [];
		for (const model of models) {
			try {
				await runBench(ctx, model);
				done.push(model);
			} catch (error) {
				// runBench already reported the failure as a step-error event.
				if (isCanceled(error) || services.signal.aborted) {
					code = EXIT.interrupted;
					break;
				}
				const described = describeFailure(error);
				code = described.code;
				// The first failure names the model; the others are on stderr with theirs.
				failure ??= `${model}: ${described.message}`;
			}
		}
		await session.finish();

		if (code === EXIT.interrupted) {
			const rest = models.filter((model) => !done.includes(model));
			const kept = done.length > 0 ? `Results for ${done.join(', ')} are kept in ${services.results.path}.` : 'No model finished.';
			failure = `Interrupted. ${kept} To measure the rest, run \`trifecta bench ${rest.join(' ')}\`.`;
			io.stderr.write(`${failure}\n`);
		}
		if (flags.json) {
			const recorded = services.results.read().models;
			const entries = done.flatMap((name) => recorded.filter((entry) => entry.name === name).map(benchJsonEntry));
			io.stdout.write(`${jsonText({models: entries, ...(failure === null ? {} : {error: {message: failure, code}})})}\n`);
		}
		return code;
	},
};
