// The recommendation rule as a table: measured on speed and quality, practical and installed, or
// not recommended; a better but unusable model is the ceiling.
import {describe, expect, it} from 'vitest';
import {recommendationRule, type RecommendCandidate} from '../../../source/experiment/strategy/index.js';

type Outcome = RecommendCandidate['check']['outcome'];

/** A candidate with its relative score (10 = Claude); the outcome follows the score unless given. */
const m = (model: string, score: number | null, rate: number | null, installed = true, outcome?: Outcome, reasons: string[] = []): RecommendCandidate => ({
	model,
	check: {value: score, low: score, high: score, outcome: outcome ?? (score === null ? 'inconclusive' : score >= 9 ? 'meets' : 'misses'), reasons},
	rate,
	installed,
	config: `hybrid_${model.replace(/\W/g, '')}`,
});
const Q14 = 'qwen2.5:14b';
const REFUSED = '3 of 3 markets have no judged score, so n would silently shrink: market-context: the judge failed (refusal: the judge refused)';
const NO_STOP = 'compliance fails: the trader answer for market-b has no stop-loss; the pipeline cannot use such an answer, whatever its score';

const Q32 = 'qwen2.5:32b';
const Q72 = 'qwen2.5:72b';
const L70 = 'llama3.3:70b';
const M22 = 'mistral-small:22b';

describe('recommendationRule', () => {
	const table: {
		name: string;
		models: RecommendCandidate[];
		model: string | null;
		belowThreshold: boolean;
		reason: RegExp;
		ceiling: RegExp;
		nextStep?: RegExp;
	}[] = [
		{
			name: 'the best practical installed model that meets the threshold',
			models: [m(Q32, 9.3, 16.2), m(M22, 7.4, 22)],
			model: Q32,
			belowThreshold: false,
			reason: /^qwen2\.5:32b is recommended: its trader answers reach 9\.3 relative to Claude \(threshold 9\.0; Claude = 10\), pass the pipeline's compliance checks, and it decodes at 16\.2 t\/s \(minimum 8 t\/s\), measured and installed\.$/,
			ceiling: /^qwen2\.5:32b's 9\.3 relative to Claude is the best local trader score measured here, and it is usable at 16\.2 t\/s\.$/,
			nextStep: /trifecta configs --write.*--hybrid hybrid_qwen2532b/,
		},
		{
			name: 'a higher scorer that is impractical is the ceiling, never the recommendation',
			models: [m(Q72, 10, 6.0), m(Q32, 8.7, 14.4)],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended below threshold: the best practical model scores 8\.7 relative to Claude on the trader prompt, 0\.3 short of the threshold 9\.0 \(Claude = 10\), at 14\.4 t\/s \(minimum 8 t\/s\)\.$/,
			ceiling: /^qwen2\.5:72b reaches 10\.0 relative to Claude but runs at 6\.0 t\/s \(minimum 8 t\/s\): quality is reachable, not at a usable speed on this machine\.$/,
			nextStep: /the 0\.3-point gap to the threshold/,
		},
		{
			name: 'an impractical model meeting the threshold next to a practical one that meets it too',
			models: [m(Q72, 10, 6.0), m(L70, 9.1, 8.4), m(Q32, 8.7, 14.4)],
			model: L70,
			belowThreshold: false,
			reason: /^llama3\.3:70b is recommended: its trader answers reach 9\.1/,
			ceiling: /^qwen2\.5:72b reaches 10\.0 relative to Claude but runs at 6\.0 t\/s/,
		},
		{
			name: 'a practical model that met the threshold but is no longer installed is not recommended',
			models: [m(L70, 9.1, 8.4, false), m(Q32, 8.7, 14.4)],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended below threshold/,
			ceiling: /^llama3\.3:70b scores 9\.1 relative to Claude at 8\.4 t\/s but is not installed now.*trifecta pull llama3\.3:70b/,
		},
		{
			name: 'a model compared but never benchmarked is not measured, not impractical, and not recommended',
			models: [m(M22, 9.5, null), m(Q32, 8.7, 14.4)],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended below threshold/,
			ceiling: /^mistral-small:22b scores 9\.5 relative to Claude, the best local trader score here, but its speed is not measured, so it is not recommended \(trifecta bench mistral-small:22b/,
		},
		{
			name: 'no practical model at all: nothing is recommended',
			models: [m(Q72, 9.4, 5.9), m(L70, 8.6, 6.8)],
			model: null,
			belowThreshold: false,
			reason: /^No local model is recommended: none is measured on both speed and quality, practical \(at least 8 t\/s\) and installed\.$/,
			ceiling: /^qwen2\.5:72b reaches 9\.4 relative to Claude but runs at 5\.9 t\/s/,
			nextStep: /^Keep the pipeline on Claude; no local model with a judged trader score decodes at 8 t\/s or more/,
		},
		{
			name: 'nothing scored yet',
			models: [m(Q32, null, 14.4)],
			model: null,
			belowThreshold: false,
			reason: /^No local model is recommended/,
			ceiling: /^No local model has a judged trader score relative to Claude yet, so the quality ceiling is not measured\.$/,
		},
		{
			name: 'exactly at the threshold and exactly at the minimum rate counts',
			models: [m(Q32, 9.0, 8.0)],
			model: Q32,
			belowThreshold: false,
			reason: /^qwen2\.5:32b is recommended: its trader answers reach 9\.0/,
			ceiling: /usable at 8\.0 t\/s/,
		},
		{
			name: 'a tie on score goes to the faster model',
			models: [m(L70, 9.2, 8.4), m(Q32, 9.2, 14.4)],
			model: Q32,
			belowThreshold: false,
			reason: /^qwen2\.5:32b is recommended/,
			ceiling: /^qwen2\.5:32b's 9\.2/,
		},
		{
			name: 'the judge failed on every market: nothing recommended, and speed is not blamed for it',
			models: [m(Q14, null, 38.7, true, 'inconclusive', [REFUSED]), m(Q32, null, 14.4, true, 'inconclusive', [REFUSED])],
			model: null,
			belowThreshold: false,
			reason: /^No local model is recommended/,
			ceiling: /not measured/,
			nextStep: /^Keep the pipeline on Claude; qwen2\.5:14b, qwen2\.5:32b are fast enough, but no trader answer has a judged score relative to Claude \(3 of 3 markets .*refusal.*\): judge them again \(trifecta compare qwen2\.5:14b qwen2\.5:32b\)\.$/,
		},
		{
			name: 'offline (nothing judged): the best practical model by the rubric, provisionally and labelled so',
			models: [{...m(Q14, null, 38.7, true, 'inconclusive', ['not judged against Claude: scored only by the offline rubric']), rubric: 6.1}, {...m(Q32, null, 14.4, true, 'inconclusive', ['not judged']), rubric: 8.2}, {...m(Q72, null, 5.9), rubric: 9.5}],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended provisionally: no trader answer was judged against Claude, so no model has a relative score; by the offline rubric \(a format-and-grounding check, not a judgement of quality\) its trader answers score 8\.2/,
			ceiling: /not measured/,
			nextStep: /^Judge it against Claude before switching the pipeline: with ANTHROPIC_API_KEY set, run trifecta compare qwen2\.5:32b\.$/,
		},
		{
			name: 'a compliance failure with the highest score is neither the pick nor the ceiling while a usable model exists',
			models: [m(Q14, 9.8, 38.7, true, 'misses', [NO_STOP]), m(Q32, 8.6, 14.4)],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended below threshold: the best practical model scores 8\.6/,
			ceiling: /^The best local trader score measured here is 8\.6 relative to Claude \(qwen2\.5:32b\)/,
		},
		{
			name: 'only a compliance failure is practical: below threshold, and it says why it cannot meet it',
			models: [m(Q14, 9.8, 38.7, true, 'misses', [NO_STOP])],
			model: Q14,
			belowThreshold: true,
			reason: /^qwen2\.5:14b is recommended below threshold.*fail the pipeline's compliance checks \(compliance fails: .*no stop-loss/,
			ceiling: /qwen2\.5:14b/,
		},
		{
			name: 'the best practical model is inconclusive: a provisional pick, and how to settle it',
			models: [m(Q32, 9.4, 14.4, true, 'inconclusive', ['relative 9.4 [8.1–10.7], n=12 over 3 of 3 markets, threshold 9.0', 'the interval straddles the threshold; more markets (--scenarios) would narrow it']), m(M22, 7.0, 22)],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended provisionally: the best practical model, its trader score 9\.4 relative to Claude is inconclusive against the threshold \(threshold 9\.0; Claude = 10\): the interval straddles the threshold; more markets/,
			ceiling: /inconclusive against the threshold 9\.0: whether a local model closes the gap is not settled yet/,
			nextStep: /^Settle the quality before switching the pipeline, with more markets \(trifecta run --scenarios 5\) or by judging qwen2\.5:32b again \(trifecta compare qwen2\.5:32b\)/,
		},
		{
			name: 'the ceiling is inconclusive and too slow: it is not said to miss the threshold',
			models: [m(Q32, 7.9, 14.4), m(Q72, 10.1, 5.9, true, 'inconclusive', ['the interval straddles the threshold; more markets (--scenarios) would narrow it'])],
			model: Q32,
			belowThreshold: true,
			reason: /^qwen2\.5:32b is recommended below threshold/,
			ceiling: /^qwen2\.5:72b reaches 10\.1 relative to Claude but runs at 5\.9 t\/s \(minimum 8 t\/s\): whether the best quality measured here reaches the threshold 9\.0 is not settled \(inconclusive\), and it is not at a usable speed/,
		},
		{
			name: 'below threshold, the best practical one, with the gap',
			models: [m(Q32, 8.4, 14.4), m(M22, 7.4, 22)],
			model: Q32,
			belowThreshold: true,
			reason: /8\.4 relative to Claude on the trader prompt, 0\.6 short of the threshold 9\.0/,
			ceiling: /^The best local trader score measured here is 8\.4 relative to Claude \(qwen2\.5:32b\), 0\.6 below the threshold 9\.0/,
		},
	];

	it.each(table)('$name', (row) => {
		const outcome = recommendationRule({models: row.models, threshold: 9, minRate: 8});
		expect(outcome.model).toBe(row.model);
		expect(outcome.practical).toBe(row.model === null ? null : true);
		expect(outcome.belowThreshold).toBe(row.belowThreshold);
		expect(outcome.reason).toMatch(row.reason);
		expect(outcome.ceiling).toMatch(row.ceiling);
		if (row.nextStep) expect(outcome.nextStep).toMatch(row.nextStep);
		// Never recommended: a model not benchmarked, below the minimum rate, or not installed.
		const chosen = row.models.find((entry) => entry.model === outcome.model);
		if (chosen) expect(chosen.installed && chosen.rate !== null && chosen.rate >= 8).toBe(true);
	});
});
