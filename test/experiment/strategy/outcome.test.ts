// Decisions read the threshold outcome (meets / misses / inconclusive), never an absolute judge level:
// what --yes pulls, what the offer says and what is finally recommended, for judges that work and
// judges that misbehave.
import {describe, expect, it} from 'vitest';
import {play, rateOnMachine, roundOneWorld, type World} from './fixtures.js';

const Q14 = 'qwen2.5:14b';
const M22 = 'mistral-small:22b';
const Q32 = 'qwen2.5:32b';
const Q72 = 'qwen2.5:72b';
const L70 = 'llama3.3:70b';

const fast = roundOneWorld({rate32: 20});
/** Every model of the round judged the same way (a judge's behaviour, not the models'). */
function everyModel(judged: NonNullable<World[string]['judged']>): World {
	return Object.fromEntries(Object.entries(fast).map(([name, world]) => [name, {...world, judged}]));
}

const REFUSING = {judgeError: 'the judge refused to answer (stop_reason refusal) (asked twice)'};

describe('what --yes does with each outcome of round 1', () => {
	const table: {
		name: string;
		world: World;
		pulled: string[];
		offer: RegExp | null;
		defaultChoice?: 'accept' | 'skip';
		recommendation: RegExp;
		notInRecommendation?: RegExp;
	}[] = [
		{
			name: 'a 32B judged as good as Claude meets: accepted, nothing larger pulled',
			world: {...fast, [Q32]: {trader: null, rate: 20, judged: [{answer: [9, 9, 8, 9], baseline: 9, position: 1}, {answer: [9, 8, 9, 9], baseline: 9, position: 1}, {answer: [9, 9, 9, 8], baseline: 9, position: 1}]}},
			pulled: [Q32],
			offer: null,
			recommendation: /^qwen2\.5:32b is recommended: its trader answers reach 9\.7 \[9\.\d–10\.\d\] relative to Claude/,
		},
		{
			name: 'a padded 32B misses: the 70B escalation is the default',
			world: {...fast, [Q32]: {trader: null, rate: 20, judged: [{answer: [6, 7, 6, 6], baseline: 9}, {answer: [7, 6, 6, 5], baseline: 9}, {answer: [6, 6, 7, 6], baseline: 9}]}, [Q72]: {trader: 9.5, rate: 8.5}, [L70]: {trader: 9.5, rate: 9.3}},
			pulled: [Q32, L70],
			offer: /qwen2\.5:32b scored 6\.\d \[\d\.\d–\d\.\d\] relative to Claude on the trader prompt, below the threshold 9\.0/,
			defaultChoice: 'accept',
			recommendation: /^llama3\.3:70b is recommended/,
		},
		{
			name: 'a 32B without a stop-loss never meets, however the judge scored it',
			world: {...fast, [Q32]: {trader: null, rate: 20, judged: [{answer: 10, baseline: 9}, {answer: 10, baseline: 9, missing: ['stopLoss']}, {answer: 10, baseline: 9}]}, [Q72]: {trader: 9.5, rate: 8.5}},
			pulled: [Q32, Q72],
			offer: /qwen2\.5:32b misses the threshold: compliance fails: the trader answer for market-b has no stop-loss/,
			defaultChoice: 'accept',
			recommendation: /^qwen2\.5:72b is recommended/,
		},
		{
			name: 'a position-biased judge (first=10, second=8) leaves every outcome inconclusive: no 70B pulled',
			world: everyModel({byPosition: [10, 8]}),
			pulled: [Q32],
			offer: /qwen2\.5:32b's trader quality is inconclusive: .*position-inconsistent: its verdict reversed with the order on 100 % of the criteria.*Skip is the default: settle it before any 70B pull, with more markets \(trifecta run --scenarios 5\) or by judging qwen2\.5:32b again \(trifecta compare qwen2\.5:32b\)/,
			defaultChoice: 'skip',
			recommendation: /recommended provisionally: .*inconclusive.*position-inconsistent/,
		},
		{
			name: 'a refusing judge leaves every outcome inconclusive with the kind named: no 70B pulled, and speed is not blamed',
			world: everyModel(REFUSING),
			pulled: [Q32],
			offer: /qwen2\.5:32b's trader quality is inconclusive: 3 of 3 markets have no judged score.*the judge failed \(refusal:/,
			defaultChoice: 'skip',
			recommendation: /^No local model is recommended/,
			notInRecommendation: /decodes at 8 t\/s/,
		},
		{
			name: 'a 32B without levels misses on compliance, but under a position-biased judge no 70B is pulled on it',
			world: everyModel({byPosition: [10, 8], missing: ['stopLoss', 'target']}),
			pulled: [Q32],
			offer: /qwen2\.5:32b misses the threshold: compliance fails.*The judge could not judge this round \(the judge is position-inconsistent.*\), so Skip is the default/,
			defaultChoice: 'skip',
			recommendation: /below threshold/,
		},
		{
			name: 'the judge failed on one market of the 32B: inconclusive, no 70B pulled',
			world: {...fast, [Q32]: {trader: null, rate: 20, judged: [{answer: 9, baseline: 9}, {judgeError: 'The Claude API rejected the request (400): temperature'}, {answer: 9, baseline: 9}]}},
			pulled: [Q32],
			offer: /1 of 3 markets have no judged score.*market-b: the judge failed \(rejected:/,
			defaultChoice: 'skip',
			recommendation: /provisionally/,
		},
	];

	it.each(table)('$name', (row) => {
		const run = play({world: row.world, escalation: ['default', 'default'], deleteFirst: ['default']});
		expect(run.last.kind).toBe('done');
		expect(run.log.filter((line) => line.startsWith('pull ')).map((line) => line.slice(5))).toEqual(row.pulled);
		const offer = run.offers[0];
		if (row.offer === null) expect(offer).toBeUndefined();
		else {
			expect(offer?.reason).toMatch(row.offer);
			expect(offer?.defaultChoice).toBe(row.defaultChoice);
		}
		const recommendation = run.state.results.recommendation;
		const said = `${recommendation?.reason} ${recommendation?.ceiling} ${recommendation?.nextStep}`;
		expect(said).toMatch(row.recommendation);
		if (row.notInRecommendation) expect(said).not.toMatch(row.notInRecommendation);
	});

	it('a compliance failure with a top score is never recommended as meeting the threshold', () => {
		const world: World = {
			...fast,
			[Q14]: {trader: null, rate: rateOnMachine(20, Q14), judged: {answer: 10, baseline: 9, missing: ['stopLoss', 'target', 'sizing', 'decision']}},
			[M22]: {trader: 8.6, rate: rateOnMachine(20, M22)},
		};
		const run = play({world, escalation: ['skip']});
		const recommendation = run.state.results.recommendation;
		expect(recommendation?.model).toBe(M22);
		expect(recommendation?.belowThreshold).toBe(true);
		expect(recommendation?.reason).not.toMatch(/qwen2\.5:14b/);
	});

	it('a 70B that met the threshold keeps it when deleted: --yes never deletes it, and it stays the ceiling', () => {
		const world: World = {...roundOneWorld({rate32: 14.4}), [Q72]: {trader: 10, rate: 5.9}};
		const run = play({world, escalation: ['default', 'accept'], deleteFirst: ['default']});
		expect(run.installed).toContain(Q72);
		expect(run.state.results.rounds.map((r) => r.decision)).toContain('keep-first');
		expect(run.state.results.recommendation?.ceiling).toMatch(/^qwen2\.5:72b reaches 10\.0 relative to Claude/);
		expect(run.log).not.toContain(`pull ${L70}`);
	});
});
