// `trifecta compare [model...]`: the isolated reasoning comparison with its live grid, or plain
// lines on stderr; with --json, stdout carries {"models":[...],"baseline":{...}} and nothing else.
// Exit 1 when any cell failed (its reason is in the results), 130 when interrupted.
import React from 'react';
import {runCompare, type CompareOutcome} from '../../experiment/steps/compare.js';
import type {CompareEvent, NoticeEvent, StepEvent} from '../../experiment/events.js';
import {initialCompareView, reduceCompareView} from '../../app/state/compareView.js';
import {ReasoningScreen} from '../../app/screens/reasoningScreen.js';
import {compareLine} from '../lines/compareLines.js';
import {describeFailure, EXIT} from '../errors.js';
import type {CommandModule} from '../types.js';
import {chooseModels, invalidModelNames} from './chooseModels.js';
import {isNoticeEvent, runLiveStep} from './liveStep.js';

export function isCompareScreenEvent(event: StepEvent): event is CompareEvent | NoticeEvent {
	return event.type.startsWith('compare:') || isNoticeEvent(event);
}

export function anyCellFailed(outcome: CompareOutcome): boolean {
	const all = [...Object.values(outcome.models), outcome.baseline.reasoning];
	return all.some((reasoning) => Object.values(reasoning).some((response) => response.status === 'error'));
}

export const compareCommand: CommandModule = {
	name: 'compare',
	summary: 'bull/bear/trader reasoning comparison, scored against the Claude baseline',
	usage: 'trifecta compare [model...] [--no-claude] [--json]',
	args: {min: 0, max: null, name: 'model'},
	async run(input) {
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
			const outcome = await runLiveStep({
				input,
				services,
				initial: initialCompareView,
				reducer: reduceCompareView,
				accept: isCompareScreenEvent,
				screen: (view) => <ReasoningScreen view={view} animate simulated={services.simulated} width={Math.min(io.stdout.columns ?? 80, 100)} />,
				line: compareLine,
				run: (ctx) => runCompare(ctx, choice.models),
			});
			if (flags.json) {
				const stored = services.results.read();
				const models = choice.models.flatMap((name) => stored.models.filter((model) => model.name === name));
				const baseline = outcome.status === 'done' ? outcome.result.baseline : stored.baseline;
				io.stdout.write(`${JSON.stringify({models, baseline}, null, 2)}\n`);
			}
			if (outcome.status === 'canceled') {
				io.stderr.write('Interrupted. Finished cells are kept; run the same command again to redo the rest.\n');
				return EXIT.interrupted;
			}
			if (outcome.status === 'failed') {
				io.stderr.write(`${outcome.message}\n`);
				return EXIT.failed;
			}
			io.stderr.write(`results: ${services.results.path}\n`);
			return anyCellFailed(outcome.result) ? EXIT.failed : EXIT.ok;
		} catch (error) {
			const failure = describeFailure(error);
			io.stderr.write(`${failure.message}\n`);
			return failure.code;
		}
	},
};
