// The final word, as one pure rule: the hybrid configs go to the best model that is measured on
// speed and quality, practical and installed; a higher scorer that is impractical (or gone, or
// never benchmarked) is the quality ceiling, never the recommendation. Three sentences come out
// (recommendation, ceiling, next step) and every surface shows them verbatim.
import type {ResultsFile} from '../../domain/schema.js';
import {configNames} from '../../output/configs/naming.js';
import {baselineTraderScore, isInstalled, meanRate, modelResult, traderScore} from './evidence.js';
import type {FinalRecommendation, StrategyState} from './types.js';
import {ONE_AT_A_TIME_WORDS} from '../../models/tiers.js';

export type RecommendCandidate = {
	model: string;
	/** Trader quality 0-10; null when not scored. */
	score: number | null;
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
	/** Claude's trader score, for context; null when the baseline did not run. */
	baseline: number | null;
};

export type RecommendOutcome = Omit<FinalRecommendation, 'record'> & {
	/** The best-scoring local model, the ceiling the sentence speaks of; null when nothing is scored. */
	ceilingModel: string | null;
};

type Scored = RecommendCandidate & {score: number};

const f1 = (value: number) => value.toFixed(1);

function byScoreThenSpeed(a: Scored, b: Scored): number {
	return b.score - a.score || (b.rate ?? 0) - (a.rate ?? 0);
}

function ceilingSentence(best: Scored | undefined, chosen: Scored | undefined, input: RecommendInput): string {
	const {threshold, minRate} = input;
	if (best === undefined) return 'No local model has a trader score yet, so the quality ceiling is not measured.';
	const reaches = best.score >= threshold;
	if (best.rate === null) {
		return `${best.model} scores ${f1(best.score)}, the best local trader score here, but its speed is not measured, so it is not recommended (trifecta bench ${best.model} measures it).`;
	}
	if (best.rate < minRate) {
		const quality = reaches ? 'quality is reachable,' : `the best quality measured here is still below the threshold ${f1(threshold)}, and`;
		return `${best.model} reaches ${f1(best.score)} but runs at ${f1(best.rate)} t/s (minimum ${minRate} t/s): ${quality} not at a usable speed on this machine.`;
	}
	if (!best.installed && best.model !== chosen?.model) {
		return `${best.model} scores ${f1(best.score)} at ${f1(best.rate)} t/s but is not installed now (deleted to make room for another ${ONE_AT_A_TIME_WORDS} model): pull it again (trifecta pull ${best.model}) to use it.`;
	}
	if (reaches) return `${best.model}'s ${f1(best.score)} is the best local trader score measured here, and it is usable at ${f1(best.rate)} t/s.`;
	return `The best local trader score measured here is ${f1(best.score)} (${best.model}), ${f1(threshold - best.score)} below the threshold ${f1(threshold)}: no local model measured on this machine closes the gap.`;
}

export function recommendationRule(input: RecommendInput): RecommendOutcome {
	const {threshold, minRate, baseline} = input;
	const claude = baseline === null ? '' : `, Claude ${f1(baseline)}`;
	const scored = input.models.filter((entry): entry is Scored => entry.score !== null).sort(byScoreThenSpeed);
	const eligible = scored.filter((entry) => entry.rate !== null && entry.rate >= minRate && entry.installed);
	const meets = eligible.find((entry) => entry.score >= threshold);
	const chosen = meets ?? eligible[0];
	const best = scored[0];
	const ceiling = ceilingSentence(best, chosen, input);
	const ceilingModel = best?.model ?? null;
	if (chosen === undefined) {
		const unbenched = scored.filter((entry) => entry.rate === null).map((entry) => entry.model);
		const missing = scored.filter((entry) => entry.rate !== null && entry.rate >= minRate && !entry.installed).map((entry) => entry.model);
		const hint =
			unbenched.length > 0
				? `benchmark the models with no speed yet (trifecta bench ${unbenched.join(' ')}) and run again.`
				: missing.length > 0
					? `pull ${missing.join(', ')} again (trifecta pull) and run again.`
					: `no local model on this ladder decodes at ${minRate} t/s or more on this machine.`;
		return {
			model: null,
			practical: null,
			belowThreshold: false,
			reason: `No local model is recommended: none is measured on both speed and quality, practical (at least ${minRate} t/s) and installed.`,
			ceiling,
			nextStep: `Keep the pipeline on Claude; ${hint}`,
			ceilingModel,
		};
	}
	const rate = f1(chosen.rate ?? 0);
	const config = chosen.config ?? `the hybrid config for ${chosen.model}`;
	if (meets) {
		return {
			model: chosen.model,
			practical: true,
			belowThreshold: false,
			reason: `${chosen.model} is recommended: it scores ${f1(chosen.score)} on the trader prompt (threshold ${f1(threshold)}${claude}) and decodes at ${rate} t/s (minimum ${minRate} t/s), measured and installed.`,
			ceiling,
			nextStep: acceptedNextStep(config, false),
			ceilingModel,
		};
	}
	const gap = f1(threshold - chosen.score);
	return {
		model: chosen.model,
		practical: true,
		belowThreshold: true,
		reason: `${chosen.model} is recommended below threshold: the best practical model scores ${f1(chosen.score)} on the trader prompt, ${gap} short of the threshold ${f1(threshold)}${claude}, at ${rate} t/s (minimum ${minRate} t/s).`,
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
			score: traderScore(results, model.name),
			rate: meanRate(results, model.name),
			installed: isInstalled(machine, model.name),
			config: configOf(results, model.name),
		})),
		threshold: settings.threshold,
		minRate: settings.minRate,
		baseline: baselineTraderScore(results),
	});
	const {ceilingModel, ...recommendation} = outcome;
	const record =
		recommendation.model !== null && !recommendation.belowThreshold
			? {round, model: recommendation.model, decision: 'recommend' as const, chosen: recommendation.model, reason: recommendation.reason}
			: {round, model: ceilingModel, decision: 'ceiling' as const, chosen: recommendation.model, reason: `${recommendation.ceiling} ${recommendation.reason}`};
	return {...recommendation, record};
}
