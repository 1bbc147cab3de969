// The Claude cost of the experiment in one line: estimated before it starts (the plan screen, the
// start of `run`), measured after (the end of `run`), so the two can be compared.
import {describeEstimate} from '../../analysis/claudeCostEstimate.js';
import type {ResultsFile} from '../../domain/schema.js';
import {isValidClaudeModel} from '../../domain/modelName.js';
import {policyOf, type StrategyState} from '../../experiment/strategy/index.js';
import {DEFAULT_SCENARIOS} from '../../prompts/scenarios.js';

/** Round 1's Claude cost, estimated; null without Claude. `named: false` where the Claude model is shown beside it. */
export function estimatedClaudeCostLine(state: StrategyState, {named = true}: {named?: boolean} = {}): string | null {
	if (!state.machine?.claudeAvailable) return null;
	const {settings} = state;
	const roundOne = policyOf(settings, state.results, state.machine).roundOne;
	const installed = settings.ladder.filter((model) => state.machine?.installed.some((entry) => entry.name === model));
	const localModels = new Set([...installed, roundOne]).size;
	const judge = settings.judge === 'rubric' ? null : (settings.judgeModel ?? settings.claudeModel);
	const plan = {model: settings.claudeModel, judgeModel: judge !== null && isValidClaudeModel(judge) ? judge : null, scenarios: settings.scenarios ?? DEFAULT_SCENARIOS, localModels};
	return `Claude for round 1: ${describeEstimate(plan, undefined, {named})}.`;
}

/** What Claude cost, measured: the baseline's answers and the judge's calls, with prompt-cache reads. */
export function measuredClaudeCostLine(results: ResultsFile): string | null {
	const baseline = results.baseline;
	if (!baseline || baseline.status === 'skipped') return null;
	const parts = [baseline.costUsd, baseline.judge?.costUsd ?? null];
	if (parts.every((part) => part === null || part === undefined)) return `Claude cost: price unknown for ${baseline.model}.`;
	const total = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
	const cached = baseline.usage?.cacheReadTokens ?? 0;
	const judge = baseline.judge?.costUsd;
	return `Claude cost, measured: $${total.toFixed(4)} (baseline ${baseline.costUsd === null ? 'price unknown' : `$${baseline.costUsd.toFixed(4)}`}${judge === undefined ? '' : `, judge ${judge === null ? 'price unknown' : `$${judge.toFixed(4)}`}`}${cached > 0 ? `; ${cached} input tokens read from the prompt cache` : ''}).`;
}
