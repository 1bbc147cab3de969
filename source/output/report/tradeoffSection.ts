// Section 3: what each model's quality costs in speed, and whether the 70B is worth its slowdown.
import type {ResultsFile} from '../../domain/schema.js';
import {NOT_MEASURED, duration, fixed} from '../textFormat.js';
import {isSeventyB, minRate, rankModels, threshold, type RankedModel} from './facts.js';
import {mdTable} from './markdown.js';
import {ONE_AT_A_TIME_WORDS as LARGE} from '../../models/tiers.js';

function practicalCell(entry: RankedModel, floor: number | null): string {
	if (entry.model.practical === undefined) return NOT_MEASURED;
	return entry.model.practical ? 'yes' : `NO (< ${floor ?? '?'} t/s)`;
}

function verdict(results: ResultsFile): string {
	const ranked = rankModels(results).filter((entry) => entry.trader !== null);
	const big = ranked.filter((entry) => isSeventyB(entry.model));
	const small = ranked.filter((entry) => !isSeventyB(entry.model));
	const bigBest = big[0];
	const smallBest = small[0];
	if (!bigBest) return `No ${LARGE} model was scored, so the speed hit was never taken: the comparison below covers the smaller models only.`;
	if (!smallBest) return `Only ${LARGE} models were scored (${bigBest.model.name}); there is no smaller model to weigh it against.`;
	const gain = (bigBest.trader ?? 0) - (smallBest.trader ?? 0);
	const limit = threshold(results);
	const speedPart =
		bigBest.rate !== null && smallBest.rate !== null
			? `at ${fixed(bigBest.rate)} t/s against ${fixed(smallBest.rate)} t/s (${fixed(smallBest.rate / bigBest.rate)}x slower; one all-local pipeline run ≈ ${duration(bigBest.model.speed?.pipelineEstimateSeconds)} against ${duration(smallBest.model.speed?.pipelineEstimateSeconds)})`
			: 'with its speed not measured for both';
	const head = `${bigBest.model.name} scores ${fixed(bigBest.trader)} relative to Claude on the trader prompt against ${fixed(smallBest.trader)} for ${smallBest.model.name} (${gain >= 0 ? '+' : ''}${fixed(gain)} points), ${speedPart}.`;
	// "Reaches the threshold" is the outcome every surface shows, not a bare comparison of means.
	const bigPasses = bigBest.check.outcome === 'meets';
	const smallPasses = smallBest.check.outcome === 'meets';
	let call: string;
	if (gain <= 0) call = `Not worth it: the ${LARGE} model is no better than ${smallBest.model.name}.`;
	else if (smallPasses) call = `Not worth it: ${smallBest.model.name} already reaches the threshold of ${limit}.`;
	else if (bigPasses) call = `Worth it for quality: only the ${LARGE} model reaches the threshold of ${limit}.`;
	else if (gain < 0.5) call = `Not worth it: +${fixed(gain)} points does not justify the slowdown, and neither reaches the threshold${limit === null ? '' : ` of ${limit}`}.`;
	else call = `A real gain, but neither model reaches the threshold${limit === null ? '' : ` of ${limit}`}.`;
	const practical = bigBest.model.practical === false ? ` It is below the minimum rate of ${minRate(results) ?? '?'} t/s, so it is impractical for all 12 agents; the hybrid configs put it on only part of them (section 4).` : '';
	return `${head} ${call}${practical}`;
}

export function formatTradeoffSection(results: ResultsFile): string {
	const floor = minRate(results);
	const ranked = rankModels(results);
	if (ranked.length === 0) return `No model has been measured yet: speed and quality ${NOT_MEASURED}.`;
	const rows = ranked.map((entry) => [
		entry.model.name,
		entry.rate === null ? NOT_MEASURED : fixed(entry.rate),
		practicalCell(entry, floor),
		duration(entry.model.speed?.pipelineEstimateSeconds),
		entry.trader === null ? 'not judged' : `${fixed(entry.trader)} (${entry.check.outcome})`,
	]);
	const table = mdTable(['model', 'decode t/s', 'practical', 'one pipeline run, all local (est.)', 'trader relative to Claude (outcome)'], rows);
	return [
		table,
		'The wall-time estimate is about 20K output tokens of one pipeline run at the measured mean decode rate (prefill and tool latency not counted).',
		`**Is the ${LARGE} model worth the speed hit?** ${verdict(results)}`,
	].join('\n\n');
}
