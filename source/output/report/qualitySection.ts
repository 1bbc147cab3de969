// Section 2: local models ranked by trader quality, each against the Claude baseline, with the
// scorer named (judge or rubric (offline)), intervals over the markets, and compliance shown
// apart. Stale scores are listed separately and never ranked.
import {formatInterval} from '../../analysis/interval.js';
import {judgeIdentity, RUBRIC_LABEL} from '../../analysis/judgeIdentity.js';
import type {ResultsFile, ScoredResponse} from '../../domain/schema.js';
import {NOT_MEASURED, baselineMissingReason, fixed} from '../textFormat.js';
import {baselineHashes, gapText, qualityText, scorerLabel, staleReason} from '../qualityFormat.js';
import {baselineScores, rankModels, relative, threshold} from './facts.js';
import {mdTable} from './markdown.js';

function vsClaude(response: ScoredResponse | undefined, score: number | null, base: number | null): string {
	if (response?.scoreSource === 'judge') return gapText(response);
	return relative(score, base);
}

function scorerIntro(results: ResultsFile): string[] {
	const sources = new Set(results.models.map((m) => m.reasoning?.trader).filter((r) => r?.status === 'ok').map((r) => scorerLabel(r)));
	const lines: string[] = [];
	if ([...sources].some((s) => s.startsWith('judge'))) {
		lines.push('Quality by a blind pairwise judge: each answer shown beside the Claude answer to the same prompt and market, asked in both orders; both scored 0-10 per criterion on an absolute scale, so quality is comparable with the threshold and Claude has its own judged score. Gap = quality minus Claude\'s on the same pairs; W/T/L = markets won, tied, lost on the criteria (a verdict that flips with the order is a tie).');
	}
	if (sources.has(RUBRIC_LABEL)) lines.push(`Quality by the ${RUBRIC_LABEL} (the offline rubric): deterministic checks of format, trade levels and grounding in the market data, not fooled by padding, repetition or bare lists of numbers; it is not a judge of reasoning, and its scores are never ranked with judged ones.`);
	const floor = results.baseline?.reasoning.trader?.noiseFloor;
	if (floor) lines.push(`Noise floor (gap of a second Claude sample to the first, same judge, trader): ${formatInterval(floor)}. A gap inside it is indistinguishable from Claude under this judge.`);
	const judge = results.baseline?.judge;
	if (judge) {
		lines.push(`Judge ${judge.model}: ${judge.calls} calls (${judge.cached} from the cache, ${judge.failed} failed pairs), cost ${judge.costUsd === null ? 'unknown' : `$${judge.costUsd.toFixed(4)}`}.`);
		lines.push(judge.note ?? judgeIdentity(judge.model, results.baseline?.model).note);
	}
	return lines;
}

export function formatQualitySection(results: ResultsFile): string {
	const base = baselineScores(results);
	const limit = threshold(results);
	const hashes = baselineHashes(results.baseline, 'trader');
	const scored = rankModels(results).filter((entry) => entry.trader !== null || entry.mean !== null);
	const stale = scored.filter((entry) => staleReason(entry.model.reasoning?.trader, hashes) !== null);
	const current = scored.filter((entry) => !stale.includes(entry));
	// One scorer per ranking: with any judged model, the ones only the rubric scored (a
	// format-and-grounding check) are listed apart, never ranked beside judged scores.
	const anyJudged = current.some((entry) => entry.model.reasoning?.trader?.scorer?.kind === 'judge');
	const apart = anyJudged ? current.filter((entry) => entry.model.reasoning?.trader?.scorer?.kind !== 'judge') : [];
	const ranked = current.filter((entry) => !apart.includes(entry));
	const parts: string[] = [];
	const missing = baselineMissingReason(results);
	const baseTrader = results.baseline?.reasoning.trader;
	parts.push(
		missing === null
			? `Claude baseline (${results.baseline?.model}): trader quality ${fixed(base.trader)}, mean quality ${fixed(base.mean)} (${scorerLabel(baseTrader)}).`
			: `Claude baseline skipped: ${missing}. Quality relative to Claude is not measured.`,
	);
	parts.push(...scorerIntro(results));
	if (ranked.length === 0 && stale.length === 0) {
		parts.push(`No local model has been scored yet: quality ${NOT_MEASURED}.`);
		return parts.join('\n\n');
	}
	const rows = ranked.map((entry, index) => {
		const trader = entry.model.reasoning?.trader;
		return [
			String(index + 1),
			entry.model.name,
			trader ? qualityText(trader) : NOT_MEASURED,
			vsClaude(trader, entry.trader, base.trader),
			fixed(entry.mean),
			relative(entry.mean, base.mean),
			trader?.compliance ? `${trader.compliance.passed}/${trader.compliance.total}` : NOT_MEASURED,
			scorerLabel(trader),
			limit === null || entry.trader === null ? NOT_MEASURED : entry.trader >= limit ? `yes (>= ${limit})` : `no (< ${limit})`,
		];
	});
	if (rows.length > 0) {
		parts.push(mdTable(['rank', 'model', 'trader quality', 'trader vs Claude', 'mean quality (bull, bear, trader)', 'mean vs Claude', 'trader compliance checks', 'scorer', 'meets threshold'], rows));
	}
	if (apart.length > 0) {
		const lines = apart.map((entry) => `- ${entry.model.name}: trader ${fixed(entry.trader)} by the ${RUBRIC_LABEL} (not ranked with judged scores; run \`trifecta compare ${entry.model.name}\` with the judge)`);
		parts.push(['Scored by the format-and-grounding check only, kept apart:', ...lines].join('\n'));
	}
	if (stale.length > 0) {
		const lines = stale.map((entry) => `- ${entry.model.name}: ${staleReason(entry.model.reasoning?.trader, hashes) ?? ''} (not ranked; run \`trifecta compare ${entry.model.name}\` again)`);
		parts.push(['Stale scores, kept apart:', ...lines].join('\n'));
	}
	return parts.join('\n\n');
}
