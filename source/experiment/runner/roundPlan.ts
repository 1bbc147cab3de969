// The whole round at once: the strategy names one step at a time, but orchestrating
// without waste needs to know them all (to pull while measuring, run the baseline beside local
// work, and keep each model loaded across its steps). Derived by asking the strategy itself, on
// a copy of the state where each step is marked done, so the round runs exactly what the
// strategy would have asked for, one step after another.
import {upsertModel} from '../../output/resultsStore.js';
import type {ResultsFile} from '../../domain/schema.js';
import {nextAction, reduce} from '../strategy/index.js';
import type {StepAction, StepKind, StrategyState} from '../strategy/index.js';
import {stepKey} from '../strategy/steps.js';

const MAX_STEPS = 32;

export function roundPlan(state: StrategyState, first: StepAction): StepAction[] {
	const plan: StepAction[] = [first];
	let assumed = state;
	let action: StepAction = first;
	for (let guard = 0; guard < MAX_STEPS; guard++) {
		const pulled = action.step === 'pull' ? action.models.map((name) => ({name, sizeBytes: sizeOf(assumed, name)})) : undefined;
		const results = pulled ? withPulled(assumed.results, action.models) : assumed.results;
		assumed = reduce(assumed, {type: 'step:done', keys: action.keys, results, ...(pulled ? {pulled} : {})});
		const next = nextAction(assumed);
		if (next.kind !== 'step' || next.round !== first.round) break;
		if (plan.some((planned) => planned.step === next.step && sameKeys(planned.keys, next.keys))) break;
		plan.push(next);
		action = next;
	}
	return plan;
}

/**
 * The results as the pull will leave them: the policy tells a model this experiment pulled from
 * one installed before (round one's model must stay round one's model after its own pull).
 */
function withPulled(results: ResultsFile, models: string[]): ResultsFile {
	const draft = {...results, models: [...results.models]};
	for (const name of models) {
		const index = draft.models.findIndex((entry) => entry.name === name);
		const entry = index < 0 ? upsertModel(draft, name) : (draft.models[index] = {...draft.models[index]!});
		entry.pull = {status: 'pulled', bytes: 0, seconds: 0, at: ''};
	}
	return draft;
}

function sizeOf(state: StrategyState, model: string): number {
	return state.results.models.find((entry) => entry.name === model)?.sizeBytes ?? 0;
}

function sameKeys(a: Record<string, string>, b: Record<string, string>): boolean {
	return JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort());
}

/** One model's local work in a round, in the order the strategy asks for it. */
export type ModelWork = {model: string; steps: {step: Exclude<StepKind, 'pull'>; key: string; fingerprint: string}[]};

export type RoundWork = {
	round: number;
	pulls: {model: string; key: string}[];
	/** The baseline's step key and fingerprint, when the round measures it. */
	baseline: {key: string; fingerprint: string} | null;
	models: ModelWork[];
};

export function roundWork(plan: readonly StepAction[]): RoundWork {
	const work: RoundWork = {round: plan[0]?.round ?? 1, pulls: [], baseline: null, models: []};
	const modelWork = (model: string): ModelWork => {
		let entry = work.models.find((candidate) => candidate.model === model);
		if (!entry) {
			entry = {model, steps: []};
			work.models.push(entry);
		}
		return entry;
	};
	for (const action of plan) {
		if (action.step === 'pull') {
			for (const model of action.models) work.pulls.push({model, key: stepKey.pull(model)});
			continue;
		}
		if (action.step === 'compare' && action.baseline) {
			work.baseline = {key: stepKey.baseline, fingerprint: action.keys[stepKey.baseline] ?? ''};
		}
		for (const model of action.models) {
			const key = stepKey[action.step](model);
			modelWork(model).steps.push({step: action.step, key, fingerprint: action.keys[key] ?? ''});
		}
	}
	return work;
}
