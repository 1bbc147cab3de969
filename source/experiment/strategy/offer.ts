// Which model of the next escalation step to offer, what pulling it is for, and its default; with
// the facts shown before any pull: fit in RAM and on disk, the decode rate predicted from what this
// machine measured, and the bandwidth ceiling. The first model of a step measures the quality
// ceiling even when it will be slow; another of the same step is only worth a pull when it could
// become a practical pick.
import {familyOf, tierOf} from '../../models/catalog.js';
import {
	fmt,
	isInstalled,
	isLarge,
	isPractical,
	meanRate,
	pipelineMinutes,
	relativeOf,
	relativeText,
	sizeOf,
	stepOf,
	thresholdOf,
	traderLosses,
} from './evidence.js';
import {policyOf, type Policy} from './policy.js';
import {ceilingRate, predictRate, type Measured} from '../../analysis/ratePrediction.js';
import type {CandidateFacts, EscalationOffer, StrategyState} from './types.js';
import {NEVER_TWO} from '../../models/tiers.js';

/** The GPU may wire about 75 % of unified memory by default on Apple silicon. */
const GPU_RAM_SHARE = 0.75;
const OVERHEAD = 1.1;

function measuredRates(state: StrategyState): Measured[] {
	return state.results.models.flatMap((model) => {
		const rate = meanRate(state.results, model.name);
		const sizeBytes = sizeOf(state.results, state.machine, model.name);
		return rate !== null && rate > 0 && sizeBytes > 0 ? [{model: model.name, sizeBytes, rate}] : [];
	});
}

export function candidateFacts(state: StrategyState, model: string): CandidateFacts {
	const {results, machine, settings} = state;
	const sizeBytes = sizeOf(results, machine, model);
	const installed = isInstalled(machine, model);
	const mustDeleteFirst = installed || !isLarge(results, machine, model)
		? null
		: (machine?.installed.find((other) => other.name !== model && isLarge(results, machine, other.name))?.name ?? null);
	const freed = mustDeleteFirst === null ? 0 : sizeOf(results, machine, mustDeleteFirst);
	const fitsDisk = installed
		? true
		: machine?.modelsDiskFreeBytes === null || machine === null
			? null
			: machine.modelsDiskFreeBytes + freed >= sizeBytes * OVERHEAD;
	const bandwidth = machine?.bandwidthGBs ?? null;
	const ceiling = ceilingRate(bandwidth, sizeBytes);
	const prediction = predictRate(
		measuredRates(state).filter((entry) => entry.model !== model),
		sizeBytes,
		bandwidth,
	);
	return {
		model,
		sizeBytes,
		installed,
		// A served model already runs on its server: this machine's RAM says nothing about it.
		fitsRam: machine === null || machine.servedBy !== undefined ? true : sizeBytes * OVERHEAD <= machine.totalRamBytes * GPU_RAM_SHARE,
		fitsDisk,
		ceilingRate: ceiling,
		belowMinRate: ceiling !== null && ceiling < settings.minRate,
		predictedRate: prediction?.rate ?? null,
		predictedRange: prediction?.range ?? null,
		predictedPractical: prediction === null ? null : prediction.rate >= settings.minRate,
		predictedFrom: prediction === null ? null : `${prediction.basis.model} at ${prediction.basis.rate.toFixed(1)} t/s`,
		mustDeleteFirst,
	};
}

/** The policy's escalation candidates not chosen in an earlier round, lowest step first. */
export function remainingCandidates(state: StrategyState): string[] {
	const tried = new Set(
		state.results.rounds
			.filter((record) => record.decision === 'escalate' || record.decision === 'swap')
			.map((record) => record.chosen),
	);
	return policyOf(state.settings, state.results, state.machine).candidates.filter((model) => !tried.has(model));
}

/** What a sentence calls the model's tier ("70B-class"). */
function tierWords(state: StrategyState, model: string): string {
	return tierOf(model, sizeOf(state.results, state.machine, model)).words;
}

/** The largest scored ladder model of the round-one model's family that is smaller than it. */
function smallerStep(state: StrategyState, policy: Policy): string | null {
	const family = familyOf(policy.roundOne);
	const roundSize = sizeOf(state.results, state.machine, policy.roundOne);
	const steps = policy.ladder
		.filter((name) => name !== policy.roundOne && familyOf(name) === family && relativeOf(state, name) !== null)
		.filter((name) => sizeOf(state.results, state.machine, name) < roundSize)
		.sort((a, b) => sizeOf(state.results, state.machine, b) - sizeOf(state.results, state.machine, a));
	return steps[0] ?? null;
}

/** Where a raised relative score (Claude = 10) stands: a gap is said to close only when one is left. */
export function againstClaude(relative: number, threshold: number): string {
	if (fmt(relative) === fmt(10)) return ', level with Claude';
	if (relative > 10) return ', above Claude';
	return relative < threshold ? ', closing part of the gap' : '';
}

/** The round-1 evidence for scaling the same family or trying another, as a pick and a reason. */
function pickFromRoundOne(state: StrategyState, remaining: string[]): {model: string; why: string} {
	const {results} = state;
	const policy = policyOf(state.settings, state.results, state.machine);
	const roundOne = policy.roundOne;
	const same = remaining.find((name) => familyOf(name) === familyOf(roundOne));
	const other = remaining.find((name) => familyOf(name) !== familyOf(roundOne));
	if (same === undefined || other === undefined) {
		const only = (same ?? other) as string;
		return {model: only, why: `${only} is the ${remaining.length === 1 ? 'only' : 'first'} ${tierWords(state, only)} model on the ladder`};
	}
	const small = smallerStep(state, policy);
	const sSmall = small === null ? null : relativeOf(state, small);
	const sRound = relativeOf(state, roundOne);
	const step = `the ${small}→${roundOne} step`;
	if (sSmall !== null && sRound !== null && sRound - sSmall >= 1) {
		const closing = againstClaude(sRound, state.settings.threshold);
		return {
			model: same,
			why: `${step} raised the relative trader score from ${fmt(sSmall)} to ${fmt(sRound)} (+${(sRound - sSmall).toFixed(1)}; Claude = 10)${closing}, so scaling the same family is the better bet`,
		};
	}
	// Where the points are lost, in the kind of score the round was given (judged criteria, or the
	// offline rubric's dimensions), never one kind argued with the other.
	const lost = traderLosses(results, roundOne);
	const formatWords = lost.kind === 'judge' ? 'on risk management and actionability (judged against Claude)' : 'on format and risk levels (offline rubric)';
	const depthWords = lost.kind === 'judge' ? 'on thesis and consistency' : 'on depth';
	if (lost.formatAndRisk > lost.depth) {
		const dims = lost.formatDims.length > 0 && lost.kind === 'rubric' ? ` (${lost.formatDims.join(', ')})` : '';
		const moved = sSmall !== null && sRound !== null ? `${step} moved the relative trader score only ${(sRound - sSmall).toFixed(1)}, and ` : '';
		return {
			model: other,
			why: `${moved}${roundOne} loses ${lost.formatAndRisk.toFixed(1)} points ${formatWords}${dims} against ${lost.depth.toFixed(1)} ${depthWords}, so another family is worth trying`,
		};
	}
	return {
		model: same,
		why: `${roundOne} loses most of its points ${depthWords} (${lost.depth.toFixed(1)} against ${lost.formatAndRisk.toFixed(1)} ${formatWords}), which more parameters of the same family address best`,
	};
}

/** What the round fell short on: a relative score below the threshold, compliance, or evidence that cannot decide. */
function shortfall(state: StrategyState, model: string): string {
	const {results, settings} = state;
	const check = thresholdOf(state, model);
	const practical = isPractical(results, model, settings.minRate);
	if (check.outcome === 'meets' && practical === false) {
		const minutes = pipelineMinutes(results, model);
		return `${model} reaches ${relativeText(check)} (threshold ${fmt(settings.threshold)}) but decodes at ${(meanRate(results, model) ?? 0).toFixed(1)} t/s, below the minimum ${settings.minRate} t/s: impractical for a 12-agent pipeline${minutes === null ? '' : ` (one run ≈ ${minutes} min)`}`;
	}
	if (check.outcome === 'inconclusive') return `${model}'s trader quality is inconclusive: ${check.reasons.join('; ')}`;
	if (check.value === null || check.reasons.some((reason) => reason.startsWith('compliance fails'))) return `${model} misses the threshold: ${check.reasons.join('; ')}`;
	return `${model} scored ${relativeText(check)} on the trader prompt, below the threshold ${fmt(settings.threshold)}`;
}

function speedText(facts: CandidateFacts): string {
	if (facts.predictedRate === null) return facts.ceilingRate === null ? 'at an unknown speed' : `at most ${facts.ceilingRate.toFixed(1)} t/s (the bandwidth ceiling)`;
	return `at about ${facts.predictedRate.toFixed(1)} t/s here`;
}

/** What pulling the first 70B-class model is for, in one sentence. */
function firstPurpose(facts: CandidateFacts, minRate: number): string {
	if (facts.predictedPractical === false) {
		return `${facts.model} would likely run ${speedText(facts)}, below ${minRate}: this measures the quality ceiling, not a pipeline candidate.`;
	}
	if (facts.predictedPractical === true) return `${facts.model} would likely run ${speedText(facts)}, at or above ${minRate}: it could become the pipeline model.`;
	return `${facts.model} would run ${speedText(facts)}: it measures the quality ceiling, and its speed decides whether it is a pipeline candidate.`;
}

/** Why another same-size model is or is not worth a pull, in one sentence. */
function otherPurpose(facts: CandidateFacts, roundModel: string, roundMet: boolean, minRate: number): string {
	if (roundMet && facts.predictedPractical !== true) return `A swap does not help: ${facts.model} would run ${speedText(facts)}, also below ${minRate}.`;
	if (roundMet) return `${facts.model} would run ${speedText(facts)}, but ${roundModel} already measured the quality ceiling, so Skip is the default.`;
	if (facts.predictedPractical === true) return `${facts.model} would run ${speedText(facts)}, at or above ${minRate}: it could become a practical recommendation.`;
	return `${facts.model} would run ${speedText(facts)}, below ${minRate}: even at the threshold it would not be practical, so Skip records the ceiling.`;
}

function fits(facts: CandidateFacts): boolean {
	return facts.fitsRam && facts.fitsDisk !== false;
}

/**
 * The offer after a round that did not settle the question, or null when no escalation step is
 * left. After a round of a lower step the pick comes from the evidence and the predictions, and
 * escalating is the default; after a round of the same step, pulling another is the default only when it
 * could produce a practical recommendation (the first missed on quality, the other is predicted fast enough).
 */
export function escalationOffer(state: StrategyState, afterRound: number, roundModel: string): EscalationOffer | null {
	const left = remainingCandidates(state).filter((model) => model !== roundModel);
	if (left.length === 0) return null;
	// One step at a time: only the lowest escalation step left is offered.
	const step = (model: string) => stepOf(state.results, state.machine, model);
	const next = Math.min(...left.map(step));
	const remaining = left.filter((model) => step(model) === next);
	const {settings} = state;
	const facts = (model: string) => candidateFacts(state, model);
	// The first model of a step (rather than the other one of the round's own step).
	const first = step(roundModel) < next;
	let recommended: string;
	let why: string;
	if (first) {
		const pick = pickFromRoundOne(state, remaining);
		recommended = pick.model;
		why = `recommending ${recommended}: ${pick.why}`;
		const other = remaining.find((model) => model !== recommended);
		if (other !== undefined && facts(recommended).predictedPractical === false && facts(other).predictedPractical === true) {
			why = `${why}; but ${recommended} is predicted below ${settings.minRate} t/s and ${other} is not, so recommending ${other}`;
			recommended = other;
		}
	} else {
		recommended = remaining[0] as string;
		why = `${recommended} is the other ${tierWords(state, recommended)} model`;
	}
	let alternative = remaining.find((model) => model !== recommended) ?? null;
	// A pick that cannot fit in memory is no recommendation when the other one fits.
	if (alternative !== null && !facts(recommended).fitsRam && facts(alternative).fitsRam) {
		why = `${why}; but ${recommended} does not fit in RAM, so recommending ${alternative} instead`;
		[recommended, alternative] = [alternative, recommended];
	}
	const pick = facts(recommended);
	const check = thresholdOf(state, roundModel);
	const short = shortfall(state, roundModel);
	const roundMet = check.outcome === 'meets';
	const purpose = first ? firstPurpose(pick, settings.minRate) : otherPurpose(pick, roundModel, roundMet, settings.minRate);
	const worth = first || (!roundMet && pick.predictedPractical === true);
	// A round that decided nothing is no reason to download 40 GB, nor is one whose judge could not
	// judge (a miss on compliance alone says nothing about what a bigger model would score): settle it first.
	const unsettled = check.outcome === 'inconclusive' || check.judgeUsable === false;
	const defaultChoice = worth && fits(pick) && !unsettled ? 'accept' : 'skip';
	const room = pick.mustDeleteFirst === null ? '' : ` Pulling ${recommended} first deletes ${pick.mustDeleteFirst} (${NEVER_TWO}; its measurements stay).`;
	const unfit = fits(pick) ? '' : ` ${recommended} does not fit ${pick.fitsRam ? 'on disk' : 'in RAM'}, so Skip is the default.`;
	const unsettledWhy = check.outcome === 'inconclusive' ? 'The round is inconclusive' : `The judge could not judge this round (${check.reasons.slice(1).join('; ')})`;
	const settle = unsettled ? ` ${unsettledWhy}, so Skip is the default: settle it before any 70B pull, ${settleAdvice(roundModel, state.settings.scenarios)}.` : '';
	return {
		afterRound,
		roundModel,
		recommended,
		alternative,
		reason: `${short}; ${why}. ${purpose}${room}${unfit}${settle}${state.machine?.servedBy ? ` Both are served by ${state.machine.servedBy}: nothing is pulled; serving another model is done on the server.` : ''}`,
		shortfall: `${short}.`,
		candidates: [recommended, ...(alternative === null ? [] : [alternative])].map(facts),
		defaultChoice,
		roundCheck: check,
	};
}

/** How to settle an inconclusive score: more markets narrow the interval, a new judgement replaces failed or stale ones. */
export function settleAdvice(model: string, scenarios: number | undefined): string {
	const more = Math.max(5, (scenarios ?? 3) + 2);
	return `with more markets (trifecta run --scenarios ${more}) or by judging ${model} again (trifecta compare ${model})`;
}
