// Section 5: can a local model match Claude here, and how fast could bigger models decode on this machine.
import {catalog, isSeventyBClass} from '../../models/catalog.js';
import type {ResultsFile} from '../schema.js';
import {NOT_MEASURED, fixed, gigabytes, percent} from '../textFormat.js';
import {bandwidth, baselineScores, bestLocal, isSeventyB, meanEfficiency, minRate, sizeOf, threshold} from './facts.js';
import {mdTable} from './markdown.js';

function qualityCeiling(results: ResultsFile): string {
	const best = bestLocal(results);
	const base = baselineScores(results);
	const limit = threshold(results);
	if (!best) return `No local model has a trader score yet: the quality ceiling is ${NOT_MEASURED}.`;
	const parts = [`Best local trader score: ${fixed(best.trader)} (${best.model.name}).`];
	parts.push(base.trader === null ? 'Claude baseline: not measured, so the gap to Claude is unknown.' : `Claude baseline: ${fixed(base.trader)}; gap ${fixed(base.trader - (best.trader ?? 0))} points.`);
	if (limit !== null) parts.push((best.trader ?? 0) >= limit ? `It reaches the threshold of ${limit}.` : `It stays below the threshold of ${limit} by ${fixed(limit - (best.trader ?? 0))} points.`);
	const scored = results.models.filter((model) => model.reasoning?.trader?.score !== null && model.reasoning?.trader?.score !== undefined && sizeOf(model) !== null);
	const bySize = [...scored].sort((a, b) => (sizeOf(a) ?? 0) - (sizeOf(b) ?? 0));
	if (bySize.length >= 2) {
		const trend = bySize.map((model) => `${model.name} ${fixed(model.reasoning?.trader?.score)}`).join(' → ');
		const first = bySize[0]?.reasoning?.trader?.score ?? 0;
		const last = bySize.at(-1)?.reasoning?.trader?.score ?? 0;
		const closes = limit !== null && (best.trader ?? 0) >= limit;
		parts.push(
			`By size: ${trend}. ${closes ? 'Size closed the gap to the threshold.' : last - first < 0.5 ? 'Scores barely move with size: a gap that size does not close.' : 'Scores rise with size but have not reached the threshold.'}`,
		);
	}
	return parts.join(' ');
}

function bandwidthCeiling(results: ResultsFile): string {
	const bw = bandwidth(results);
	if (bw === null) return `Memory bandwidth is ${NOT_MEASURED} (pass --bandwidth), so the decode ceiling for bigger models cannot be computed.`;
	const efficiency = meanEfficiency(results);
	const floor = minRate(results);
	const sizes = new Map<string, number>();
	for (const entry of catalog) if (isSeventyBClass(entry.sizeBytes)) sizes.set(entry.name, entry.sizeBytes);
	for (const model of results.models) if (isSeventyB(model)) sizes.set(model.name, sizeOf(model) ?? 0);
	const rows = [...sizes].map(([name, bytes]) => {
		const ceiling = (bw * 1e9) / bytes;
		const expected = efficiency === null ? null : ceiling * efficiency;
		const measured = results.models.find((model) => model.name === name)?.speed?.evalRate.mean ?? null;
		return [name, gigabytes(bytes), fixed(ceiling), expected === null ? NOT_MEASURED : fixed(expected), measured === null ? NOT_MEASURED : fixed(measured), floor === null || expected === null ? NOT_MEASURED : expected >= floor ? 'yes' : 'no'];
	});
	const parts = [
		`Decode is memory-bandwidth bound: ceiling t/s = ${bw} GB/s / model bytes. Measured efficiency on this machine: ${percent(efficiency)} of the ceiling (mean over the benchmarked models).`,
		mdTable(['70B-class model', 'size GB', 'ceiling t/s', 'expected t/s at measured efficiency', 'measured t/s', `practical (>= ${floor ?? '?'} t/s)`], rows),
	];
	if (floor !== null) {
		const atCeiling = bw / floor;
		const atEfficiency = efficiency === null ? null : (bw * efficiency) / floor;
		parts.push(
			`To decode at ${floor} t/s a model must weigh at most ${fixed(atCeiling)} GB at the bandwidth ceiling` +
				`${atEfficiency === null ? '' : `, or ${fixed(atEfficiency)} GB at the measured efficiency`}: larger local models cannot be practical on this machine, whatever their quality.`,
		);
	}
	return parts.join('\n\n');
}

export function formatCeilingSection(results: ResultsFile): string {
	const ceilingRounds = results.rounds.filter((round) => round.decision === 'ceiling');
	return [qualityCeiling(results), bandwidthCeiling(results), ...ceilingRounds.map((round) => `Recorded in round ${round.round}: ${round.reason}`)].join('\n\n');
}
