import {describe, expect, it} from 'vitest';
import {defaultSettings} from '../../../source/experiment/settings.js';
import {initialState, nextAction, reduce} from '../../../source/experiment/strategy/index.js';
import {emptyResults} from '../../../source/output/schema.js';
import {decisions, dims, machine, play, type World} from './fixtures.js';

const Q14 = 'qwen2.5:14b';
const M22 = 'mistral-small:22b';
const Q32 = 'qwen2.5:32b';
const Q72 = 'qwen2.5:72b';
const L70 = 'llama3.3:70b';

const familyStep: World = {
	[Q14]: {trader: 7.1, rate: 30},
	[M22]: {trader: 7.4, rate: 22},
	[Q32]: {trader: 8.4, rate: 16.2},
};
const formatLoss: World = {
	[Q14]: {trader: 7.8, rate: 30},
	[M22]: {trader: 7.4, rate: 22},
	[Q32]: {trader: 8.2, rate: 16.2, dims: dims({stopLoss: 0.8, target: 0.5, sizing: 0.5})},
};

describe('round 1 decision', () => {
	it('accepts the 32B when its trader score reaches the threshold, and pulls nothing larger', () => {
		const run = play({world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}}});
		expect(run.log).toEqual([
			`pull ${Q32}`,
			`bench ${Q32}`,
			`compare ${Q14},${M22},${Q32}+baseline`,
			`tools ${Q14},${M22},${Q32}`,
			'record accept',
			`recommend ${Q32}`,
			'configs',
			'report',
		]);
		expect(decisions(run.state)).toEqual([`1:accept:${Q32}`, `1:recommend:${Q32}`]);
		expect(run.state.results.rounds[0]?.reason).toMatch(/9\.3.*threshold 9\.0.*larger models skipped/);
		expect(run.state.results.recommendation).toMatchObject({model: Q32, practical: true});
		expect(run.last.kind).toBe('done');
	});

	it('recommends qwen2.5:72b when the 14B→32B step closed part of the gap', () => {
		const run = play({world: familyStep});
		expect(run.last.kind).toBe('ask-escalation');
		if (run.last.kind !== 'ask-escalation') return;
		const {offer} = run.last;
		expect(offer.recommended).toBe(Q72);
		expect(offer.alternative).toBe(L70);
		expect(offer.reason).toMatch(/8\.4.*below the threshold 9\.0/);
		expect(offer.reason).toMatch(/14B→32B step raised the trader score from 7\.1 to 8\.4 \(\+1\.3\).*same family/);
		const q72 = offer.candidates.find((candidate) => candidate.model === Q72);
		expect(q72).toMatchObject({fitsRam: true, fitsDisk: true, installed: false, mustDeleteFirst: null});
		expect(q72?.ceilingRate).toBeCloseTo(400e9 / 47_415_724_545, 2);
	});

	it('recommends llama3.3:70b when the Qwen outputs lose points on format and risk levels rather than depth', () => {
		const run = play({world: formatLoss});
		expect(run.last.kind).toBe('ask-escalation');
		if (run.last.kind !== 'ask-escalation') return;
		expect(run.last.offer.recommended).toBe(L70);
		expect(run.last.offer.alternative).toBe(Q72);
		expect(run.last.offer.reason).toMatch(/format and risk levels \(stop-loss, target, sizing\).*another family/);
	});

	it('swaps a recommendation that does not fit in RAM for the one that does', () => {
		const run = play({world: familyStep, machine: {totalRamBytes: 64e9}});
		if (run.last.kind !== 'ask-escalation') throw new Error(`expected an offer, got ${run.last.kind}`);
		expect(run.last.offer.recommended).toBe(L70);
		expect(run.last.offer.reason).toMatch(/qwen2\.5:72b does not fit in RAM/);
		expect(run.last.offer.candidates.map((candidate) => [candidate.model, candidate.fitsRam])).toEqual([
			[L70, true],
			[Q72, false],
		]);
	});
});

describe('escalation', () => {
	const table: {
		name: string;
		world: World;
		escalation: ('accept' | 'swap' | 'skip')[];
		deleteFirst?: boolean[];
		decisions: string[];
		recommended: string | null;
		practical: boolean | null;
		pulled: string[];
		reason?: RegExp;
	}[] = [
		{
			name: 'escalate to qwen2.5:72b, which closes the gap at a practical speed',
			world: {...familyStep, [Q72]: {trader: 9.2, rate: 8.5}},
			escalation: ['accept'],
			decisions: [`1:escalate:${Q72}`, `2:recommend:${Q72}`],
			recommended: Q72,
			practical: true,
			pulled: [Q32, Q72],
		},
		{
			name: 'escalate to llama3.3:70b on the format evidence',
			world: {...formatLoss, [L70]: {trader: 9.1, rate: 9.0}},
			escalation: ['accept'],
			decisions: [`1:escalate:${L70}`, `2:recommend:${L70}`],
			recommended: L70,
			practical: true,
			pulled: [Q32, L70],
		},
		{
			name: 'swap to the other 70B',
			world: {...familyStep, [L70]: {trader: 9.1, rate: 9.0}},
			escalation: ['swap'],
			decisions: [`1:swap:${L70}`, `2:recommend:${L70}`],
			recommended: L70,
			practical: true,
			pulled: [Q32, L70],
		},
		{
			name: 'skip escalation: the ceiling is recorded and the best practical model recommended',
			world: familyStep,
			escalation: ['skip'],
			decisions: ['1:skip:-', `1:ceiling:${Q32}`],
			recommended: Q32,
			practical: true,
			pulled: [Q32],
			// Nothing larger was measured: the reason cannot blame size.
			reason: /no local model reaches the threshold 9\.0.*8\.4 \(qwen2\.5:32b\) against Claude's 9\.8 \(a gap of 1\.4\)\. No 70B-class model was measured \(escalation skipped\)/,
		},
		{
			name: 'a second 70B after deleting the first',
			world: {...familyStep, [Q72]: {trader: 8.6, rate: 8.5}, [L70]: {trader: 9.1, rate: 9.0}},
			escalation: ['accept', 'accept'],
			deleteFirst: [true],
			decisions: [`1:escalate:${Q72}`, `2:escalate:${L70}`, `3:delete-first:${L70}`, `3:recommend:${L70}`],
			recommended: L70,
			practical: true,
			pulled: [Q32, Q72, L70],
		},
		{
			name: 'a second 70B refused by keeping the first: its pull is skipped',
			world: {...familyStep, [Q72]: {trader: 8.6, rate: 8.5}, [L70]: {trader: 9.1, rate: 9.0}},
			escalation: ['accept', 'accept'],
			deleteFirst: [false],
			decisions: [`1:escalate:${Q72}`, `2:escalate:${L70}`, '3:keep-first:-', `3:ceiling:${Q72}`],
			recommended: Q72,
			practical: true,
			pulled: [Q32, Q72],
		},
		{
			name: 'the 70B closes the gap but is impractical: the other is offered and wins',
			world: {...familyStep, [Q72]: {trader: 9.4, rate: 5.0}, [L70]: {trader: 9.1, rate: 9.0}},
			escalation: ['accept', 'accept'],
			deleteFirst: [true],
			decisions: [`1:escalate:${Q72}`, `2:escalate:${L70}`, `3:delete-first:${L70}`, `3:recommend:${L70}`],
			recommended: L70,
			practical: true,
			pulled: [Q32, Q72, L70],
		},
		{
			name: 'the 70B closes the gap but is impractical and the other is skipped: recommended with the flag',
			world: {...familyStep, [Q72]: {trader: 9.4, rate: 5.0}},
			escalation: ['accept', 'skip'],
			decisions: [`1:escalate:${Q72}`, '2:skip:-', `2:recommend:${Q72}`],
			recommended: Q72,
			practical: false,
			pulled: [Q32, Q72],
			reason: /IMPRACTICAL for a 12-agent pipeline \(one run ≈ 67 min\)\. The best practical model is qwen2\.5:32b/,
		},
		{
			name: 'no model closes the gap: the ceiling is recorded',
			world: {...familyStep, [Q72]: {trader: 8.7, rate: 8.5}, [L70]: {trader: 8.5, rate: 9.0}},
			escalation: ['accept', 'accept'],
			deleteFirst: [true],
			decisions: [`1:escalate:${Q72}`, `2:escalate:${L70}`, `3:delete-first:${L70}`, `3:ceiling:${Q72}`],
			recommended: Q72,
			practical: true,
			pulled: [Q32, Q72, L70],
			reason: /best local trader score is 8\.7 \(qwen2\.5:72b\) against Claude's 9\.8.*Size did not close the gap on this machine\..*qwen2\.5:72b is not installed now/,
		},
	];

	it.each(table)('$name', (row) => {
		const run = play({world: row.world, escalation: row.escalation, ...(row.deleteFirst ? {deleteFirst: row.deleteFirst} : {})});
		expect(run.last.kind).toBe('done');
		expect(decisions(run.state)).toEqual(row.decisions);
		expect(run.state.results.recommendation?.model ?? null).toBe(row.recommended);
		expect(run.state.results.recommendation?.practical ?? null).toBe(row.practical);
		expect(run.log.filter((line) => line.startsWith('pull ')).map((line) => line.slice(5))).toEqual(row.pulled);
		expect(run.maxLarge).toBeLessThanOrEqual(1);
		for (const record of run.state.results.rounds) expect(record.reason.length).toBeGreaterThan(20);
		if (row.reason) expect(run.state.results.recommendation?.reason).toMatch(row.reason);
	});

	it('offers the other 70B with the impracticality stated', () => {
		const run = play({world: {...familyStep, [Q72]: {trader: 9.4, rate: 5.0}}, escalation: ['accept']});
		if (run.last.kind !== 'ask-escalation') throw new Error(`expected an offer, got ${run.last.kind}`);
		expect(run.last.offer.recommended).toBe(L70);
		expect(run.last.offer.alternative).toBeNull();
		expect(run.last.offer.reason).toMatch(/qwen2\.5:72b reaches 9\.4.*5\.0 t\/s, below the minimum 8 t\/s: impractical for a 12-agent pipeline/);
		expect(run.last.offer.candidates[0]?.mustDeleteFirst).toBe(Q72);
	});

	it('asks before deleting and never deletes without the answer', () => {
		const run = play({world: {...familyStep, [Q72]: {trader: 8.6, rate: 8.5}}, escalation: ['accept', 'accept']});
		expect(run.last).toMatchObject({kind: 'ask-delete', model: Q72, next: L70});
		expect(run.installed).toContain(Q72);
		expect(run.log).not.toContain(`delete ${Q72}`);
	});

	it('goes to the ceiling without an offer when no 70B-class model is left in the ladder', () => {
		const settings = {...defaultSettings, ladder: [Q14, M22, Q32]};
		const run = play({world: familyStep, settings});
		expect(run.last.kind).toBe('done');
		expect(decisions(run.state)).toEqual([`1:ceiling:${Q32}`]);
	});
});

describe('settings changes redo only what depends on them', () => {
	const accepted = play({world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}}});
	const persisted = {...accepted.state.results, settings: {...defaultSettings}};

	it('changing reps redoes the benchmark only', () => {
		const run = play({world: familyStep, results: persisted, installed: accepted.installed, settings: {...defaultSettings, reps: 5}});
		expect(run.log).toEqual([`bench ${Q32}`, 'configs', 'report']);
		expect(decisions(run.state)).toEqual([`1:accept:${Q32}`, `1:recommend:${Q32}`]);
	});

	it('changing the Claude model redoes the baseline only', () => {
		const run = play({world: familyStep, results: persisted, installed: accepted.installed, settings: {...defaultSettings, claudeModel: 'claude-opus-4-1'}});
		expect(run.log).toEqual(['compare +baseline', 'configs', 'report']);
	});

	it('changing the threshold re-decides without re-measuring', () => {
		const run = play({
			world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}},
			results: persisted,
			installed: accepted.installed,
			settings: {...defaultSettings, threshold: 9.5},
		});
		expect(run.log).toEqual([`ask-escalation ${Q72}`]);
		expect(run.state.results.rounds).toEqual([]);
	});

	it('changing the threshold mid-run through the reducer drops the decisions', () => {
		const changed = reduce(accepted.state, {type: 'settings:changed', settings: {...defaultSettings, threshold: 9.5}});
		expect(changed.results.rounds).toEqual([]);
		expect(changed.results.recommendation).toBeNull();
		expect(nextAction(changed).kind).toBe('ask-escalation');
	});
});

describe('resume', () => {
	const world: World = {...familyStep, [Q72]: {trader: 8.6, rate: 8.5}, [L70]: {trader: 9.1, rate: 9.0}};
	const script = {world, escalation: ['accept', 'accept'] as ('accept' | 'swap' | 'skip')[], deleteFirst: [true]};
	const whole = play(script);
	const measurements = (log: string[]) => log.filter((line) => /^(pull|bench|compare|tools|delete) /.test(line));

	it('the whole walk is the reference', () => {
		expect(decisions(whole.state)).toEqual([`1:escalate:${Q72}`, `2:escalate:${L70}`, `3:delete-first:${L70}`, `3:recommend:${L70}`]);
	});

	// Every prefix is a quit after that many actions; starting again from the persisted results
	// must reach the same decisions without measuring anything twice or asking a question twice.
	it.each(Array.from({length: 24}, (_, index) => index + 1))('quit after %i actions and start again', (stopAfter) => {
		const first = play({...script, stopAfter});
		const answered = first.state.results.rounds.filter((record) => record.decision === 'escalate' || record.decision === 'swap').length;
		const deleted = first.state.results.rounds.filter((record) => record.decision === 'delete-first').length;
		const second = play({
			world,
			results: first.state.results,
			installed: first.installed,
			escalation: script.escalation.slice(answered),
			deleteFirst: script.deleteFirst.slice(deleted),
		});
		expect(second.last.kind).toBe('done');
		expect(decisions(second.state)).toEqual(decisions(whole.state));
		expect([...measurements(first.log), ...measurements(second.log)]).toEqual(measurements(whole.log));
	});

	it('a resumed state starts at the first step not done', () => {
		const results = emptyResults(true);
		const state = reduce(reduce(initialState(results, defaultSettings), {type: 'preflight:done', machine: machine([Q14, M22, Q32])}), {
			type: 'plan:confirmed',
		});
		expect(nextAction(state)).toMatchObject({kind: 'step', step: 'bench', models: [Q32]});
	});
});
