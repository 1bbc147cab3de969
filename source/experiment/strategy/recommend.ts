// The final word, as one pure rule: the hybrid configs go to the best model that is measured on
// speed and quality, practical and installed; a higher scorer that is impractical (or gone, or
// never benchmarked) is the quality ceiling, never the recommendation. Three sentences come out
// (recommendation, ceiling, next step) and every surface shows them verbatim.
import type {ResultsFile, ScoredResponse, ThresholdCheck} from '../../domain/schema.js';
import {configNames} from '../../output/configs/naming.js';
import {isInstalled, meanRate, modelResult, relativeText, thresholdOf} from './evidence.js';
import {settleAdvice} from './offer.js';
import type {FinalRecommendation, StrategyState} from './types.js';
import {ONE_AT_A_TIME_WORDS} from '../../models/tiers.js';

export type RecommendCandidate = {
	model: string;
	/** The model's threshold verdict: its relative trader score (null when not judged), outcome and reasons. */
	check: Pick<ThresholdCheck, 'value' | 'low' | 'high' | 'outcome' | 'reasons'>;
	/** The offline rubric's trader score (a format-and-grounding check): read only when no model was judged at all. */
	rubric?: number | null;
	/** Mean decode rate; null when never benchmarked ("not measured", never "impractical"). */
	rate: number | null;
	installed: boolean;
	/** The hybrid config the pipeline would select (hybrid_qwen32); null when it cannot be named. */
	config: string | null;
};

export type RecommendInput = {
	models: RecommendCandidate[];
	threshold: number;
	minRate: number;
	/** Market scenarios per prompt, for the "more markets" advice. */
	scenarios?: number;
};

export type RecommendOutcome = Omit<FinalRecommendation, 'record'> & {
	/** The best-scoring local model, the ceiling the sentence speaks of; null when nothing is scored. */
	ceilingModel: string | null;
};

type Scored = RecommendCandidate & {score: number};

const f1 = (value: number) => value.toFixed(1);

/** An answer the pipeline cannot use is no ceiling and no pick while a usable one exists. */
function compliant(entry: RecommendCandidate): boolean {
	return !entry.check.reasons.some((reason) => reason.startsWith('compliance fails'));
}

function byQualityThenSpeed(a: Scored, b: Scored): number {
	return Number(compliant(b)) - Number(compliant(a)) || b.score - a.score || (b.rate ?? 0) - (a.rate ?? 0);
}

/** The reasons of a check without the sentence that only restates its score. */
function whyNot(entry: RecommendCandidate): string {
	const reasons = entry.check.reasons.filter((reason) => !reason.startsWith('relative '));
	return (reasons.length > 0 ? reasons : entry.check.reasons).join('; ');
}

function rel(entry: RecommendCandidate): string {
	return relativeText({...entry.check, basis: 'relative', threshold: 0});
}

function ceilingSentence(best: Scored | undefined, chosen: Scored | undefined, input: RecommendInput): string {
	const {threshold, minRate} = input;
	if (best === undefined) return 'No local model has a judged trader score relative to Claude yet, so the quality ceiling is not measured.';
	const reaches = best.check.outcome === 'meets';
	if (best.rate === null) {
		return `${best.model} scores ${rel(best)}, the best local trader score here, but its speed is not measured, so it is not recommended (trifecta bench ${best.model} measures it).`;
	}
	if (best.rate < minRate) {
		const quality = reaches
			? 'quality is reachable,'
			: best.check.outcome === 'inconclusive'
				? `whether the best quality measured here reaches the threshold ${f1(threshold)} is not settled (inconclusive), and it is`
				: `the best quality measured here does not reach the threshold ${f1(threshold)} (${best.check.outcome}), and`;
		return `${best.model} reaches ${rel(best)} but runs at ${f1(best.rate)} t/s (minimum ${minRate} t/s): ${quality} not at a usable speed on this machine.`;
	}
	if (!best.installed && best.model !== chosen?.model) {
		return `${best.model} scores ${rel(best)} at ${f1(best.rate)} t/s but is not installed now (deleted to make room for another ${ONE_AT_A_TIME_WORDS} model): pull it again (trifecta pull ${best.model}) to use it.`;
	}
	if (reaches) return `${best.model}'s ${rel(best)} is the best local trader score measured here, and it is usable at ${f1(best.rate)} t/s.`;
	if (best.check.outcome === 'inconclusive') return `The best local trader score measured here is ${rel(best)} (${best.model}), inconclusive against the threshold ${f1(threshold)}: whether a local model closes the gap is not settled yet.`;
	return `The best local trader score measured here is ${rel(best)} (${best.model}), ${f1(Math.max(0, threshold - best.score))} below the threshold ${f1(threshold)}: no local model measured on this machine closes the gap.`;
}

/** Why nothing could be recommended, in the terms of what is actually missing: never speed for a quality gap. */
function nothingHint(input: RecommendInput, scored: Scored[]): string {
	const {minRate} = input;
	const unbenched = scored.filter((entry) => entry.rate === null).map((entry) => entry.model);
	if (unbenched.length > 0) return `benchmark the models with no speed yet (trifecta bench ${unbenched.join(' ')}) and run again.`;
	const missing = scored.filter((entry) => entry.rate !== null && entry.rate >= minRate && !entry.installed).map((entry) => entry.model);
	if (missing.length > 0) return `pull ${missing.join(', ')} again (trifecta pull) and run again.`;
	if (scored.length > 0) return `no local model with a judged trader score decodes at ${minRate} t/s or more on this machine.`;
	const fast = input.models.filter((entry) => entry.rate !== null && entry.rate >= minRate && entry.installed);
	const why = fast[0]?.check.reasons[0];
	const names = fast.map((entry) => entry.model);
	return fast.length > 0
		? `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} fast enough, but no trader answer has a judged score relative to Claude${why ? ` (${why})` : ''}: judge them again (trifecta compare ${names.join(' ')}).`
		: 'no local model has both a speed and a judged trader score yet: run the comparison and the benchmark (trifecta run).';
}

/**
 * No model was judged against Claude at all (an offline run): the best practical installed model by
 * the offline rubric, recommended provisionally and labelled as such. Rubric scores are only ever
 * ranked among themselves, never with judged ones.
 */
function offlinePick(input: RecommendInput): Omit<RecommendOutcome, 'ceiling' | 'ceilingModel'> | null {
	const {minRate} = input;
	const usable = input.models
		.filter((entry) => typeof entry.rubric === 'number' && entry.rate !== null && entry.rate >= minRate && entry.installed)
		.sort((a, b) => Number(compliant(b)) - Number(compliant(a)) || (b.rubric ?? 0) - (a.rubric ?? 0) || (b.rate ?? 0) - (a.rate ?? 0));
	const pick = usable[0];
	if (pick === undefined) return null;
	const unusable = compliant(pick) ? '' : ` Its trader answers fail the pipeline's compliance checks (${pick.check.reasons[0] ?? ''}).`;
	return {
		model: pick.model,
		practical: true,
		belowThreshold: true,
		reason: `${pick.model} is recommended provisionally: no trader answer was judged against Claude, so no model has a relative score; by the offline rubric (a format-and-grounding check, not a judgement of quality) its trader answers score ${f1(pick.rubric ?? 0)}, the best of the practical models, at ${f1(pick.rate ?? 0)} t/s (minimum ${minRate} t/s).${unusable}`,
		nextStep: `Judge it against Claude before switching the pipeline: with ANTHROPIC_API_KEY set, run trifecta compare ${pick.model}.`,
	};
}

export function recommendationRule(input: RecommendInput): RecommendOutcome {
	const {threshold, minRate} = input;
	const scored = input.models.filter((entry): entry is Scored => entry.check.value !== null).map((entry) => ({...entry, score: entry.check.value as number}));
	scored.sort(byQualityThenSpeed);
	const eligible = scored.filter((entry) => entry.rate !== null && entry.rate >= minRate && entry.installed);
	const meets = eligible.find((entry) => entry.check.outcome === 'meets');
	const chosen = meets ?? eligible[0];
	const best = scored[0];
	const ceiling = ceilingSentence(best, chosen, input);
	const ceilingModel = best?.model ?? null;
	if (chosen === undefined && scored.length === 0) {
		const offline = offlinePick(input);
		if (offline !== null) return {...offline, ceiling, ceilingModel};
	}
	if (chosen === undefined) {
		return {
			model: null,
			practical: null,
			belowThreshold: false,
			reason: `No local model is recommended: none is measured on both speed and quality, practical (at least ${minRate} t/s) and installed.`,
			ceiling,
			nextStep: `Keep the pipeline on Claude; ${nothingHint(input, scored)}`,
			ceilingModel,
		};
	}
	const rate = f1(chosen.rate ?? 0);
	const config = chosen.config ?? `the hybrid config for ${chosen.model}`;
	const limits = `threshold ${f1(threshold)}; Claude = 10`;
	if (meets) {
		return {
			model: chosen.model,
			practical: true,
			belowThreshold: false,
			reason: `${chosen.model} is recommended: its trader answers reach ${rel(chosen)} (${limits}), pass the pipeline's compliance checks, and it decodes at ${rate} t/s (minimum ${minRate} t/s), measured and installed.`,
			ceiling,
			nextStep: acceptedNextStep(config, false),
			ceilingModel,
		};
	}
	if (chosen.check.outcome === 'inconclusive') {
		return {
			model: chosen.model,
			practical: true,
			belowThreshold: true,
			reason: `${chosen.model} is recommended provisionally: the best practical model, its trader score ${rel(chosen)} is inconclusive against the threshold (${limits}): ${whyNot(chosen)}; at ${rate} t/s (minimum ${minRate} t/s).`,
			ceiling,
			nextStep: `Settle the quality before switching the pipeline, ${settleAdvice(chosen.model, input.scenarios)}; keep Claude for the trader meanwhile.`,
			ceilingModel,
		};
	}
	const gap = f1(Math.max(0, threshold - chosen.score));
	const unusable = compliant(chosen) ? '' : ` Its trader answers fail the pipeline's compliance checks (${chosen.check.reasons[0] ?? ''}), so it cannot meet the threshold whatever its score.`;
	return {
		model: chosen.model,
		practical: true,
		belowThreshold: true,
		reason: `${chosen.model} is recommended below threshold: the best practical model scores ${rel(chosen)} on the trader prompt, ${gap} short of the threshold ${f1(threshold)} (Claude = 10), at ${rate} t/s (minimum ${minRate} t/s).${unusable}`,
		ceiling,
		nextStep: `Run one full analysis with --hybrid ${config} and score it against all_cloud: the ${gap}-point gap to the threshold is what that run should confirm or refute; keep Claude for deep reasoning meanwhile.`,
		ceilingModel,
	};
}

/** The next step for a model that met the threshold; once the configs are in the pipeline, writing them is done. */
function acceptedNextStep(config: string, patched: boolean): string {
	const run = `one full analysis with --hybrid ${config} to confirm the quality at pipeline scale.`;
	return patched ? `The configs are in the pipeline: run ${run}` : `Write the configs into the pipeline (trifecta configs --write) and run ${run}`;
}

/**
 * The stored next step once the recommended model's configs were patched into the pipeline: the
 * sentence that asked to write them says they are written. null when the stored one is another.
 */
export function nextStepOncePatched(results: ResultsFile): string | null {
	const recommendation = results.recommendation;
	if (!recommendation || recommendation.model === null) return null;
	const config = configOf(results, recommendation.model) ?? `the hybrid config for ${recommendation.model}`;
	return recommendation.nextStep === acceptedNextStep(config, false) ? acceptedNextStep(config, true) : null;
}

function rubricOf(trader: ScoredResponse | undefined): number | null {
	return trader?.status === 'ok' && trader.scoreSource !== 'judge' ? trader.score : null;
}

function configOf(results: ResultsFile, model: string): string | null {
	try {
		return configNames(model, modelResult(results, model)?.parameterSize).hybrid;
	} catch {
		// A name the configs cannot carry is said by the configs step; the sentence names the model instead.
		return null;
	}
}

/** The rule applied to the state: every measured local model, the current settings and what is installed. */
export function finalRecommendation(state: StrategyState, round: number): FinalRecommendation {
	const {results, settings, machine} = state;
	const outcome = recommendationRule({
		models: results.models.map((model) => ({
			model: model.name,
			check: thresholdOf(state, model.name),
			rubric: rubricOf(model.reasoning?.trader),
			rate: meanRate(results, model.name),
			installed: isInstalled(machine, model.name),
			config: configOf(results, model.name),
		})),
		threshold: settings.threshold,
		minRate: settings.minRate,
		...(settings.scenarios === undefined ? {} : {scenarios: settings.scenarios}),
	});
	const {ceilingModel, ...recommendation} = outcome;
	const record =
		recommendation.model !== null && !recommendation.belowThreshold
			? {round, model: recommendation.model, decision: 'recommend' as const, chosen: recommendation.model, reason: recommendation.reason}
			: {round, model: ceilingModel, decision: 'ceiling' as const, chosen: recommendation.model, reason: `${recommendation.ceiling} ${recommendation.reason}`};
	return {...recommendation, record};
}
