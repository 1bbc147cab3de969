// The final word: which model the hybrid configs should use, and the ceiling when none reaches
// the threshold. A practical model that meets the threshold always wins; an impractical one is
// only recommended with that flag and the wall time it would cost.
import {baselineTraderScore, fmt, isInstalled, isLarge, isPractical, meanRate, pipelineMinutes, traderScore} from './evidence.js';
import type {FinalRecommendation, StrategyState} from './types.js';

type Scored = {model: string; score: number; practical: boolean | null; rate: number | null};

function byScoreThenSpeed(a: Scored, b: Scored): number {
	return b.score - a.score || (b.rate ?? 0) - (a.rate ?? 0);
}

function rateText(entry: Scored): string {
	return entry.rate === null ? 'an unmeasured rate' : `${entry.rate.toFixed(1)} t/s`;
}

/** A recommended model that was deleted to make room for another 70B must be pulled again. */
function notInstalled(state: StrategyState, model: string | null): string {
	return model !== null && state.machine !== null && !isInstalled(state.machine, model)
		? ` ${model} is not installed now (deleted to make room for another 70B-class model): pull it again to use it.`
		: '';
}

export function finalRecommendation(state: StrategyState, round: number): FinalRecommendation {
	const chosen = decide(state, round);
	const extra = notInstalled(state, chosen.model);
	return extra ? {...chosen, reason: `${chosen.reason}${extra}`} : chosen;
}

function decide(state: StrategyState, round: number): FinalRecommendation {
	const {results, settings} = state;
	const scored: Scored[] = results.models
		.map((model) => ({
			model: model.name,
			score: traderScore(results, model.name),
			practical: isPractical(results, model.name, settings.minRate),
			rate: meanRate(results, model.name),
		}))
		.filter((entry): entry is Scored => entry.score !== null)
		.sort(byScoreThenSpeed);
	const baseline = baselineTraderScore(results);
	const claude = baseline === null ? '' : `, Claude ${fmt(baseline)}`;
	const meets = scored.filter((entry) => entry.score >= settings.threshold);
	const practicalMeets = meets.find((entry) => entry.practical === true);
	if (practicalMeets) {
		const reason = `${practicalMeets.model} scores ${fmt(practicalMeets.score)} on the trader prompt (threshold ${fmt(settings.threshold)}${claude}) and decodes at ${rateText(practicalMeets)} (minimum ${settings.minRate} t/s): practical for a 12-agent pipeline.`;
		return {
			model: practicalMeets.model,
			practical: true,
			reason,
			record: {round, model: practicalMeets.model, decision: 'recommend', chosen: practicalMeets.model, reason},
		};
	}
	const bestPractical = scored.find((entry) => entry.practical === true) ?? null;
	const impracticalMeets = meets[0];
	if (impracticalMeets) {
		const minutes = pipelineMinutes(results, impracticalMeets.model);
		const fallback = bestPractical
			? ` The best practical model is ${bestPractical.model} (${fmt(bestPractical.score)} at ${rateText(bestPractical)}).`
			: '';
		const reason = `${impracticalMeets.model} scores ${fmt(impracticalMeets.score)} (threshold ${fmt(settings.threshold)}${claude}) but decodes at ${rateText(impracticalMeets)}, below the minimum ${settings.minRate} t/s: IMPRACTICAL for a 12-agent pipeline${minutes === null ? '' : ` (one run ≈ ${minutes} min)`}.${fallback}`;
		return {
			model: impracticalMeets.model,
			practical: impracticalMeets.practical,
			reason,
			record: {round, model: impracticalMeets.model, decision: 'recommend', chosen: impracticalMeets.model, reason},
		};
	}
	const best = scored[0] ?? null;
	const gap = best !== null && baseline !== null ? ` (a gap of ${(baseline - best.score).toFixed(1)})` : '';
	// "Size did not close the gap" only once a 70B-class model was measured; skipping them all says nothing about size.
	const triedLarger = scored.some((entry) => isLarge(results, state.machine, entry.model));
	const size = triedLarger ? 'Size did not close the gap on this machine.' : 'No 70B-class model was measured (escalation skipped), so whether size closes the gap is not known.';
	const ceiling =
		best === null
			? `No local model has a trader score yet, so no ceiling can be stated.`
			: `Ceiling: no local model reaches the threshold ${fmt(settings.threshold)}; the best local trader score is ${fmt(best.score)} (${best.model}) against Claude's ${fmt(baseline)}${gap}. ${size}`;
	const reason = bestPractical
		? `${ceiling} Best practical model for quick reasoning: ${bestPractical.model} (${fmt(bestPractical.score)} at ${rateText(bestPractical)}); keep Claude for deep reasoning.`
		: `${ceiling} No practical local model to recommend; keep Claude.`;
	return {
		model: bestPractical?.model ?? null,
		practical: bestPractical === null ? null : true,
		reason,
		record: {round, model: best?.model ?? null, decision: 'ceiling', chosen: best?.model ?? null, reason: ceiling},
	};
}
