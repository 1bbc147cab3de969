// Which measurements a round still needs. A step counts as done when this session finished it
// with the same settings, or when the results file already holds a measurement made with them,
// which is what makes resume work after a crash, a quit or a settings change.
import type {Settings} from '../settings.js';
import {isInstalled, isLarge, modelResult, scoredByCurrent} from './evidence.js';
import type {StepAction, StrategyState} from './types.js';

export const stepKey = {
	pull: (model: string) => `pull:${model}`,
	bench: (model: string) => `bench:${model}`,
	compare: (model: string) => `compare:${model}`,
	baseline: 'baseline',
	tools: (model: string) => `tools:${model}`,
};

const STEP_WORDS: Record<string, string> = {pull: 'the pull', bench: 'the benchmark', compare: 'the reasoning comparison', tools: 'the tool-calling test'};
const ACTION_WORDS: Record<string, string> = {baseline: 'the Claude baseline', configs: 'writing the configs', report: 'writing the report', delete: 'the delete', commitConfigs: 'the configs commit'};

/** A step key ("pull:llama3.3:70b") or action kind in words, for screens ("the pull of llama3.3:70b"). */
export function describeStepKey(key: string): string {
	const colon = key.indexOf(':');
	const step = colon === -1 ? key : key.slice(0, colon);
	if (colon !== -1 && STEP_WORDS[step]) return `${STEP_WORDS[step]} of ${key.slice(colon + 1)}`;
	return ACTION_WORDS[key] ?? key;
}

/** Benchmarks depend on repetitions and options; nothing else does. */
export function benchFingerprint(settings: Settings): string {
	return `reps=${settings.reps};num_ctx=${settings.numCtx};num_predict=${settings.numPredict}`;
}

function benchDone(state: StrategyState, model: string): boolean {
	const fingerprint = benchFingerprint(state.settings);
	if (state.done[stepKey.bench(model)] === fingerprint) return true;
	const options = modelResult(state.results, model)?.speed?.options;
	return (
		options !== undefined &&
		options.reps === state.settings.reps &&
		options.num_ctx === state.settings.numCtx &&
		options.num_predict === state.settings.numPredict
	);
}

/** Measured, and scored by the judge this run uses: a score from another judge (or the rubric) is measured again. */
function compareDone(state: StrategyState, model: string): boolean {
	if (stepKey.compare(model) in state.done) return true;
	if (!scoredByCurrent(state, model)) return false;
	const reasoning = modelResult(state.results, model)?.reasoning;
	return [reasoning?.bull, reasoning?.bear, reasoning?.trader].every((response) => response?.status === 'ok');
}

function baselineDone(state: StrategyState): boolean {
	if (!state.machine?.claudeAvailable) return true;
	const model = state.settings.claudeModel;
	if (state.done[stepKey.baseline] === model) return true;
	const baseline = state.results.baseline;
	return baseline !== null && baseline.status === 'ok' && baseline.model === model;
}

function toolsDone(state: StrategyState, model: string): boolean {
	if (stepKey.tools(model) in state.done) return true;
	const tools = modelResult(state.results, model)?.toolCalling;
	return tools?.native !== undefined && tools.openai !== undefined;
}

/** Installed ladder models plus the round's model, in ladder order: what a round measures. */
export function available(state: StrategyState, target: string): string[] {
	// Served 70B-class models are escalation steps, measured only when the strategy escalates to them.
	const served = state.machine?.servedBy !== undefined;
	const models = state.settings.ladder.filter((model) => isInstalled(state.machine, model) && (!served || model === target || !isLarge(state.results, state.machine, model)));
	return models.includes(target) ? models : [...models, target];
}

/**
 * The first measurement round `round` (about `target`) still needs, or null when it has them all.
 * `scope` limits comparisons and tool tests to those models (a settled round's own model).
 */
export function pendingStep(state: StrategyState, round: number, target: string, scope?: string[]): StepAction | null {
	if (!isInstalled(state.machine, target)) {
		return {kind: 'step', step: 'pull', round, models: [target], baseline: false, keys: {[stepKey.pull(target)]: ''}};
	}
	const models = scope ?? available(state, target);
	// Every model the round compares gets a speed too: an installed one is measured
	// while the round's model downloads, and each measured rate sharpens the 70B predictions.
	const toBench = models.filter((model) => !benchDone(state, model));
	if (toBench.length > 0) {
		const fingerprint = benchFingerprint(state.settings);
		const keys = Object.fromEntries(toBench.map((model) => [stepKey.bench(model), fingerprint]));
		return {kind: 'step', step: 'bench', round, models: toBench, baseline: false, keys};
	}
	const toCompare = models.filter((model) => !compareDone(state, model));
	const baseline = !baselineDone(state);
	if (toCompare.length > 0 || baseline) {
		const keys: Record<string, string> = Object.fromEntries(toCompare.map((model) => [stepKey.compare(model), '']));
		if (baseline) keys[stepKey.baseline] = state.settings.claudeModel;
		return {kind: 'step', step: 'compare', round, models: toCompare, baseline, keys};
	}
	const toTest = models.filter((model) => !toolsDone(state, model));
	if (toTest.length > 0) {
		const keys = Object.fromEntries(toTest.map((model) => [stepKey.tools(model), '']));
		return {kind: 'step', step: 'tools', round, models: toTest, baseline: false, keys};
	}
	return null;
}
