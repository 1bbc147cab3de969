// What a risk desk checks before an order goes out (docs/reference/judging.md §5): the stop on the
// right side and within a plausible distance of the price, reward/risk at least 1, and a position
// size within a cap. Every check says why it passed or failed.
import type {ResponseMetrics} from '../domain/schema.js';
import {findLastPrice} from './grounding.js';

/** Stop distance outside 0.5-4 ATR is implausible (a convention; chartmill suggests 2-3 ATR). */
export const STOP_ATR = {min: 0.5, max: 4} as const;
/** Without an ATR in the context: 0.5 %-15 % of the price. */
export const STOP_PCT = {min: 0.005, max: 0.15} as const;
export const MIN_REWARD_RISK = 1;
/** A single position above this share of the portfolio is not a sized position. */
export const MAX_POSITION_PCT = 20;

/** An entry further than this many ATR from the last price is not an order for this market. */
export const ENTRY_MAX_ATR = 3;
/** Without an ATR in the context: the entry within this share of the last price. */
export const ENTRY_MAX_PCT = 0.05;
/** A stop or target further than this share of the last price is not a level in this market. */
export const LEVEL_MAX_PCT = 0.35;

export type RiskCheck = {id: 'stopSide' | 'stopDistance' | 'rewardRisk' | 'sizeCap'; pass: boolean | null; note: string};

/** "ATR(14): $5.12" in the context. */
export function findAtr(context: string): number | null {
	const match = /\bATR\b(?:\s*\(\d+\))?[^\d$\n]{0,12}\$?\s?(\d+(?:\.\d+)?)/i.exec(context);
	const value = match?.[1] ? Number(match[1]) : Number.NaN;
	return Number.isFinite(value) && value > 0 ? value : null;
}

/** The largest "N%" in the sizing phrase (the total allocation); null when none is written. */
export function sizingPercent(sizing: string | null): number | null {
	if (sizing === null) return null;
	const values = [...sizing.matchAll(/(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]));
	return values.length === 0 ? null : Math.max(...values);
}

function fmt(value: number): string {
	return value.toLocaleString('en-US', {maximumFractionDigits: 2});
}

export function riskChecks(metrics: ResponseMetrics, context: string): RiskCheck[] {
	const last = findLastPrice(context);
	const entry = metrics.entry ?? last;
	const {stopLoss: stop, target, decision} = metrics;
	const long = decision !== 'SELL';
	const checks: RiskCheck[] = [];
	if (stop === null || entry === null) {
		checks.push({id: 'stopSide', pass: false, note: 'no stop-loss to check'});
		checks.push({id: 'stopDistance', pass: false, note: 'no stop-loss to check'});
	} else {
		const rightSide = long ? stop < entry : stop > entry;
		checks.push({id: 'stopSide', pass: rightSide, note: rightSide ? `stop ${fmt(stop)} ${long ? 'below' : 'above'} entry ${fmt(entry)}` : `stop ${fmt(stop)} on the wrong side of entry ${fmt(entry)}`});
		const distance = Math.abs(entry - stop);
		const atr = findAtr(context);
		if (atr !== null) {
			const inAtr = distance / atr;
			const ok = inAtr >= STOP_ATR.min && inAtr <= STOP_ATR.max;
			checks.push({id: 'stopDistance', pass: ok, note: `stop ${inAtr.toFixed(1)} ATR from entry (plausible ${STOP_ATR.min}-${STOP_ATR.max})`});
		} else {
			const share = distance / entry;
			const ok = share >= STOP_PCT.min && share <= STOP_PCT.max;
			checks.push({id: 'stopDistance', pass: ok, note: `stop ${(share * 100).toFixed(1)}% from entry (plausible ${STOP_PCT.min * 100}-${STOP_PCT.max * 100}%)`});
		}
	}
	if (stop === null || target === null || entry === null || stop === entry) {
		checks.push({id: 'rewardRisk', pass: false, note: 'reward/risk not computable'});
	} else {
		const ratio = Math.abs(target - entry) / Math.abs(entry - stop);
		const targetSide = long ? target > entry : target < entry;
		const ok = targetSide && ratio >= MIN_REWARD_RISK;
		checks.push({id: 'rewardRisk', pass: ok, note: targetSide ? `reward/risk ${ratio.toFixed(1)} (needs >= ${MIN_REWARD_RISK})` : 'target on the wrong side of entry'});
	}
	const pct = sizingPercent(metrics.positionSizing);
	if (metrics.positionSizing === null) checks.push({id: 'sizeCap', pass: false, note: 'no position size'});
	else if (pct === null) checks.push({id: 'sizeCap', pass: true, note: 'sized without a percentage'});
	else checks.push({id: 'sizeCap', pass: pct <= MAX_POSITION_PCT, note: `${fmt(pct)}% of the portfolio (cap ${MAX_POSITION_PCT}%)`});
	return checks;
}

/**
 * Whether the levels belong to the market given (docs/reference/judging.md §5: entry within about
 * an ATR of the last close): entry within a few ATR of the last price, stop and target within a
 * third of it. Prices ten times the market's are coherent with each other and useless. Null when
 * there is no level or no last price to check.
 */
export function levelsNearPrice(metrics: Pick<ResponseMetrics, 'entry' | 'stopLoss' | 'target'>, context: string): {ok: boolean; note: string} | null {
	const last = findLastPrice(context);
	if (last === null) return null;
	const atr = findAtr(context);
	const off: string[] = [];
	if (metrics.entry !== null) {
		const gap = Math.abs(metrics.entry - last);
		const far = atr !== null ? gap > ENTRY_MAX_ATR * atr : gap > ENTRY_MAX_PCT * last;
		if (far) off.push(`entry ${fmt(metrics.entry)} is ${atr !== null ? `${(gap / atr).toFixed(0)} ATR` : `${((gap / last) * 100).toFixed(0)}%`} from the last price ${fmt(last)}`);
	}
	for (const [name, value] of [['stop', metrics.stopLoss], ['target', metrics.target]] as const) {
		if (value !== null && Math.abs(value - last) > LEVEL_MAX_PCT * last) off.push(`${name} ${fmt(value)} is ${((Math.abs(value - last) / last) * 100).toFixed(0)}% from the last price ${fmt(last)}`);
	}
	if (metrics.entry === null && metrics.stopLoss === null && metrics.target === null) return null;
	return off.length === 0 ? {ok: true, note: `levels within reach of the last price ${fmt(last)}`} : {ok: false, note: off.join('; ')};
}
