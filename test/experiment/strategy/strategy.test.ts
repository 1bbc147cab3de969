import {describe, expect, it} from 'vitest';
import {testSettings} from '../../helpers/testSettings.js';
import {initialState, nextAction, planSummary, reduce} from '../../../source/experiment/strategy/index.js';
import {unmeasuredModels} from '../../../source/experiment/strategy/planSummary.js';
import {againstClaude} from '../../../source/experiment/strategy/offer.js';
import {emptyResults} from '../../../source/domain/schema.js';
import {decisions, dims, machine, play, rateOnMachine, roundOneWorld, type World} from './fixtures.js';

const Q14 = 'qwen2.5:14b';
const M22 = 'mistral-small:22b';
const Q32 = 'qwen2.5:32b';
const Q72 = 'qwen2.5:72b';
const L70 = 'llama3.3:70b';


const familyStep: World = roundOneWorld();
const formatLoss: World = {
	[Q14]: {trader: 7.8, rate: rateOnMachine(16.2, Q14)},
	[M22]: {trader: 7.4, rate: rateOnMachine(16.2, M22)},
	// Judged: the 32B's trader answers lose to Claude on risk management and actionability, not on thesis.
	[Q32]: {trader: 8.2, rate: 16.2, criteria: [9.2, 7.2, 9.2, 7.2], dims: dims({stopLoss: 0.8, target: 0.5, sizing: 0.5})},
};

describe('round 1 decision', () => {
	it('accepts the 32B when its trader score reaches the threshold, and pulls nothing larger', () => {
		const run = play({world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}}});
		expect(run.log).toEqual([
			`pull ${Q32}`,
			`bench ${Q14},${M22},${Q32}`,
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
		expect(offer.reason).toMatch(/qwen2\.5:14b→qwen2\.5:32b step raised the relative trader score from 7\.1 to 8\.4 \(\+1\.3; Claude = 10\), closing part of the gap.*same family/);
		const q72 = offer.candidates.find((candidate) => candidate.model === Q72);
		expect(q72).toMatchObject({fitsRam: true, fitsDisk: true, installed: false, mustDeleteFirst: null});
		expect(q72?.ceilingRate).toBeCloseTo(400e9 / 47_415_724_545, 2);
		expect(run.last.offer.defaultChoice).toBe('accept');
	});

	// The offer said "closing part of the gap" when the 32B already equalled Claude.
	it.each([
		{relative: 8.4, threshold: 9.0, says: ', closing part of the gap'},
		{relative: 10, threshold: 9.0, says: ', level with Claude'},
		{relative: 10.04, threshold: 9.9, says: ', level with Claude'},
		{relative: 10.6, threshold: 9.0, says: ', above Claude'},
		{relative: 9.5, threshold: 9.0, says: ''},
	])('says where a relative score of $relative stands (threshold $threshold)', ({relative, threshold, says}) => {
		expect(againstClaude(relative, threshold)).toBe(says);
	});

	it('recommends llama3.3:70b when the judge finds the Qwen outputs lose on risk and actionability rather than thesis (judged criteria, not rubric dimensions)', () => {
		const run = play({world: formatLoss});
		expect(run.last.kind).toBe('ask-escalation');
		if (run.last.kind !== 'ask-escalation') return;
		expect(run.last.offer.recommended).toBe(L70);
		expect(run.last.offer.alternative).toBe(Q72);
		expect(run.last.offer.reason).toMatch(/loses 5\.5 points on risk management and actionability \(judged against Claude\) against 1\.6 on thesis and consistency, so another family/);
		expect(run.last.offer.reason).not.toMatch(/stop-loss|rubric/);
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

// Worlds where rate x bytes is about constant, as on a real machine. "slow" is the simulated M3 Max
// (qwen2.5:32b at 14.4 t/s: every 70B-class model predicted near 6-7 t/s); "fast" is a machine
// where the 32B decodes at 20 t/s (qwen2.5:72b predicted about 8.4 t/s, llama3.3:70b 9.3 t/s).
const slow = roundOneWorld({rate32: 14.4});
const fast = roundOneWorld({rate32: 20});

describe('escalation defaults (what --yes takes)', () => {
	const table: {
		name: string;
		world: World;
		decisions: string[];
		recommended: string | null;
		belowThreshold: boolean;
		pulled: string[];
		defaults: ('accept' | 'skip')[];
		reason?: RegExp;
		ceiling?: RegExp;
		offer?: RegExp;
	}[] = [
		{
			name: '32B below the threshold, the 70B accepted and practical',
			world: {...fast, [Q72]: {trader: 9.2, rate: 8.5}},
			decisions: [`1:escalate:${Q72}`, `2:recommend:${Q72}`],
			recommended: Q72,
			belowThreshold: false,
			pulled: [Q32, Q72],
			defaults: ['accept'],
			offer: /qwen2\.5:72b would likely run at about 8\.4 t\/s here, at or above 8: it could become the pipeline model/,
		},
		{
			name: 'the 70B meets the threshold but is too slow: no swap to a same-size model, 32B recommended, ceiling recorded',
			world: {...slow, [Q72]: {trader: 10, rate: 5.9}},
			decisions: [`1:escalate:${Q72}`, '2:skip:-', `2:ceiling:${Q32}`],
			recommended: Q32,
			belowThreshold: true,
			pulled: [Q32, Q72],
			defaults: ['accept', 'skip'],
			offer: /A swap does not help: llama3\.3:70b would run at about 6\.6 t\/s here, also below 8\./,
			reason: /^qwen2\.5:32b is recommended below threshold: the best practical model scores 8\.4 relative to Claude on the trader prompt, 0\.6 short of the threshold 9\.0 \(Claude = 10\), at 14\.4 t\/s/,
			ceiling: /^qwen2\.5:72b reaches 10\.0 relative to Claude but runs at 5\.9 t\/s \(minimum 8 t\/s\): quality is reachable, not at a usable speed on this machine\.$/,
		},
		{
			name: 'the first 70B misses the threshold and the other is predicted practical: the swap is the default',
			world: {...fast, [Q72]: {trader: 8.6, rate: 7.5}, [L70]: {trader: 9.1, rate: 8.4}},
			decisions: [`1:escalate:${Q72}`, `2:escalate:${L70}`, `3:delete-first:${L70}`, `3:recommend:${L70}`],
			recommended: L70,
			belowThreshold: false,
			pulled: [Q32, Q72, L70],
			defaults: ['accept', 'accept'],
			offer: /llama3\.3:70b would run at about 8\.6 t\/s here, at or above 8: it could become a practical recommendation\. Pulling llama3\.3:70b first deletes qwen2\.5:72b/,
		},
		{
			name: 'the first 70B misses the threshold and the other is predicted too slow: Skip is the default',
			world: {...slow, [Q72]: {trader: 8.6, rate: 5.9}},
			decisions: [`1:escalate:${Q72}`, '2:skip:-', `2:ceiling:${Q32}`],
			recommended: Q32,
			belowThreshold: true,
			pulled: [Q32, Q72],
			defaults: ['accept', 'skip'],
			offer: /llama3\.3:70b would run at about 6\.6 t\/s here, below 8: even at the threshold it would not be practical/,
			ceiling: /^qwen2\.5:72b reaches 8\.6 relative to Claude but runs at 5\.9 t\/s \(minimum 8 t\/s\): the best quality measured here does not reach the threshold 9\.0 \(misses\), and not at a usable speed/,
		},
		{
			name: 'the first 70B is predicted too slow and still escalated by default: it measures the ceiling',
			world: {...slow, [Q72]: {trader: 8.9, rate: 5.9}},
			decisions: [`1:escalate:${Q72}`, '2:skip:-', `2:ceiling:${Q32}`],
			recommended: Q32,
			belowThreshold: true,
			pulled: [Q32, Q72],
			defaults: ['accept', 'skip'],
			offer: /qwen2\.5:72b would likely run at about 6\.0 t\/s here, below 8: this measures the quality ceiling, not a pipeline candidate\./,
		},
	];

	it.each(table)('$name', (row) => {
		const run = play({world: row.world, escalation: row.defaults.map(() => 'default' as const), deleteFirst: ['default']});
		expect(run.last.kind).toBe('done');
		expect(run.offers.map((offer) => offer.defaultChoice)).toEqual(row.defaults);
		expect(decisions(run.state)).toEqual(row.decisions);
		const recommendation = run.state.results.recommendation;
		expect(recommendation?.model ?? null).toBe(row.recommended);
		expect(recommendation?.practical).toBe(true);
		expect(recommendation?.belowThreshold).toBe(row.belowThreshold);
		// The recommendation is measured, practical and installed.
		expect(run.installed).toContain(row.recommended);
		expect(run.log.filter((line) => line.startsWith('pull ')).map((line) => line.slice(5))).toEqual(row.pulled);
		expect(run.maxLarge).toBeLessThanOrEqual(1);
		for (const offer of run.offers) for (const candidate of offer.candidates) expect(candidate.predictedRate).not.toBeNull();
		if (row.offer) expect(run.offers.map((offer) => offer.reason).join(' | ')).toMatch(row.offer);
		if (row.reason) expect(recommendation?.reason).toMatch(row.reason);
		if (row.ceiling) expect(recommendation?.ceiling).toMatch(row.ceiling);
	});

	it('predicts each candidate from what was measured, with a range, before any 70B pull', () => {
		const run = play({world: slow});
		if (run.last.kind !== 'ask-escalation') throw new Error(`expected an offer, got ${run.last.kind}`);
		const q72 = run.last.offer.candidates.find((candidate) => candidate.model === Q72);
		const expected = (14.4 * 19_851_349_669) / 47_415_724_545;
		expect(q72?.predictedRate).toBeCloseTo(expected, 5);
		expect(q72?.predictedRange?.[0]).toBeCloseTo(expected * 0.8, 5);
		expect(q72?.predictedRange?.[1]).toBeCloseTo(expected * 1.2, 5);
		expect(q72?.predictedPractical).toBe(false);
		expect(q72?.ceilingRate).toBeCloseTo(400e9 / 47_415_724_545, 5);
		expect(run.log.some((line) => line.startsWith(`pull ${Q72}`))).toBe(false);
	});

	it('the user may still pull the other 70B after a slow one met the threshold, but --yes never deletes that one', () => {
		const run = play({world: {...slow, [Q72]: {trader: 10, rate: 5.9}}, escalation: ['default', 'accept']});
		expect(run.last).toMatchObject({kind: 'ask-delete', model: Q72, next: L70, protect: true});
		const kept = play({world: {...slow, [Q72]: {trader: 10, rate: 5.9}}, escalation: ['default', 'accept'], deleteFirst: ['default']});
		expect(kept.installed).toContain(Q72);
		expect(kept.log).not.toContain(`delete ${Q72}`);
		expect(decisions(kept.state)).toEqual([`1:escalate:${Q72}`, `2:escalate:${L70}`, '3:keep-first:-', `3:ceiling:${Q32}`]);
	});

	it('asks before deleting and never deletes without the answer', () => {
		const run = play({world: {...fast, [Q72]: {trader: 8.6, rate: 7.5}}, escalation: ['accept', 'accept']});
		expect(run.last).toMatchObject({kind: 'ask-delete', model: Q72, next: L70, protect: false});
		expect(run.installed).toContain(Q72);
		expect(run.log).not.toContain(`delete ${Q72}`);
	});

	it('goes to the ceiling without an offer when no 70B-class model is left in the ladder', () => {
		const settings = {...testSettings, ladder: [Q14, M22, Q32]};
		const run = play({world: familyStep, settings});
		expect(run.last.kind).toBe('done');
		expect(decisions(run.state)).toEqual([`1:ceiling:${Q32}`]);
	});

	it('explicit choices still work: skip records the ceiling, swap pulls the other family', () => {
		const skipped = play({world: familyStep, escalation: ['skip']});
		expect(decisions(skipped.state)).toEqual(['1:skip:-', `1:ceiling:${Q32}`]);
		expect(skipped.state.results.recommendation?.reason).toMatch(/8\.4 relative to Claude.*0\.6 short of the threshold 9\.0 \(Claude = 10\)/);
		const swapped = play({world: {...fast, [L70]: {trader: 9.1, rate: 9.3}}, escalation: ['swap']});
		expect(decisions(swapped.state)).toEqual([`1:swap:${L70}`, `2:recommend:${L70}`]);
	});
});

describe('the plan decides which models run', () => {
	const CR = 'command-r:35b';
	it('unticking the round-one model skips it: the next ladder entry above what is installed runs instead', () => {
		const settings = {...testSettings, ladder: [Q14, M22, Q72, L70, CR]};
		const run = play({world: {...familyStep, [CR]: {trader: 9.3, rate: 15}}, settings});
		expect(run.log[0]).toBe(`pull ${CR}`);
		expect(run.log.join('\n')).not.toContain(Q32);
		expect(run.state.results.recommendation?.model).toBe(CR);
	});

	it('a round-one model chosen on the plan wins over the ladder rule', () => {
		const run = play({world: {...familyStep, [CR]: {trader: 9.3, rate: 15}}, settings: {...testSettings, roundOne: CR}});
		expect(run.log[0]).toBe(`pull ${CR}`);
		expect(run.log.some((line) => line === `pull ${Q32}`)).toBe(false);
	});

	it('a ladder without qwen2.5:32b never pulls it', () => {
		const settings = {...testSettings, ladder: [Q14, 'unlisted:27b']};
		const run = play({world: {[Q14]: {trader: 7, rate: 30}, 'unlisted:27b': {trader: 8.1, rate: 16, sizeBytes: 17e9}}, settings, installed: [Q14, M22]});
		expect(run.last.kind).toBe('done');
		expect(run.log.filter((line) => line.startsWith('pull '))).toEqual(['pull unlisted:27b']);
		expect(run.log.join('\n')).not.toContain(Q32);
		expect(run.state.results.recommendation).toMatchObject({model: 'unlisted:27b', belowThreshold: true});
	});

	it('a fresh plan says what round 1 pulls and what may follow', () => {
		const state = reduce(initialState(emptyResults(true), testSettings), {type: 'preflight:done', machine: machine([Q14, M22])});
		expect(planSummary(state)).toEqual([
			'Round 1: qwen2.5:32b, next above what is installed; pull 19.9 GB.',
			'Measured in round 1: qwen2.5:14b, mistral-small:22b, qwen2.5:32b.',
			'Not measured: command-r:35b, not installed (pull it first, or r: round 1).',
			'Below 9.0: qwen2.5:72b or llama3.3:70b, speed predicted first, one at a time.',
		]);
	});

	// The plan ticked command-r:35b, then no round measured it and no line said so.
	it.each([
		['the default plan: ticked, not installed, not a step', {}, [Q14, M22], ['command-r:35b']],
		['installed: round 1 compares it', {}, [Q14, M22, 'command-r:35b'], []],
		['chosen as round 1 (r)', {roundOne: 'command-r:35b'}, [Q14, M22], [Q32]],
		['unticked', {ladder: [Q14, M22, Q32, Q72, L70]}, [Q14, M22], []],
		['two of them', {ladder: [...testSettings.ladder, 'gemma3:27b']}, [Q14, M22], ['command-r:35b', 'gemma3:27b']],
	] as [string, {roundOne?: string; ladder?: string[]}, string[], string[]][])('a plan names the ticked models no round measures: %s', (_, change, installed, unmeasured) => {
		const state = reduce(initialState(emptyResults(true), {...testSettings, ...change}), {type: 'preflight:done', machine: machine(installed)});
		expect(unmeasuredModels(state)).toEqual(unmeasured);
		const line = planSummary(state).find((text) => text.startsWith('Not measured'));
		if (unmeasured.length === 0) expect(line).toBeUndefined();
		else expect(line).toBe(`Not measured: ${unmeasured.join(', ')}, not installed (pull ${unmeasured.length === 1 ? 'it' : 'them'} first, or r: round 1).`);
	});

	// On a 24 GB machine the ladder said "fits RAM NO" for qwen2.5:32b, then pulled it without a word.
	it('a fresh plan says when the round-1 model does not fit in RAM', () => {
		const lines = (totalRamBytes: number) => planSummary(reduce(initialState(emptyResults(true), testSettings), {type: 'preflight:done', machine: machine([Q14, M22], {totalRamBytes})}));
		expect(lines(24e9)[1]).toBe('qwen2.5:32b does not fit in this machine\'s RAM: it will run partly on the CPU, far below its expected speed.');
		expect(lines(128e9).join('\n')).not.toContain('does not fit');
	});

	it('a resumed plan shows the plan as it stands now, and what comes next is what runs', () => {
		const first = play({world: slow, escalation: ['default'], stopAfter: 7});
		const resumed = reduce(initialState(first.state.results, testSettings), {type: 'preflight:done', machine: machine(first.installed)});
		const lines = planSummary(resumed);
		expect(lines[0]).toBe('Round 1: qwen2.5:32b, next above what is installed; pulled by this experiment.');
		expect(lines).toContain(`Done: round 1 escalate → ${Q72}.`);
		expect(lines.at(-1)).toBe(`Next: pull ${Q72} (round 2).`);
		expect(nextAction({...resumed, planConfirmed: true})).toMatchObject({kind: 'step', step: 'pull', models: [Q72]});
	});

	it('round 1 benchmarks every model it compares', () => {
		const run = play({world: slow, escalation: ['skip']});
		expect(run.log.filter((line) => line.startsWith('bench '))).toEqual([`bench ${Q14},${M22},${Q32}`]);
		expect(run.state.results.models.filter((model) => model.speed).map((model) => model.name).sort()).toEqual([Q32, Q14, M22].sort());
	});

	it('a model compared but never benchmarked is "not measured", never impractical, and not recommended', () => {
		// A results file from before round 1 benchmarked every compared model (or from `trifecta
		// compare`): the settled round re-measures only its own model, so the 22B keeps no speed.
		const first = play({world: {...slow, [M22]: {trader: 9.5, rate: rateOnMachine(14.4, M22)}}, escalation: ['skip']});
		const results = structuredClone(first.state.results);
		delete results.models.find((model) => model.name === M22)!.speed;
		results.rounds = results.rounds.filter((record) => record.decision === 'skip');
		results.recommendation = null;
		const run = play({world: slow, results, installed: first.installed});
		expect(run.log.some((line) => line.startsWith('bench '))).toBe(false);
		const recommendation = run.state.results.recommendation;
		expect(recommendation?.model).toBe(Q32);
		expect(recommendation?.ceiling).toMatch(/^mistral-small:22b scores 9\.5 relative to Claude, the best local trader score here, but its speed is not measured/);
		expect(JSON.stringify(run.state.results.rounds)).not.toMatch(/IMPRACTICAL|unmeasured rate/);
	});
});

describe('settings changes redo only what depends on them', () => {
	const accepted = play({world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}}});
	const persisted = {...accepted.state.results, settings: {...testSettings}};

	it('changing reps redoes the benchmark only', () => {
		const run = play({world: familyStep, results: persisted, installed: accepted.installed, settings: {...testSettings, reps: 5}});
		expect(run.log).toEqual([`bench ${Q32}`, 'configs', 'report']);
		expect(decisions(run.state)).toEqual([`1:accept:${Q32}`, `1:recommend:${Q32}`]);
	});

	// The judge defaults to the baseline model, so the judge is pinned here to change the baseline alone.
	it('changing the Claude model (judge pinned) redoes the baseline only', () => {
		const settings = {...testSettings, claudeModel: 'claude-opus-4-1', judgeModel: testSettings.claudeModel};
		const run = play({world: familyStep, results: persisted, installed: accepted.installed, settings});
		expect(run.log).toEqual(['compare +baseline', 'configs', 'report']);
	});

	it('resuming with another judge never keeps the old scores: the round is judged again and re-decided', () => {
		const settings = {...testSettings, judgeModel: 'claude-opus-4-1'};
		const rejudged = play({world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}}, results: persisted, installed: accepted.installed, settings});
		expect(rejudged.log[0]).toBe(`compare ${Q14},${M22},${Q32}`);
		expect(decisions(rejudged.state)).toEqual([`1:accept:${Q32}`, `1:recommend:${Q32}`]);
		// Judged again lower by the new judge: the old acceptance does not survive.
		const lower = play({world: familyStep, results: persisted, installed: accepted.installed, settings});
		expect(lower.log.slice(0, 2)).toEqual([`compare ${Q14},${M22},${Q32}`, `ask-escalation ${Q72}`]);
	});

	it('changing the threshold re-decides without re-measuring', () => {
		const run = play({
			world: {...familyStep, [Q32]: {trader: 9.3, rate: 16.2}},
			results: persisted,
			installed: accepted.installed,
			settings: {...testSettings, threshold: 9.5},
		});
		expect(run.log).toEqual([`ask-escalation ${Q72}`]);
		expect(run.state.results.rounds).toEqual([]);
	});

	it('choosing another round-one model on the plan re-decides', () => {
		const changed = reduce(accepted.state, {type: 'settings:changed', settings: {...testSettings, roundOne: 'command-r:35b'}});
		expect(changed.results.rounds).toEqual([]);
		expect(nextAction(changed)).toMatchObject({kind: 'step', step: 'pull', models: ['command-r:35b']});
	});

	it('changing the threshold mid-run through the reducer drops the decisions', () => {
		const changed = reduce(accepted.state, {type: 'settings:changed', settings: {...testSettings, threshold: 9.5}});
		expect(changed.results.rounds).toEqual([]);
		expect(changed.results.recommendation).toBeNull();
		expect(nextAction(changed).kind).toBe('ask-escalation');
	});
});

describe('resume', () => {
	const world: World = {...fast, [Q72]: {trader: 8.6, rate: 7.5}, [L70]: {trader: 9.1, rate: 8.4}};
	const script = {world, escalation: ['default', 'default'] as 'default'[], deleteFirst: ['default'] as 'default'[]};
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
		const state = reduce(reduce(initialState(results, testSettings), {type: 'preflight:done', machine: machine([Q14, M22, Q32])}), {
			type: 'plan:confirmed',
		});
		expect(nextAction(state)).toMatchObject({kind: 'step', step: 'bench', models: [Q14, M22, Q32]});
	});
});

describe('the next step once the configs are written', () => {
	const accepted = play({world: roundOneWorld({trader32: 9.3}), stopAfter: 8});
	const belowThreshold = play({world: familyStep, escalation: ['skip'], stopAfter: 8});
	it.each([
		{name: 'patched into the pipeline', state: accepted.state, patched: true, next: /^The configs are in the pipeline: run one full analysis with --hybrid hybrid_qwen32/},
		{name: 'JSON only', state: accepted.state, patched: false, next: /^Write the configs into the pipeline \(trifecta configs --write\)/},
		{name: 'below threshold, patched', state: belowThreshold.state, patched: true, next: /^Run one full analysis with --hybrid hybrid_qwen32 and score it against all_cloud/},
	])('$name', ({state, patched, next}) => {
		expect(state.results.recommendation).not.toBeNull();
		const written = reduce(state, {type: 'configs:written', files: ['hybrid-configs.json'], patched});
		expect(written.results.recommendation?.nextStep).toMatch(next);
		expect(written.results.recommendation?.reason).toBe(state.results.recommendation?.reason);
	});
});
