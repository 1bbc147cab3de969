// The plan as it stands now, in sentences for the Plan screen: what round 1 measures and why that
// model, what an escalation may offer, and on resume what is already decided and what comes next.
// It is read off the same policy and walk the runner follows, so what it says is what runs.
import {isInstalled, modelResult, sizeOf} from './evidence.js';
import {nextAction} from './flow.js';
import {candidateFacts} from './offer.js';
import {policyOf} from './policy.js';
import {available, describeStepKey} from './steps.js';
import type {Action, StrategyState} from './types.js';

const SETTLED = new Set(['accept', 'escalate', 'swap', 'skip', 'keep-first', 'delete-first', 'recommend', 'ceiling']);

/** What an action does, in words (the resumed plan's "Next: …"). */
export function describeAction(action: Action): string {
	switch (action.kind) {
		case 'step':
			return `${action.step} ${action.models.length > 0 ? action.models.join(', ') : 'the Claude baseline'} (round ${action.round})`;
		case 'ask-escalation':
			return `the escalation decision after round ${action.offer.afterRound} (${action.offer.roundModel})`;
		case 'ask-delete':
			return `whether to delete ${action.model} to make room for ${action.next}`;
		case 'record':
			return `recording round ${action.record.round}'s decision`;
		case 'recommend':
			return 'the recommendation';
		case 'configs':
			return 'writing the hybrid configs';
		case 'report':
			return 'writing the report';
		case 'done':
			return 'nothing: the experiment is complete';
		case 'preflight':
			return 'checking Ollama and this machine';
		case 'plan':
			return 'this plan';
		case 'delete':
			return `deleting ${action.model}`;
		case 'ask-configs':
			return `the configs offer for ${action.model}`;
		case 'ask-commit':
			return `whether to commit the configs in ${action.plan.pipelineDir}`;
		case 'commitConfigs':
			return `committing the configs in ${action.plan.pipelineDir}`;
		case 'canceled':
			return `${describeStepKey(action.key)} again (it was canceled)`;
		case 'failed':
			return `${describeStepKey(action.key)} again (it failed)`;
	}
}

function decided(record: StrategyState['results']['rounds'][number]): string {
	if (record.decision === 'ceiling') return `${record.round} ceiling at ${record.model ?? 'none'}, recommending ${record.chosen ?? 'none'}`;
	return `${record.round} ${record.decision}${record.chosen ? ` → ${record.chosen}` : ''}`;
}

/**
 * Ticked ladder models no round will measure: not installed (round 1 compares what is installed
 * and the model it pulls), not an escalation step, and not measured before. A tick alone does not
 * pull a model, so the plan says so rather than leave it ticked without a word.
 */
export function unmeasuredModels(state: StrategyState): string[] {
	const policy = policyOf(state.settings, state.results, state.machine);
	const roundOne = new Set(available(state, policy.roundOne));
	return state.settings.ladder.filter(
		(model) => !roundOne.has(model) && !policy.candidates.includes(model) && !isInstalled(state.machine, model) && modelResult(state.results, model) === undefined,
	);
}

/** Short lines (the Plan screen sits under the ladder table at 80x24). */
export function planSummary(state: StrategyState): string[] {
	const policy = policyOf(state.settings, state.results, state.machine);
	const installed = state.machine?.installed.some((model) => model.name === policy.roundOne) ?? false;
	const pulled = state.results.models.some((model) => model.name === policy.roundOne && model.pull?.status === 'pulled');
	const size = sizeOf(state.results, state.machine, policy.roundOne);
	const why = policy.roundOneSource === 'plan' ? 'chosen on this plan' : 'next above what is installed';
	const pull = pulled ? 'pulled by this experiment' : installed ? 'installed' : `pull ${size > 0 ? `${(size / 1e9).toFixed(1)} GB` : '(size unknown)'}`;
	const lines = [`Round 1: ${policy.roundOne}, ${why}; ${pull}.`];
	// The ladder's "fits RAM NO" is not left without a word when that model is the one pulled.
	if (!installed && !pulled && state.machine && !candidateFacts(state, policy.roundOne).fitsRam) {
		lines.push(`${policy.roundOne} does not fit in this machine's RAM: it will run partly on the CPU, far below its expected speed.`);
	}
	const done = state.results.rounds.filter((record) => SETTLED.has(record.decision));
	const resumed = done.length > 0 || state.results.models.length > 0;
	// Only on a fresh plan: a resumed one needs its lines (at 80x24) for what is done and what comes next.
	if (!resumed) lines.push(`Measured in round 1: ${available(state, policy.roundOne).join(', ')}.`);
	const unmeasured = unmeasuredModels(state);
	if (unmeasured.length > 0) {
		const them = unmeasured.length === 1 ? 'it' : 'them';
		lines.push(`Not measured: ${unmeasured.join(', ')}, not installed (pull ${them} first, or r: round 1).`);
	}
	lines.push(
		policy.candidates.length === 0
			? 'No escalation step on the ladder: the experiment stops after round 1.'
			: `Below ${policy.threshold.toFixed(1)}: ${policy.candidates.join(' or ')}, speed predicted first, one at a time.`,
	);
	if (done.length > 0) lines.push(`Done: round ${done.map(decided).join(' · ')}.`);
	if (resumed) lines.push(`Next: ${describeAction(nextAction({...state, planConfirmed: true}))}.`);
	return lines;
}
