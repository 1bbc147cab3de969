// Section 5: can a local model match Claude here, and how fast could bigger models decode on this machine.
import {catalog, isOneAtATime} from '../../models/catalog.js';
import {ONE_AT_A_TIME_WORDS} from '../../models/tiers.js';
import type {ResultsFile} from '../../domain/schema.js';
import {NOT_MEASURED, fixed, gigabytes, percent} from '../textFormat.js';
import {predictRate, rateBytesConstant, type Measured} from '../../analysis/ratePrediction.js';
import {bandwidth, bestLocal, isSeventyB, meanEfficiency, minRate, rankModels, rateOf, sizeOf, threshold} from './facts.js';
import {mdTable} from './markdown.js';

function qualityCeiling(results: ResultsFile): string {
	const best = bestLocal(results);
	const limit = threshold(results);
	if (!best) return `No local model has a trader score relative to Claude yet: the quality ceiling is ${NOT_MEASURED}.`;
	const score = best.trader ?? 0;
	const scored = rankModels(results).filter((entry) => entry.trader !== null && sizeOf(entry.model) !== null);
	// Every model at the best score (as printed), smallest first: a tie names them all, so it agrees with any one the ceiling names.
	const tied = scored.filter((entry) => fixed(entry.trader) === fixed(score)).sort((a, b) => (sizeOf(a.model) ?? 0) - (sizeOf(b.model) ?? 0));
	const names = tied.length > 0 ? tied.map((entry) => entry.model.name).join(', ') : best.model.name;
	const parts = [`Best local trader score: ${fixed(score)} relative to Claude (${names}; Claude = 10, so the gap is ${fixed(Math.max(0, 10 - score))} points).`];
	if (limit !== null) {
		const outcome = best.check.outcome;
		parts.push(outcome === 'meets' ? `It meets the threshold of ${limit}.` : outcome === 'misses' ? `It misses the threshold of ${limit}${score < limit ? ` by ${fixed(limit - score)} points` : ''}.` : `Whether it reaches the threshold of ${limit} is inconclusive: ${best.check.reasons[0] ?? ''}.`);
	}
	const bySize = [...scored].sort((a, b) => (sizeOf(a.model) ?? 0) - (sizeOf(b.model) ?? 0));
	if (bySize.length >= 2) {
		const trend = bySize.map((entry) => `${entry.model.name} ${fixed(entry.trader)}`).join(' → ');
		const first = bySize[0]?.trader ?? 0;
		const last = bySize.at(-1)?.trader ?? 0;
		const closes = best.check.outcome === 'meets';
		// The smallest model at the best score: larger ones beyond it add no quality.
		const plateau = tied[0];
		const flatAbove = plateau !== undefined && plateau !== bySize.at(-1) && bySize.indexOf(plateau) > 0;
		const trendSentence = flatAbove
			? `The score climbs with size up to ${plateau.model.name}; the larger models score no higher than ${plateau.model.name}.`
			: closes
				? 'Size closed the gap to the threshold.'
				: last - first < 0.5
					? 'Scores barely move with size: a gap that size does not close.'
					: 'Scores rise with size but have not reached the threshold.';
		parts.push(`By size (relative to Claude): ${trend}. ${trendSentence}`);
	}
	return parts.join(' ');
}

function measuredRates(results: ResultsFile): Measured[] {
	return results.models.flatMap((model) => {
		const rate = model.speed?.evalRate.mean ?? null;
		const bytes = sizeOf(model);
		return rate !== null && rate > 0 && bytes !== null && bytes > 0 ? [{model: model.name, sizeBytes: bytes, rate}] : [];
	});
}

/**
 * The prediction the last escalation offer made for `name`: the one the user decided on (a model
 * is offered no more once pulled, so for a measured model it is the one made before its pull).
 */
function offeredPrediction(results: ResultsFile, name: string): {rate: number; low: number; high: number} | null {
	for (const round of [...results.rounds].reverse()) {
		const found = round.predictions?.find((prediction) => prediction.model === name);
		if (found) return found;
	}
	return null;
}

/**
 * The 70B-class table: ceiling, the rate the escalation offer predicted before the pull (or,
 * for a model never offered, one predicted now from the rates measured, labelled so), and the
 * rate measured.
 */
function bandwidthCeiling(results: ResultsFile): string {
	const bw = bandwidth(results);
	const efficiency = meanEfficiency(results);
	const floor = minRate(results);
	const measured = measuredRates(results);
	const sizes = new Map<string, number>();
	for (const entry of catalog) if (isOneAtATime(entry.name, entry.sizeBytes)) sizes.set(entry.name, entry.sizeBytes);
	for (const model of results.models) if (isSeventyB(model)) sizes.set(model.name, sizeOf(model) ?? 0);
	const rows = [...sizes].map(([name, bytes]) => {
		const ceiling = bw === null ? null : (bw * 1e9) / bytes;
		const offered = offeredPrediction(results, name);
		const now = predictRate(measured.filter((entry) => entry.model !== name), bytes, bw);
		const predicted = offered ?? (now === null ? null : {rate: now.rate, low: now.range[0], high: now.range[1]});
		const rate = results.models.find((model) => model.name === name)?.speed?.evalRate.mean ?? null;
		const range = predicted === null ? NOT_MEASURED : `${fixed(predicted.rate)} (${fixed(predicted.low)}–${fixed(predicted.high)}) ${offered ? 'at the offer' : 'from the rates measured now'}`;
		const practical = floor === null ? NOT_MEASURED : rate !== null ? (rate >= floor ? 'yes (measured)' : 'no (measured)') : predicted === null ? NOT_MEASURED : predicted.rate >= floor ? 'likely' : 'unlikely';
		return [name, gigabytes(bytes), ceiling === null ? NOT_MEASURED : fixed(ceiling), range, rate === null ? NOT_MEASURED : fixed(rate), practical];
	});
	const parts = [
		`Decode is memory-bandwidth bound, so rate x model bytes is about constant on one machine: each ${ONE_AT_A_TIME_WORDS} rate is predicted from the other models measured here (the largest weighs most)${bw === null ? '' : `, and capped by the ceiling t/s = ${bw} GB/s / model bytes`}. "at the offer" is the prediction the escalation offer showed before the pull, the one the decision was made on. Measured efficiency: ${percent(efficiency)} of the ceiling (mean over the benchmarked models).`,
		mdTable([`${ONE_AT_A_TIME_WORDS} model`, 'size GB', 'ceiling t/s', 'predicted t/s (range)', 'measured t/s', `practical (>= ${floor ?? '?'} t/s)`], rows),
	];
	const constant = rateBytesConstant(measured);
	if (floor !== null && (bw !== null || constant !== null)) {
		const atCeiling = bw === null ? null : bw / floor;
		const atMeasured = constant === null ? null : constant / floor / 1e9;
		// The ceiling is a hard bound; the measured constant is a trend (±20 %), which a measured rate overrules.
		const beyond = atMeasured === null ? [] : results.models.filter((model) => (sizeOf(model) ?? 0) > atMeasured * 1e9 && (rateOf(model) ?? 0) >= floor);
		const sentences = [];
		if (atCeiling !== null) sentences.push(`To decode at ${floor} t/s a model must weigh at most ${fixed(atCeiling)} GB at the bandwidth ceiling: larger local models cannot be practical on this machine, whatever their quality.`);
		if (atMeasured !== null) {
			sentences.push(
				`At the rates measured here, models above about ${fixed(atMeasured)} GB are likely below ${floor} t/s` +
					(beyond.length === 0 ? '.' : `; the trend is not a bound: ${beyond.map((model) => `${model.name} (${gigabytes(sizeOf(model) ?? 0)} GB) measured ${fixed(rateOf(model))} t/s`).join(', ')}.`),
			);
		}
		parts.push(sentences.join(' '));
	}
	if (bw === null) parts.push(`Memory bandwidth is ${NOT_MEASURED} (pass --bandwidth), so the hard ceiling is not shown.`);
	return parts.join('\n\n');
}

export function formatCeilingSection(results: ResultsFile): string {
	const ceilingRounds = results.rounds.filter((round) => round.decision === 'ceiling');
	// The ceiling sentence stored with the recommendation leads, word for word as every screen shows it.
	const stated = results.recommendation?.ceiling ? [`**Ceiling:** ${results.recommendation.ceiling}`] : [];
	// Files from before the stored sentence existed still show what their rounds recorded.
	const recorded = stated.length > 0 ? [] : ceilingRounds.map((round) => `Recorded in round ${round.round}: ${round.reason}`);
	return [...stated, qualityCeiling(results), bandwidthCeiling(results), ...recorded].join('\n\n');
}
