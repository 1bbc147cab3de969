// What happens next, read off the state: the walk through the rounds as recorded in
// results.rounds, the first measurement not done, the question waiting for the user, or the
// final stage. Deriving it every time (instead of storing a phase) is what makes resume exact.
import {isInstalled, isLarge, isPractical, relativeText, thresholdOf} from './evidence.js';
import {escalationOffer} from './offer.js';
import {policyOf} from './policy.js';
import {finalRecommendation} from './recommend.js';
import {pendingStep} from './steps.js';
import type {Action, StrategyState} from './types.js';

const OUTCOMES = new Set(['accept', 'escalate', 'swap', 'skip']);

/** Another one-at-a-time model installed, when the target is one too (models/tiers.ts). */
function otherLargeInstalled(state: StrategyState, target: string): string | null {
	if (!isLarge(state.results, state.machine, target)) return null;
	const other = state.machine?.installed.find(
		(model) => model.name !== target && isLarge(state.results, state.machine, model.name),
	);
	return other?.name ?? null;
}

/** Walks the recorded rounds; returns an action, or the last round reached when they are settled. */
function walkRounds(state: StrategyState): Action | {settledAt: number} {
	const {rounds} = state.results;
	let round = 1;
	let target = policyOf(state.settings, state.results, state.machine).roundOne;
	for (;;) {
		const outcome = rounds.find((record) => record.round === round && OUTCOMES.has(record.decision));
		if (outcome) {
			// A settled round only re-measures its own model when a setting changed, and only while
			// that model is still installed (a deleted 70B keeps its measurements).
			if (isInstalled(state.machine, target)) {
				const step = pendingStep(state, round, target, [target]);
				if (step) return step;
			}
			if (outcome.chosen === null || outcome.decision === 'accept' || outcome.decision === 'skip') return {settledAt: round};
			round += 1;
			target = outcome.chosen;
			continue;
		}
		if (round >= 2) {
			const answer = rounds.find(
				(record) => record.round === round && (record.decision === 'delete-first' || record.decision === 'keep-first'),
			);
			if (answer?.decision === 'keep-first') return {settledAt: round};
			const other = isInstalled(state.machine, target) ? null : otherLargeInstalled(state, target);
			if (other !== null) {
				if (answer) return {kind: 'delete', round, model: other};
				return {kind: 'ask-delete', round, model: other, next: target, protect: thresholdOf(state, other).outcome === 'meets'};
			}
		}
		const step = pendingStep(state, round, target);
		if (step) return step;
		const check = thresholdOf(state, target);
		const meets = check.outcome === 'meets';
		if (round === 1 && meets) {
			return {
				kind: 'record',
				record: {
					round,
					model: target,
					decision: 'accept',
					chosen: target,
					reason: `${target} reached ${relativeText(check)} on the trader prompt (n=${check.n ?? 0} over ${check.markets ?? 0} markets), at or above the threshold ${state.settings.threshold.toFixed(1)}, and its answers pass the pipeline's compliance checks: accepted, larger models skipped.`,
				},
			};
		}
		// A later round that closes the gap at a usable speed settles it; so does one with nothing left to offer.
		if (meets && isPractical(state.results, target, state.settings.minRate) !== false) return {settledAt: round};
		const offer = escalationOffer(state, round, target);
		return offer ? {kind: 'ask-escalation', offer} : {settledAt: round};
	}
}

export function nextAction(state: StrategyState): Action {
	if (state.canceled !== null) return {kind: 'canceled', key: state.canceled};
	if (state.failure !== null) return {kind: 'failed', ...state.failure};
	if (state.machine === null) return {kind: 'preflight'};
	if (!state.planConfirmed) return {kind: 'plan'};
	const walked = walkRounds(state);
	if ('kind' in walked) return walked;
	const terminal = state.results.rounds.some((record) => record.decision === 'recommend' || record.decision === 'ceiling');
	if (!terminal || state.results.recommendation === null) {
		return {kind: 'recommend', recommendation: finalRecommendation(state, walked.settledAt)};
	}
	if (state.configsWritten === null) {
		const {model} = state.results.recommendation;
		if (model === null) return {kind: 'configs', model, answer: {write: false, patch: false}};
		if (state.configsAnswer === null) return {kind: 'ask-configs', model};
		return {kind: 'configs', model, answer: state.configsAnswer};
	}
	// The pipeline files just written can be committed to its git: asked before the report, so
	// section 7 ends with that commit when the answer is yes.
	if (state.commitPlan !== null) {
		if (state.commitAnswer === null) return {kind: 'ask-commit', plan: state.commitPlan};
		if (state.commitAnswer && !state.committed) return {kind: 'commitConfigs', plan: state.commitPlan};
	}
	if (state.reportWritten === null) return {kind: 'report'};
	return {kind: 'done'};
}

/** The round the walk is in, for headings ("Round 2 · qwen2.5:72b"). */
export function currentRound(state: StrategyState): {round: number; model: string} {
	let round = 1;
	let model = policyOf(state.settings, state.results, state.machine).roundOne;
	for (;;) {
		const outcome = state.results.rounds.find((record) => record.round === round && OUTCOMES.has(record.decision));
		if (!outcome || outcome.chosen === null || outcome.decision === 'accept' || outcome.decision === 'skip') {
			return {round, model};
		}
		round += 1;
		model = outcome.chosen;
	}
}
