import {describe, expect, it} from 'vitest';
import {DEBATE_WEIGHTS, REFERENCE_CHARS, TRADER_WEIGHTS, relativeToBaseline, scoreResponse} from '../../source/analysis/rubric.js';

const CONTEXT = [
	'Last price: $189.48. ATR(14): $3.10. 50-day average $185.20; 200-day average $176.90. RSI(14) 61.3.',
	'Revenue (TTM) $391.0B, up 2.0%. Services revenue $96.2B, up 13.9%, gross margin 73.9%. Gross margin 46.2%.',
	'Free cash flow $108.8B; buybacks $94.9B. Trailing P/E 29.6x; forward P/E 27.1x. Mean analyst target $215.00.',
].join('\n');

const COMPLETE = [
	'**Action**: Buy',
	'',
	'**Reasoning**: At $189.48 the stock is above its 50-day ($185.20) and 200-day ($176.90) averages with RSI(14) at 61.3. Services revenue of $96.2B grew 13.9% at a 73.9% gross margin; free cash flow of $108.8B funds $94.9B of buybacks. At 27.1x forward earnings the valuation is full, so the stop is tight.',
	'',
	'**Entry Price**: $188.50',
	'**Stop Loss**: $183.90 (about 1.5x the ATR of $3.10 below entry)',
	'**Price Target**: $215.00 (the mean analyst target)',
	'**Position Sizing**: 3% of portfolio, half now and half above $195',
	'**Time Horizon**: 3-6 months',
	'',
	'FINAL TRANSACTION PROPOSAL: **BUY**',
].join('\n');

const SHORTER = [
	'**Action**: Buy',
	'**Reasoning**: The stock at $189.48 is above the 50-day average with RSI(14) at 61.3; Services grew 13.9%, free cash flow was $108.8B and buybacks $94.9B. Services could reach $120.0B next year.',
	'**Entry**: $189.00',
	'**Stop-loss**: $183.00',
	'**Target**: $210.00',
	'**Position sizing**: 1.5% of portfolio',
	'**Time horizon**: 3 months',
	'FINAL TRANSACTION PROPOSAL: **BUY**',
].join('\n');

// Reasons and a decision, but no entry, stop, target, sizing or horizon.
const DECISION_ONLY = [
	'Apple looks attractive here. The stock trades at $189.48, above its 50-day average of $185.20 and its 200-day average of $176.90, and RSI(14) at 61.3 shows healthy momentum without being overbought.',
	'The fundamentals support the move: Services revenue of $96.2B grew 13.9% at a 73.9% gross margin, which lifts the group margin, and free cash flow of $108.8B comfortably funds $94.9B of buybacks.',
	'The valuation is not cheap at 27.1x forward earnings, and growth in the hardware business is slow, but the quality of the cash flows justifies a premium. I would accumulate gradually and stay patient.',
	'The main risks are regulatory pressure on the App Store, a slowdown in China and a broader market pull-back; none of them changes the long-term picture, but they argue for building the position over time rather than all at once, and for reviewing the thesis after each quarterly report.',
	'',
	'FINAL TRANSACTION PROPOSAL: **BUY**',
].join('\n');

const VAGUE = 'Apple is a great company with loyal customers. The stock could do well over time, but investors should consider their own risk tolerance.';

function points(result: ReturnType<typeof scoreResponse>): Record<string, number> {
	return Object.fromEntries(result.dimensions.map((d) => [d.id, d.points]));
}

describe('scoreResponse: trader', () => {
	it('uses weights that sum to 10', () => {
		const sum = (weights: Record<string, number>) => Object.values(weights).reduce((a, b) => a + b, 0);
		expect(sum(TRADER_WEIGHTS)).toBe(10);
		expect(sum(DEBATE_WEIGHTS)).toBe(10);
	});

	it('gives a complete, grounded, coherent proposal of baseline length full marks', () => {
		const result = scoreResponse({role: 'trader', text: COMPLETE, context: CONTEXT, baselineChars: COMPLETE.length});
		expect(result.score).toBe(10);
		expect(result.metrics).toMatchObject({
			decision: 'BUY',
			entry: 188.5,
			stopLoss: 183.9,
			target: 215,
			positionSizing: '3% of portfolio, half now and half above $195',
			timeHorizon: '3-6 months',
			levelsCoherent: true,
			unsupported: 0,
		});
		// Ten figures in the reasoning plus the ATR and the mean target on the level lines.
		expect(result.metrics.grounded).toBe(12);
		expect(result.dimensions.every((d) => d.note.length > 0)).toBe(true);
	});

	it('scores a complete but shorter, less grounded proposal between 8 and 8.8', () => {
		const result = scoreResponse({role: 'trader', text: SHORTER, context: CONTEXT, baselineChars: COMPLETE.length});
		const p = points(result);
		// 1 of 6 checkable figures is invented ($120.0B): grounding 1.5 * 5/6; the levels are derived.
		expect(p.grounding).toBe(1.25);
		expect(result.metrics.grounded).toBe(5);
		expect(result.metrics.unsupportedExamples).toEqual(['$120.0B']);
		expect(p.depth).toBeLessThan(TRADER_WEIGHTS.depth);
		expect(result.score).toBeGreaterThanOrEqual(8);
		expect(result.score).toBeLessThanOrEqual(8.8);
	});

	it('scores a decision line without levels at 4-5', () => {
		const result = scoreResponse({role: 'trader', text: DECISION_ONLY, context: CONTEXT});
		const p = points(result);
		expect(p).toMatchObject({decision: 1.5, stopLoss: 0, target: 0, sizing: 0, horizon: 0, coherence: 0});
		expect(result.score).toBeGreaterThanOrEqual(4);
		expect(result.score).toBeLessThanOrEqual(5);
	});

	it('scores a vague answer at 2 or less', () => {
		const result = scoreResponse({role: 'trader', text: VAGUE, context: CONTEXT});
		expect(result.score).toBeLessThanOrEqual(2);
		expect(points(result).decision).toBe(0);
		expect(result.metrics.decisionNote).toBe('absent');
	});

	it('takes the coherence points when the levels sit on the wrong side', () => {
		const wrong = COMPLETE.replace('$183.90', '$199.90');
		const result = scoreResponse({role: 'trader', text: wrong, context: CONTEXT, baselineChars: COMPLETE.length});
		expect(result.metrics.levelsCoherent).toBe(false);
		expect(points(result).coherence).toBe(0);
		expect(result.score).toBe(9);
		expect(result.dimensions.find((d) => d.id === 'coherence')?.note).toBe('levels on the wrong side for BUY');
	});

	it('measures depth against the built-in reference without a baseline', () => {
		const result = scoreResponse({role: 'trader', text: COMPLETE, context: CONTEXT});
		const depth = result.dimensions.find((d) => d.id === 'depth');
		const ratio = COMPLETE.length / REFERENCE_CHARS.trader;
		// Full credit at 90 % of the reference, none at 20 %.
		expect(depth?.points).toBeCloseTo(Math.min(1, (ratio - 0.2) / 0.7) * TRADER_WEIGHTS.depth, 2);
		expect(depth?.note).toContain('reference length');
	});
});

describe('scoreResponse: bull and bear', () => {
	const bull = [
		'# Bull case',
		'',
		'The bear argues growth has stalled. I counter with the numbers, and my opponent should look again.',
		'',
		'## Evidence',
		'- Services revenue $96.2B, up 13.9%, at a 73.9% gross margin.',
		'- Free cash flow $108.8B; buybacks $94.9B.',
		'- Price $189.48 above the 50-day $185.20 and 200-day $176.90; RSI 61.3.',
		'- Forward P/E 27.1x against a mean target of $215.00.',
	].join('\n');

	it('scores depth, grounding, engagement and structure', () => {
		const result = scoreResponse({role: 'bull', text: bull, context: CONTEXT, baselineChars: bull.length});
		expect(result.dimensions.map((d) => d.id)).toEqual(['depth', 'grounding', 'engagement', 'structure']);
		expect(result.score).toBe(10);
		expect(result.metrics.engagesOpponent).toBe(true);
		expect(result.metrics.decision).toBeNull();
		// A bull quoting the analysts' target is not proposing a trade.
		expect(result.metrics.target).toBeNull();
	});

	it('loses engagement and structure for a flat monologue', () => {
		const flat = 'Services revenue $96.2B grew 13.9%. Free cash flow $108.8B. Buybacks $94.9B.';
		const result = scoreResponse({role: 'bear', text: flat, context: CONTEXT, baselineChars: bull.length});
		const p = points(result);
		expect(p.engagement).toBe(0);
		expect(p.structure).toBe(0);
		// 4 grounded figures of the 8 expected: half the grounding points.
		expect(p.grounding).toBe(1.5);
	});
});

describe('relativeToBaseline', () => {
	it('divides by the baseline score when there is one', () => {
		expect(relativeToBaseline(8.6, 10)).toBeCloseTo(0.86, 10);
		expect(relativeToBaseline(8.6, null)).toBeNull();
		expect(relativeToBaseline(8.6, 0)).toBeNull();
		expect(relativeToBaseline(null, 10)).toBeNull();
	});
});
