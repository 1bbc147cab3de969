// How a quality score is named wherever it is shown: its scorer ("judge <model>" or "rubric
// (offline)"), its interval, its score relative to Claude, and whether it is stale (scored by an older
// rubric, or judged against a baseline answer that has since changed). Stale scores are kept
// apart from fresh ones, never averaged or ranked with them.
import {formatInterval} from '../analysis/interval.js';
import {formatRelative} from '../analysis/relative.js';
import {RUBRIC_VERSION} from '../analysis/rubric.js';
import {JUDGE_PROMPT_VERSION} from '../analysis/judgePrompt.js';
import {judgeIdentity, RUBRIC_LABEL} from '../analysis/judgeIdentity.js';
import type {BaselineResult, ResultsFile, Role, ScoredResponse} from '../domain/schema.js';

export function scorerLabel(response: ScoredResponse | undefined): string {
	if (!response?.scorer) return 'rubric v1 (legacy)';
	return response.scorer.kind === 'judge' ? `judge ${response.scorer.judgeModel ?? ''}`.trim() : RUBRIC_LABEL;
}

/** Why this score is stale, or null when it is current. */
export function staleReason(response: ScoredResponse | undefined, baselineHashes: Partial<Record<string, string>> = {}): string | null {
	if (!response || response.status !== 'ok') return null;
	const scorer = response.scorer;
	if (!scorer) return 'scored before scorers were recorded';
	if (scorer.kind === 'rubric' && scorer.version !== RUBRIC_VERSION) return `rubric v${scorer.version}, current v${RUBRIC_VERSION}`;
	if (scorer.kind === 'judge') {
		if (scorer.version !== JUDGE_PROMPT_VERSION) return `judge prompt v${scorer.version}, current v${JUDGE_PROMPT_VERSION}`;
		const changed = (response.scenarios ?? []).some((s) => s.scorer?.kind === 'judge' && s.scorer.baseline !== null && baselineHashes[s.scenario] !== undefined && baselineHashes[s.scenario] !== s.scorer.baseline);
		if (changed) return 'judged against an earlier Claude answer';
	}
	return null;
}

/** "6.2 [4.1–8.3], n=3", or the bare score for one scenario. */
export function qualityText(response: ScoredResponse): string {
	if (response.score === null) return response.verdicts && response.verdicts.failed > 0 ? 'judge failed' : '–';
	return response.quality && response.quality.n > 1 ? formatInterval(response.quality) : response.score.toFixed(1);
}

/**
 * "9.6 [9.1–10.1], n=12; W/T/L 1/1/1": the relative score (10 x local / Claude, same judge calls),
 * the one figure named "relative to Claude" everywhere; "–" for a score the judge did not give.
 */
export function relativeCell(response: ScoredResponse): string {
	if (response.scoreSource !== 'judge') return '–';
	const relative = formatRelative(response.relative);
	const v = response.verdicts;
	return v ? `${relative}; W/T/L ${v.win}/${v.tie}/${v.loss}${v.failed > 0 ? ` (${v.failed} judge failed)` : ''}` : relative;
}

/** The baseline's current answer hash per scenario for one role: what a fresh verdict was judged against. */
export function baselineHashes(baseline: BaselineResult | null | undefined, role: Role): Partial<Record<string, string>> {
	const out: Partial<Record<string, string>> = {};
	for (const scenario of baseline?.reasoning[role]?.scenarios ?? []) if (scenario.answerHash) out[scenario.scenario] = scenario.answerHash;
	return out;
}

/**
 * Who scored the trader answers, in one sentence: the judge (and whether it is the baseline model,
 * which favours Claude), or the offline rubric, a format-and-grounding check. Null before any score.
 */
export function scorerNote(results: ResultsFile): string | null {
	const traders = results.models.map((model) => model.reasoning?.trader).filter((response) => response?.status === 'ok');
	const judged = traders.some((response) => response?.scorer?.kind === 'judge');
	const judge = results.baseline?.judge;
	if (judged && judge) return judge.note ?? judgeIdentity(judge.model, results.baseline?.model).note;
	if (traders.some((response) => response?.scorer?.kind === 'rubric')) return judgeIdentity(null, results.baseline?.model).note;
	return null;
}
