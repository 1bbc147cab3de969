// Section 5: can a local model match Claude here, and how fast could bigger models decode on this machine.
import {catalog, isOneAtATime} from '../../models/catalog.js';
import {ONE_AT_A_TIME_WORDS} from '../../models/tiers.js';
import type {ResultsFile} from '../../domain/schema.js';
import {NOT_MEASURED, fixed, gigabytes, percent} from '../textFormat.js';
import {predictRate, rateBytesConstant, type Measured} from '../../analysis/ratePrediction.js';
import {bandwidth, bestLocal, isSeventyB, meanEfficiency, minRate, rankModels, sizeOf, threshold} from './facts.js';
import {mdTable} from './markdown.js';

function qualityCeiling(results: ResultsFile): string {
	const best = bestLocal(results);
	const limit = threshold(results);
	if (!best) return `No local model has a trader score relative to Claude yet: the quality ceiling is ${NOT_MEASURED}.`;
	const score = best.trader ?? 0;
	const parts = [`Best local trader score: ${fixed(score)} relative to Claude (${best.model.name}; Claude = 10, so the gap is ${fixed(Math.max(0, 10 - score))} points).`];
	if (limit !== null) {
		const outcome = best.check.outcome;
		parts.push(outcome === 'meets' ? `It meets the threshold of ${limit}.` : outcome === 'misses' ? `It misses the threshold of ${limit}${score < limit ? ` by ${fixed(limit - score)} points` : ''}.` : `Whether it reaches the threshold of ${limit} is inconclusive: ${best.check.reasons[0] ?? ''}.`);
	}
	const scored = rankModels(results).filter((entry) => entry.trader !== null && sizeOf(entry.model) !== null);
	const bySize = [...scored].sort((a, b) => (sizeOf(a.model) ?? 0) - (sizeOf(b.model) ?? 0));
	if (bySize.length >= 2) {
		const trend = bySize.map((entry) => `${entry.model.name} ${fixed(entry.trader)}`).join(' → ');
		const first = bySize[0]?.trader ?? 0;
		const last = bySize.at(-1)?.trader ?? 0;
		const closes = best.check.outcome === 'meets';
		parts.push(
			`By size (relative to Claude): ${trend}. ${closes ? 'Size closed the gap to the threshold.' : last - first < 0.5 ? 'Scores barely move with size: a gap that size does not close.' : 'Scores rise with size but have not reached the threshold.'}`,
		);
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
 * The 70B-class table: ceiling, the rate predicted from the other measured models (the same
 * prediction the escalation offer showed before the pull), and the rate measured.
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
		const predicted = predictRate(measured.filter((entry) => entry.model !== name), bytes, bw);
		const rate = results.models.find((model) => model.name === name)?.speed?.evalRate.mean ?? null;
		const range = predicted === null ? NOT_MEASURED : `${fixed(predicted.rate)} (${fixed(predicted.range[0])}–${fixed(predicted.range[1])})`;
		const practical = floor === null ? NOT_MEASURED : rate !== null ? (rate >= floor ? 'yes (measured)' : 'no (measured)') : predicted === null ? NOT_MEASURED : predicted.rate >= floor ? 'likely' : 'unlikely';
		return [name, gigabytes(bytes), ceiling === null ? NOT_MEASURED : fixed(ceiling), range, rate === null ? NOT_MEASURED : fixed(rate), practical];
	});
	const parts = [
		`Decode is memory-bandwidth bound, so rate x model bytes is about constant on one machine: each ${ONE_AT_A_TIME_WORDS} rate is predicted from the other models measured here (the largest weighs most)${bw === null ? '' : `, and capped by the ceiling t/s = ${bw} GB/s / model bytes`}. Measured efficiency: ${percent(efficiency)} of the ceiling (mean over the benchmarked models).`,
		mdTable([`${ONE_AT_A_TIME_WORDS} model`, 'size GB', 'ceiling t/s', 'predicted t/s (range)', 'measured t/s', `practical (>= ${floor ?? '?'} t/s)`], rows),
	];
	const constant = rateBytesConstant(measured);
	if (floor !== null && (bw !== null || constant !== null)) {
		const atCeiling = bw === null ? null : bw / floor;
		const atMeasured = constant === null ? null : constant / floor / 1e9;
		parts.push(
			`To decode at ${floor} t/s a model must weigh at most ` +
				[atCeiling === null ? null : `${fixed(atCeiling)} GB at the bandwidth ceiling`, atMeasured === null ? null : `${fixed(atMeasured)} GB at the rates measured here`].filter(Boolean).join(', or ') +
				': larger local models cannot be practical on this machine, whatever their quality.',
		);
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
