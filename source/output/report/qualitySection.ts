// Section 2: local models ranked by their trader quality relative to Claude (10 x local / Claude on
// the same judge calls, with its 95 % interval), each with its outcome against the threshold and
// why, the absolute judged scores beside it and compliance apart. Scores of the offline rubric (a
// format-and-grounding check) and stale scores are listed separately and never ranked with them.
import {formatInterval} from '../../analysis/interval.js';
import {judgeIdentity, RUBRIC_LABEL} from '../../analysis/judgeIdentity.js';
import type {ResultsFile} from '../../domain/schema.js';
import {NOT_MEASURED, baselineMissingReason, fixed} from '../textFormat.js';
import {baselineHashes, qualityText, scorerLabel, staleReason} from '../qualityFormat.js';
import {baselineScores, rankModels, relativeText, threshold, type RankedModel} from './facts.js';
import {mdTable} from './markdown.js';

function percent(share: number | null | undefined): string {
	return share === null || share === undefined ? NOT_MEASURED : `${Math.round(share * 100)} %`;
}

function scorerIntro(results: ResultsFile, limit: number | null): string[] {
	const lines: string[] = [
		`Relative score = 10 × local / Claude, both judged in the same calls (both orders, same markets), with its 95 % interval over the paired scores (n = markets × criteria); 10 means as good as Claude. The threshold${limit === null ? '' : ` ${limit.toFixed(1)}`} applies to it. ` +
			'Outcome: meets (the trader answers pass the pipeline\'s compliance checks and the whole interval reaches the threshold), misses (the whole interval is below, or compliance fails), or inconclusive (the interval straddles the threshold, the judge failed on some markets, or its verdicts follow the order rather than the answers). The absolute judged scores stay beside it.',
	];
	const floor = results.baseline?.reasoning.trader?.noiseFloor;
	if (floor) lines.push(`Noise floor (a second Claude sample judged against the first, trader, absolute difference): ${formatInterval(floor)}.`);
	const judge = results.baseline?.judge;
	if (judge) {
		lines.push(`Judge ${judge.model}: ${judge.calls} calls (${judge.cached} from the cache, ${judge.failed} failed pairs), cost ${judge.costUsd === null ? 'unknown' : `$${judge.costUsd.toFixed(4)}`}.`);
		lines.push(judge.note ?? judgeIdentity(judge.model, results.baseline?.model).note);
	}
	return lines;
}

function judgedRow(entry: RankedModel, index: number): string[] {
	const trader = entry.model.reasoning?.trader;
	const {check} = entry;
	return [
		String(index + 1),
		entry.model.name,
		relativeText(check),
		String(check.n ?? 0),
		check.outcome,
		trader ? qualityText(trader) : NOT_MEASURED,
		trader?.compliance ? `${trader.compliance.passed}/${trader.compliance.total}` : NOT_MEASURED,
		percent(check.flipRate),
		scorerLabel(trader),
	];
}

export function formatQualitySection(results: ResultsFile): string {
	const base = baselineScores(results);
	const limit = threshold(results);
	const hashes = baselineHashes(results.baseline, 'trader');
	const measured = rankModels(results).filter((entry) => entry.model.reasoning?.trader !== undefined);
	const stale = measured.filter((entry) => staleReason(entry.model.reasoning?.trader, hashes) !== null);
	const fresh = measured.filter((entry) => !stale.includes(entry));
	const judged = fresh.filter((entry) => (entry.model.reasoning?.trader?.scorer?.kind ?? entry.model.reasoning?.trader?.scoreSource) === 'judge');
	const rubric = fresh.filter((entry) => !judged.includes(entry));
	const parts: string[] = [];
	const missing = baselineMissingReason(results);
	const baseTrader = results.baseline?.reasoning.trader;
	parts.push(
		missing === null
			? `Claude baseline (${results.baseline?.model}): relative score 10 by definition; absolute trader quality ${fixed(base.trader)} (${scorerLabel(baseTrader)}).`
			: `Claude baseline skipped: ${missing}. Quality relative to Claude is not measured.`,
	);
	parts.push(...scorerIntro(results, limit));
	if (measured.length === 0) {
		parts.push(`No local model has been scored yet: quality ${NOT_MEASURED}.`);
		return parts.join('\n\n');
	}
	if (judged.length > 0) {
		parts.push(mdTable(['rank', 'model', 'trader relative to Claude [95 %]', 'n', 'outcome', 'trader absolute (judged)', 'compliance checks', 'order flips', 'scorer'], judged.map(judgedRow)));
		const why = judged.filter((entry) => entry.check.outcome !== 'meets').map((entry) => `- ${entry.model.name}: ${entry.check.outcome}: ${entry.check.reasons.join('; ')}.`);
		if (why.length > 0) parts.push(['Why not "meets":', ...why].join('\n'));
	} else {
		parts.push('No trader answer was judged against Claude, so no model has a relative score and none can meet the threshold.');
	}
	if (rubric.length > 0) {
		const rows = rubric.map((entry) => {
			const trader = entry.model.reasoning?.trader;
			return [entry.model.name, trader ? qualityText(trader) : NOT_MEASURED, trader?.compliance ? `${trader.compliance.passed}/${trader.compliance.total}` : NOT_MEASURED];
		});
		parts.push(
			`Scored only by the ${RUBRIC_LABEL} (the offline rubric, not a judgement of quality): not ranked with the judged scores, and the threshold does not apply to it.`,
			mdTable(['model', 'trader rubric score', 'compliance checks'], rows),
		);
	}
	if (stale.length > 0) {
		const lines = stale.map((entry) => `- ${entry.model.name}: ${staleReason(entry.model.reasoning?.trader, hashes) ?? ''} (not ranked; run \`trifecta compare ${entry.model.name}\` again)`);
		parts.push(['Stale scores, kept apart:', ...lines].join('\n'));
	}
	return parts.join('\n\n');
}
