// Runs the five scenarios against one model on one endpoint. "does not support tools" (HTTP
// 400) makes the whole endpoint unsupported rather than an error; any other failure marks only
// that scenario, and the run goes on.
import {performance} from 'node:perf_hooks';
import type {EndpointToolResult, ToolScenarioOutcome} from '../../domain/schema.js';
import {isCanceled, isProviderError} from '../../providers/errors.js';
import type {Emit, Endpoint} from '../events.js';
import type {ToolDriver} from './toolDrivers.js';
import {toolScenarios} from './toolScenarios.js';
import {userMessage} from '../../system/userMessage.js';

export const UNSUPPORTED_REASON = 'model does not support tools (HTTP 400)';

export function summarize(supported: boolean, scenarios: ToolScenarioOutcome[]): EndpointToolResult {
	return {
		supported,
		scenarios,
		passed: scenarios.filter((scenario) => scenario.outcome === 'pass').length,
		total: toolScenarios.length,
	};
}

export async function runEndpoint(model: string, endpoint: Endpoint, driver: ToolDriver, emit: Emit): Promise<EndpointToolResult> {
	const outcomes: ToolScenarioOutcome[] = [];
	for (const scenario of toolScenarios) {
		emit({type: 'tools:scenario-start', model, endpoint, scenario: scenario.id});
		const started = performance.now();
		try {
			const verdict = await scenario.run(driver);
			const outcome: ToolScenarioOutcome = {
				id: scenario.id,
				outcome: verdict.pass ? 'pass' : 'fail',
				reason: verdict.reason,
				latencyMs: performance.now() - started,
			};
			outcomes.push(outcome);
			emit({type: 'tools:scenario-done', model, endpoint, outcome, calls: verdict.calls});
		} catch (error) {
			if (isCanceled(error)) throw error;
			const latencyMs = performance.now() - started;
			if (isProviderError(error) && error.kind === 'tools-unsupported') {
				return unsupported(model, endpoint, latencyMs, emit);
			}
			// Ollama's parser could not read the call the model wrote: the model failed the scenario.
			if (isProviderError(error) && error.kind === 'model-output') {
				const outcome: ToolScenarioOutcome = {id: scenario.id, outcome: 'fail', reason: error.message, latencyMs};
				outcomes.push(outcome);
				emit({type: 'tools:scenario-done', model, endpoint, outcome});
				continue;
			}
			const reason = userMessage(error);
			const outcome: ToolScenarioOutcome = {id: scenario.id, outcome: 'error', reason, latencyMs};
			outcomes.push(outcome);
			emit({type: 'tools:scenario-done', model, endpoint, outcome});
		}
	}
	return summarize(true, outcomes);
}

function unsupported(model: string, endpoint: Endpoint, latencyMs: number, emit: Emit): EndpointToolResult {
	const outcomes = toolScenarios.map(
		(scenario, index): ToolScenarioOutcome => ({
			id: scenario.id,
			outcome: 'unsupported',
			reason: UNSUPPORTED_REASON,
			// Only the first scenario made a request; the rest were never sent.
			latencyMs: index === 0 ? latencyMs : 0,
		}),
	);
	for (const outcome of outcomes) emit({type: 'tools:scenario-done', model, endpoint, outcome});
	return summarize(false, outcomes);
}
