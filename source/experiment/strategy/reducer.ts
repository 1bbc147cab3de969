// The strategy as a pure reducer: (state, event) -> state. No I/O; timestamps come in events.
import type {ResultsFile, RoundRecord} from '../../domain/schema.js';
import type {Settings} from '../settings.js';
import {scorerId, sizeOf} from './evidence.js';
import {nextStepOncePatched} from './recommend.js';
import type {EscalationChoice, EscalationOffer, StrategyEvent, StrategyState} from './types.js';
import {NEVER_TWO} from '../../models/tiers.js';

/**
 * Decisions depend on the threshold, the minimum rate, the ladder and who scores quality;
 * measurements do not (scores by another judge are measured again, see steps.ts).
 */
export function decisionsStale(recorded: ResultsFile['settings'] | Settings, settings: Settings): boolean {
	if (recorded === null) return false;
	const recordedScorer = 'numPredict' in recorded ? scorerId(recorded) : recorded.scorer;
	return (
		(recordedScorer !== undefined && recordedScorer !== scorerId(settings)) ||
		recorded.threshold !== settings.threshold ||
		recorded.minRate !== settings.minRate ||
		(recorded.roundOne ?? null) !== settings.roundOne ||
		recorded.ladder.join(',') !== settings.ladder.join(',')
	);
}

function withoutDecisions(results: ResultsFile): ResultsFile {
	return {...results, rounds: [], recommendation: null};
}

/**
 * The state at start or on resume: measurements from the results file, decisions from its
 * rounds unless they were made under another threshold, minimum rate or ladder.
 */
export function initialState(results: ResultsFile, settings: Settings): StrategyState {
	return {
		settings,
		machine: null,
		planConfirmed: false,
		results: decisionsStale(results.settings, settings) ? withoutDecisions(results) : results,
		done: {},
		configsAnswer: null,
		configsWritten: null,
		commitPlan: null,
		commitAnswer: null,
		committed: false,
		commitError: null,
		reportWritten: null,
		canceled: null,
		failure: null,
	};
}

export function choiceRecord(offer: EscalationOffer, choice: EscalationChoice, at: string): RoundRecord {
	const predictions = offer.candidates.flatMap((candidate) =>
		candidate.predictedRate === null || candidate.predictedRange === null
			? []
			: [{model: candidate.model, rate: candidate.predictedRate, low: candidate.predictedRange[0], high: candidate.predictedRange[1], from: candidate.predictedFrom}],
	);
	const base = {round: offer.afterRound, model: offer.roundModel, at, ...(predictions.length > 0 ? {predictions} : {})};
	if (choice === 'accept') {
		return {...base, decision: 'escalate', chosen: offer.recommended, reason: `${offer.reason} Escalation to ${offer.recommended} accepted.`};
	}
	if (choice === 'swap' && offer.alternative !== null) {
		return {...base, decision: 'swap', chosen: offer.alternative, reason: `${offer.reason} Swapped to ${offer.alternative} instead.`};
	}
	return {...base, decision: 'skip', chosen: null, reason: `${offer.reason} Escalation skipped: larger models not pulled.`};
}

function addRecord(state: StrategyState, record: RoundRecord): StrategyState {
	const duplicate = state.results.rounds.some(
		(existing) => existing.round === record.round && existing.decision === record.decision && existing.model === record.model,
	);
	if (duplicate) return state;
	return {...state, results: {...state.results, rounds: [...state.results.rounds, record]}};
}

/** Keeps this session's decisions when a step hands back a fresh copy of the results file. */
function mergeResults(state: StrategyState, fresh: ResultsFile): ResultsFile {
	return {...fresh, rounds: state.results.rounds, recommendation: state.results.recommendation};
}

export function reduce(state: StrategyState, event: StrategyEvent): StrategyState {
	switch (event.type) {
		case 'preflight:done':
			return {...state, machine: event.machine};
		case 'plan:confirmed':
			return {...state, planConfirmed: true};
		case 'settings:changed': {
			const stale = decisionsStale(state.settings, event.settings);
			return {
				...state,
				settings: event.settings,
				results: stale ? withoutDecisions(state.results) : state.results,
				configsAnswer: stale ? null : state.configsAnswer,
				configsWritten: stale ? null : state.configsWritten,
				commitPlan: stale ? null : state.commitPlan,
				commitAnswer: stale ? null : state.commitAnswer,
				committed: stale ? false : state.committed,
				commitError: stale ? null : state.commitError,
				reportWritten: stale ? null : state.reportWritten,
			};
		}
		case 'step:done': {
			const machine =
				state.machine && event.pulled
					? {
							...state.machine,
							installed: [
								...state.machine.installed.filter((model) => !event.pulled?.some((pulled) => pulled.name === model.name)),
								...event.pulled,
							],
						}
					: state.machine;
			return {...state, machine, done: {...state.done, ...event.keys}, results: mergeResults(state, event.results)};
		}
		case 'step:canceled':
			return {...state, canceled: event.key, results: mergeResults(state, event.results)};
		case 'step:failed':
			return {...state, failure: {key: event.key, message: event.message}, results: mergeResults(state, event.results)};
		case 'retry':
			return {...state, canceled: null, failure: null};
		case 'decision:recorded':
			return addRecord(state, event.record);
		case 'escalation:chosen':
			return addRecord(state, choiceRecord(event.offer, event.choice, event.at));
		case 'delete:answered': {
			const size = (sizeOf(state.results, state.machine, event.model) / 1e9).toFixed(1);
			const record: RoundRecord = event.confirm
				? {
						round: event.round,
						model: event.next,
						decision: 'delete-first',
						chosen: event.next,
						reason: `${event.model} (${size} GB) is deleted before pulling ${event.next}: ${NEVER_TWO}.`,
						at: event.at,
					}
				: {
						round: event.round,
						model: event.next,
						decision: 'keep-first',
						chosen: null,
						reason: `${event.model} kept, so the pull of ${event.next} is skipped: ${NEVER_TWO}.`,
						at: event.at,
					};
			return addRecord(state, record);
		}
		case 'delete:done':
			return state.machine
				? {
						...state,
						machine: {...state.machine, installed: state.machine.installed.filter((model) => model.name !== event.model)},
					}
				: state;
		case 'recommendation:recorded': {
			const {recommendation} = event;
			const withRecord = addRecord(state, {...recommendation.record, at: event.at});
			return {
				...withRecord,
				results: {
					...withRecord.results,
					recommendation: {
						model: recommendation.model,
						practical: recommendation.practical,
						reason: recommendation.reason,
						configs: event.configs,
						belowThreshold: recommendation.belowThreshold,
						ceiling: recommendation.ceiling,
						nextStep: recommendation.nextStep,
					},
				},
			};
		}
		case 'configs:answered':
			return {...state, configsAnswer: event.answer};
		case 'configs:written': {
			const written = {...state, configsWritten: event.files, commitPlan: event.commit ?? null};
			// Every surface shows the stored sentence: it must stop asking for what was just done.
			const nextStep = event.patched ? nextStepOncePatched(state.results) : null;
			const recommendation = state.results.recommendation;
			if (nextStep === null || recommendation === null) return written;
			return {...written, results: {...state.results, recommendation: {...recommendation, nextStep}}};
		}
		case 'commit:answered':
			return {...state, commitAnswer: event.commit};
		case 'commit:done':
			return {...state, committed: true, commitError: event.error ?? null};
		case 'report:written':
			return {...state, reportWritten: event.files};
	}
}
