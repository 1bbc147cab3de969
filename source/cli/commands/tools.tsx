// `trifecta tools [model...]`: the tool-calling test with its live grids, or plain lines on
// stderr; with --json, stdout carries {"models":[...]} and nothing else. A FAIL is a measurement
// (exit 0); exit 1 only when a scenario could not be run at all, 130 when interrupted.
import React from 'react';
import {runTools} from '../../experiment/steps/tools.js';
import type {ToolsEvent, NoticeEvent, StepEvent} from '../../experiment/events.js';
import type {ToolCallingResult} from '../../output/schema.js';
import {initialToolsView, reduceToolsView} from '../../app/state/toolsView.js';
import {ToolsScreen} from '../../app/screens/toolsScreen.js';
import {toolsLine} from '../lines/toolsLines.js';
import {describeFailure, EXIT} from '../errors.js';
import type {CommandModule} from '../types.js';
import {chooseModels, invalidModelNames} from './chooseModels.js';
import {isNoticeEvent, runLiveStep} from './liveStep.js';

export function isToolsScreenEvent(event: StepEvent): event is ToolsEvent | NoticeEvent {
	return event.type.startsWith('tools:') || isNoticeEvent(event);
}

export function anyScenarioErrored(results: Record<string, ToolCallingResult>): boolean {
	return Object.values(results).some((result) =>
		[result.native, result.openai].some((endpoint) => endpoint?.scenarios.some((scenario) => scenario.outcome === 'error')),
	);
}

export const toolsCommand: CommandModule = {
	name: 'tools',
	summary: 'tool-calling test on /api/chat and the OpenAI-compatible /v1',
	usage: 'trifecta tools [model...] [--json]',
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
				initial: initialToolsView,
				reducer: reduceToolsView,
				accept: isToolsScreenEvent,
				screen: (view) => <ToolsScreen view={view} animate simulated={services.simulated} width={Math.min(io.stdout.columns ?? 80, 100)} />,
				line: toolsLine,
				run: (ctx) => runTools(ctx, choice.models),
			});
			if (flags.json) {
				const stored = services.results.read();
				const models = choice.models.flatMap((name) => stored.models.filter((model) => model.name === name));
				io.stdout.write(`${JSON.stringify({models}, null, 2)}\n`);
			}
			if (outcome.status === 'canceled') {
				io.stderr.write('Interrupted. Finished models are kept; run the same command again to redo the rest.\n');
				return EXIT.interrupted;
			}
			if (outcome.status === 'failed') {
				io.stderr.write(`${outcome.message}\n`);
				return EXIT.failed;
			}
			io.stderr.write(`results: ${services.results.path}\n`);
			return anyScenarioErrored(outcome.result) ? EXIT.failed : EXIT.ok;
		} catch (error) {
			const failure = describeFailure(error);
			io.stderr.write(`${failure.message}\n`);
			return failure.code;
		}
	},
};
