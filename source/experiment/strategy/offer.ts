// Which 70B-class model to offer, and the facts shown with the offer: fit in RAM and on disk,
// and the expected speed (the bandwidth-bound ceiling).
import {ESCALATION_CANDIDATES, ROUND_ONE_MODEL} from '../../models/catalog.js';
import {
	baselineTraderScore,
	fmt,
	isInstalled,
	isLarge,
	isPractical,
	lostPoints,
	meanRate,
	pipelineMinutes,
	sizeOf,
	traderDimensions,
	traderScore,
} from './evidence.js';
import type {CandidateFacts, EscalationOffer, StrategyState} from './types.js';

const SAME_FAMILY = 'qwen2.5:72b';
const OTHER_FAMILY = 'llama3.3:70b';
const SMALL_STEP = 'qwen2.5:14b';
/** The GPU may wire about 75 % of unified memory by default on Apple silicon. */
const GPU_RAM_SHARE = 0.75;
const OVERHEAD = 1.1;

export function candidateFacts(state: StrategyState, model: string): CandidateFacts {
	const {results, machine, settings} = state;
	const sizeBytes = sizeOf(results, machine, model);
	const installed = isInstalled(machine, model);
	const mustDeleteFirst = installed
		? null
		: (machine?.installed.find((other) => other.name !== model && isLarge(results, machine, other.name))?.name ?? null);
	const freed = mustDeleteFirst === null ? 0 : sizeOf(results, machine, mustDeleteFirst);
	const fitsDisk = installed
		? true
		: machine?.modelsDiskFreeBytes === null || machine === null
			? null
			: machine.modelsDiskFreeBytes + freed >= sizeBytes * OVERHEAD;
	const ceilingRate =
		machine?.bandwidthGBs && sizeBytes > 0 ? (machine.bandwidthGBs * 1e9) / sizeBytes : null;
	return {
		model,
		sizeBytes,
		installed,
		fitsRam: machine === null ? true : sizeBytes * OVERHEAD <= machine.totalRamBytes * GPU_RAM_SHARE,
		fitsDisk,
		ceilingRate,
		belowMinRate: ceilingRate !== null && ceilingRate < settings.minRate,
		mustDeleteFirst,
	};
}

/** 70B-class candidates still in the ladder and not chosen in an earlier round. */
export function remainingCandidates(state: StrategyState): string[] {
	const tried = new Set(
		state.results.rounds
			.filter((record) => record.decision === 'escalate' || record.decision === 'swap')
			.map((record) => record.chosen),
	);
	return ESCALATION_CANDIDATES.filter((model) => state.settings.ladder.includes(model) && !tried.has(model));
}

/** The round-1 evidence for one family or the other, as a pick and a sentence. */
function pickFromRoundOne(state: StrategyState): {model: string; why: string} {
	const {results} = state;
	const s14 = traderScore(results, SMALL_STEP);
	const s32 = traderScore(results, ROUND_ONE_MODEL);
	const baseline = baselineTraderScore(results);
	const toClaude = baseline === null ? '' : ` towards Claude's ${fmt(baseline)}`;
	if (s14 !== null && s32 !== null && s32 - s14 >= 1) {
		return {
			model: SAME_FAMILY,
			why: `the 14B→32B step raised the trader score from ${fmt(s14)} to ${fmt(s32)} (+${(s32 - s14).toFixed(1)})${toClaude}, closing part of the gap, so scaling the same family is the better bet`,
		};
	}
	const lost = lostPoints(traderDimensions(results, ROUND_ONE_MODEL));
	if (lost.formatAndRisk > lost.depth) {
		const dims = lost.formatDims.length > 0 ? ` (${lost.formatDims.join(', ')})` : '';
		const step = s14 !== null && s32 !== null ? `the 14B→32B step moved the trader score only ${(s32 - s14).toFixed(1)}, and ` : '';
		return {
			model: OTHER_FAMILY,
			why: `${step}the Qwen outputs lose ${lost.formatAndRisk.toFixed(1)} points on format and risk levels${dims} against ${lost.depth.toFixed(1)} on depth, so another family is worth trying`,
		};
	}
	return {
		model: SAME_FAMILY,
		why: `the 32B loses most of its points on depth (${lost.depth.toFixed(1)} against ${lost.formatAndRisk.toFixed(1)} on format and risk levels), which more parameters of the same family address best`,
	};
}

function shortfall(state: StrategyState, model: string): string {
	const {results, settings} = state;
	const score = traderScore(results, model);
	const practical = isPractical(results, model, settings.minRate);
	if (score !== null && score >= settings.threshold && practical === false) {
		const minutes = pipelineMinutes(results, model);
		return `${model} reaches ${fmt(score)} (threshold ${fmt(settings.threshold)}) but decodes at ${(meanRate(results, model) ?? 0).toFixed(1)} t/s, below the minimum ${settings.minRate} t/s: impractical for a 12-agent pipeline${minutes === null ? '' : ` (one run ≈ ${minutes} min)`}`;
	}
	return `${model} scored ${fmt(score)} on the trader prompt, below the threshold ${fmt(settings.threshold)}`;
}

/**
 * The offer after a round that did not settle the question, or null when no 70B-class model is
 * left to try. After round 1 the pick comes from the evidence; later, the only one left.
 */
export function escalationOffer(state: StrategyState, afterRound: number, roundModel: string): EscalationOffer | null {
	const remaining = remainingCandidates(state);
	if (remaining.length === 0) return null;
	let recommended: string;
	let why: string;
	if (afterRound === 1) {
		const pick = pickFromRoundOne(state);
		recommended = remaining.includes(pick.model) ? pick.model : (remaining[0] as string);
		why = recommended === pick.model ? `recommending ${recommended}: ${pick.why}` : `recommending ${recommended}, the one not tried yet`;
	} else {
		recommended = remaining[0] as string;
		why = `${recommended} is the other 70B-class model`;
	}
	let alternative = remaining.find((model) => model !== recommended) ?? null;
	const facts = (model: string) => candidateFacts(state, model);
	// A pick that cannot fit in memory is no recommendation when the other one fits.
	if (alternative !== null && !facts(recommended).fitsRam && facts(alternative).fitsRam) {
		why = `${why}; but ${recommended} does not fit in RAM, so recommending ${alternative} instead`;
		[recommended, alternative] = [alternative, recommended];
	}
	const candidates = [recommended, ...(alternative === null ? [] : [alternative])].map(facts);
	return {
		afterRound,
		roundModel,
		recommended,
		alternative,
		reason: `${shortfall(state, roundModel)}; ${why}.`,
		candidates,
	};
}
