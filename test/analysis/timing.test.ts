import {describe, expect, it} from 'vitest';
import {criticalPathMs, experimentTimeLine, mergeSpans, overlapMs, unionMs, type TimedStep} from '../../source/analysis/timing.js';

function step(round: number, kind: TimedStep['step'], model: string | null, startMs: number, wallMs: number, extra: Partial<TimedStep> = {}): TimedStep {
	return {round, step: kind, model, startMs, wallMs, loadMs: 0, generationMs: 0, ...extra};
}

describe('time spans', () => {
	it.each([
		{spans: [], union: 0},
		{spans: [{start: 0, end: 10}], union: 10},
		{spans: [{start: 0, end: 10}, {start: 5, end: 15}], union: 15},
		{spans: [{start: 20, end: 30}, {start: 0, end: 10}], union: 20},
		{spans: [{start: 0, end: 10}, {start: 10, end: 20}], union: 20},
		{spans: [{start: 5, end: 5}], union: 0},
	])('union of $spans is $union', ({spans, union}) => {
		expect(unionMs(spans)).toBe(union);
	});

	it('merges touching and nested spans', () => {
		expect(mergeSpans([{start: 0, end: 10}, {start: 2, end: 3}, {start: 10, end: 12}])).toEqual([{start: 0, end: 12}]);
	});

	it.each([
		{a: [{start: 0, end: 10}], b: [{start: 5, end: 20}], overlap: 5},
		{a: [{start: 0, end: 10}], b: [{start: 10, end: 20}], overlap: 0},
		{a: [{start: 0, end: 10}, {start: 20, end: 30}], b: [{start: 5, end: 25}], overlap: 10},
		{a: [{start: 0, end: 100}], b: [{start: 10, end: 20}, {start: 15, end: 30}], overlap: 20},
		{a: [], b: [{start: 0, end: 5}], overlap: 0},
	])('overlap is $overlap', ({a, b, overlap}) => {
		expect(overlapMs(a, b)).toBe(overlap);
	});
});

describe('critical path', () => {
	it('is the local chain when installed models fill the pull', () => {
		const steps = [step(1, 'pull', '32b', 0, 100), step(1, 'compare', '14b', 0, 150), step(1, 'bench', '32b', 150, 30), step(1, 'compare', '32b', 180, 40)];
		expect(criticalPathMs(steps)).toBe(220);
	});

	it('is the pull plus its model\'s work when the pull is longer', () => {
		const steps = [step(1, 'pull', '72b', 0, 500), step(1, 'compare', '14b', 0, 50), step(1, 'bench', '72b', 500, 60), step(1, 'unload', '72b', 560, 1)];
		expect(criticalPathMs(steps)).toBe(561);
	});

	it('counts an installed model held behind the pull (--no-overlap, the 2x-RAM rule) on the pull\'s chain', () => {
		const allowed = [step(1, 'pull', '32b', 0, 500), step(1, 'bench', '22b', 0, 100, {heldForPull: false}), step(1, 'bench', '32b', 500, 60, {heldForPull: true})];
		expect(criticalPathMs(allowed)).toBe(560);
		const held = [step(1, 'pull', '32b', 0, 500), step(1, 'bench', '32b', 500, 60, {heldForPull: true}), step(1, 'bench', '22b', 560, 100, {heldForPull: true})];
		expect(criticalPathMs(held)).toBe(660);
	});

	it('adds rounds and the sequential actions; the baseline is off the path', () => {
		const steps = [step(1, 'compare', '14b', 0, 10), step(1, 'baseline', null, 0, 999), step(2, 'pull', '72b', 20, 40), step(2, 'tools', '72b', 60, 5)];
		expect(criticalPathMs(steps, 7)).toBe(10 + 45 + 7);
	});
});

describe('experiment time line', () => {
	it('adds the sessions of a resumed experiment', () => {
		const run = {wallMs: 36 * 60_000, generatingMs: 20.5 * 60_000, loadingMs: 1.5 * 60_000, pullingMs: 13 * 60_000};
		expect(experimentTimeLine([run, run])).toBe('experiment took 1 h 12 min; models generating 41 min, loading 3 min, pulling 26 min in parallel');
	});

	it('leaves pulling out when nothing was pulled, and says nothing without a record', () => {
		expect(experimentTimeLine([{wallMs: 90_000, generatingMs: 60_000, loadingMs: 4_000, pullingMs: 0}])).toBe('experiment took 2 min; models generating 1 min, loading 4 s');
		expect(experimentTimeLine(undefined)).toBeNull();
	});
});
