import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {testSettings} from '../../helpers/testSettings.js';
import {openSettingsStore} from '../../../source/experiment/settingsStore.js';
import type {RunnerEvent} from '../../../source/experiment/runner/index.js';
import {ProviderError} from '../../../source/providers/errors.js';
import type {ResultsFile} from '../../../source/domain/schema.js';
import {roundOneWorld, type World} from '../strategy/fixtures.js';
import {advancePastOffer, harness} from './fakes.js';

const world: World = {
	...roundOneWorld(),
	'qwen2.5:72b': {trader: 9.2, rate: 8.5},
};
const accepting: World = {...world, ...roundOneWorld({trader32: 9.3})};

function saved(dir: string): ResultsFile {
	return JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as ResultsFile;
}

describe('runner', () => {
	it('waits on the plan, then runs round 1, accepts the 32B and writes configs and report', async () => {
		const h = harness(accepting);
		const runner = await h.start();
		const events: RunnerEvent[] = [];
		runner.subscribe((event) => events.push(event));
		expect((await runner.advance()).kind).toBe('plan');
		expect(h.calls).toEqual([]);
		runner.dispatch({type: 'plan:confirmed'});
		expect((await advancePastOffer(runner)).kind).toBe('done');
		await runner.close();
		// Installed models are benchmarked and compared while the 32B pulls; each model's steps run back to back (one load).
		expect(h.calls).toEqual([
			'pull qwen2.5:32b',
			'baseline',
			'bench qwen2.5:14b',
			'compare qwen2.5:14b',
			'tools qwen2.5:14b',
			'bench mistral-small:22b',
			'compare mistral-small:22b',
			'tools mistral-small:22b',
			'bench qwen2.5:32b',
			'compare qwen2.5:32b',
			'tools qwen2.5:32b',
			'configs qwen2.5:32b',
			'report',
		]);
		const results = saved(h.dir);
		expect(results.rounds.map((record) => record.decision)).toEqual(['accept', 'recommend']);
		expect(results.recommendation).toMatchObject({model: 'qwen2.5:32b', practical: true, configs: ['hybrid_qwen32', 'hybrid_aggressive_qwen32', 'hybrid_aggressive_qwen32_localtools']});
		expect(results.settings?.threshold).toBe(9);
		expect(results.environment?.ollamaVersion).toBe('0.32.15');
		expect(events.filter((event) => event.type === 'strategy:decision').length).toBe(2);
		const progress = openSettingsStore({cwd: h.confDir}).readProgress(path.join(h.dir, 'scaling-results.json'));
		expect(progress?.done).toMatchObject({'bench:qwen2.5:32b': 'reps=3;num_ctx=8192;num_predict=512', 'tools:qwen2.5:32b': ''});
	});

	it('passes a warning from outside the steps (a provider retrying) to its listeners', async () => {
		const h = harness(world);
		const runner = await h.start();
		const events: RunnerEvent[] = [];
		runner.subscribe((event) => events.push(event));
		runner.warn('Ollama is busy; retrying in 0.5 s');
		await runner.close();
		expect(events).toContainEqual({type: 'warning', message: 'Ollama is busy; retrying in 0.5 s'});
	});

	it('stops at the escalation offer, persists the choice, and pulls one 70B', async () => {
		const h = harness(world);
		const runner = await h.start();
		await runner.advance();
		runner.dispatch({type: 'plan:confirmed'});
		const asked = await runner.advance();
		if (asked.kind !== 'ask-escalation') throw new Error(`expected the offer, got ${asked.kind}`);
		expect(asked.offer.recommended).toBe('qwen2.5:72b');
		runner.dispatch({type: 'escalation:chosen', choice: 'accept', offer: asked.offer, at: 'now'});
		expect(saved(h.dir).rounds[0]).toMatchObject({round: 1, decision: 'escalate', chosen: 'qwen2.5:72b'});
		expect((await advancePastOffer(runner)).kind).toBe('done');
		await runner.close();
		expect(h.calls.filter((call) => call.startsWith('pull'))).toEqual(['pull qwen2.5:32b', 'pull qwen2.5:72b']);
		expect(saved(h.dir).recommendation?.model).toBe('qwen2.5:72b');
		expect(h.deleted).toEqual([]);
	});

	it('resumes at the question after a quit without measuring anything again', async () => {
		const h = harness(world);
		const first = await h.start();
		await first.advance();
		first.dispatch({type: 'plan:confirmed'});
		expect((await first.advance()).kind).toBe('ask-escalation');
		await first.close();
		const measured = [...h.calls];
		const second = await h.start();
		expect((await second.advance()).kind).toBe('plan');
		second.dispatch({type: 'plan:confirmed'});
		expect((await second.advance()).kind).toBe('ask-escalation');
		await second.close();
		expect(h.calls).toEqual(measured);
	});

	it('cancels the step in progress, keeps what was measured, and continues on retry', async () => {
		const h = harness(accepting);
		h.hold.bench = 'wait-cancel';
		const runner = await h.start();
		await runner.advance();
		runner.dispatch({type: 'plan:confirmed'});
		runner.subscribe((event) => {
			if (event.type === 'strategy:step-start' && event.action.step === 'bench') setTimeout(() => runner.cancelStep(), 5);
		});
		const stopped = await runner.advance();
		expect(stopped.kind).toBe('canceled');
		expect(saved(h.dir).models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('pulled');
		runner.dispatch({type: 'retry'});
		expect((await advancePastOffer(runner)).kind).toBe('done');
		await runner.close();
		expect(h.calls.filter((call) => call === 'pull qwen2.5:32b').length).toBe(1);
		// The first benchmark (the installed 14B's) was canceled and runs again; nothing else repeats.
		expect(h.calls.filter((call) => call === 'bench qwen2.5:14b').length).toBe(2);
		expect(h.calls.filter((call) => call === 'bench qwen2.5:32b').length).toBe(1);
	});

	it('reports a failed step with what to do, and keeps earlier results', async () => {
		const h = harness(accepting);
		h.hold.compare = new ProviderError('unreachable', 'Ollama is not reachable at http://sim', 'Start it with `ollama serve`.');
		const runner = await h.start();
		await runner.advance();
		runner.dispatch({type: 'plan:confirmed'});
		const failed = await runner.advance();
		expect(failed).toMatchObject({kind: 'failed', message: 'Ollama is not reachable at http://sim — Start it with `ollama serve`.'});
		// The pull went on beside the failing local step and is kept.
		expect(saved(h.dir).models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('pulled');
		await runner.close();
	});

	it('refuses a second process on the same results', async () => {
		const h = harness(world);
		const first = await h.start();
		await expect(h.start()).rejects.toThrow(/Another trifecta is running/);
		await first.close();
		const again = await h.start();
		await again.close();
	});

	it('changing reps from the plan redoes the benchmark only', async () => {
		const h = harness(accepting);
		const first = await h.start();
		await first.advance();
		first.dispatch({type: 'plan:confirmed'});
		await first.advance();
		await first.close();
		h.calls.length = 0;
		const second = await h.start();
		await second.advance();
		second.updateSettings({...testSettings, reps: 5});
		second.dispatch({type: 'plan:confirmed'});
		expect((await advancePastOffer(second)).kind).toBe('done');
		await second.close();
		expect(h.calls).toEqual(['bench qwen2.5:32b', 'configs qwen2.5:32b', 'report']);
		expect(openSettingsStore({cwd: h.confDir}).read().reps).toBe(5);
		expect(saved(h.dir).rounds.map((record) => record.decision)).toEqual(['accept', 'recommend']);
	});

	it('deletes the first 70B only after confirmation', async () => {
		const h = harness({...world, 'qwen2.5:72b': {trader: 8.6, rate: 8.5}, 'llama3.3:70b': {trader: 9.1, rate: 9}});
		const runner = await h.start();
		await runner.advance();
		runner.dispatch({type: 'plan:confirmed'});
		let action = await runner.advance();
		if (action.kind !== 'ask-escalation') throw new Error(action.kind);
		runner.dispatch({type: 'escalation:chosen', choice: 'accept', offer: action.offer, at: 'now'});
		action = await runner.advance();
		if (action.kind !== 'ask-escalation') throw new Error(action.kind);
		runner.dispatch({type: 'escalation:chosen', choice: 'accept', offer: action.offer, at: 'now'});
		action = await runner.advance();
		expect(action).toMatchObject({kind: 'ask-delete', model: 'qwen2.5:72b', next: 'llama3.3:70b'});
		expect(h.deleted).toEqual([]);
		if (action.kind !== 'ask-delete') return;
		runner.dispatch({type: 'delete:answered', round: action.round, model: action.model, next: action.next, confirm: true, at: 'now'});
		expect((await advancePastOffer(runner)).kind).toBe('done');
		await runner.close();
		expect(h.deleted).toEqual(['qwen2.5:72b']);
		expect(h.calls.indexOf('pull llama3.3:70b')).toBeGreaterThan(-1);
		expect(saved(h.dir).recommendation?.model).toBe('llama3.3:70b');
	});
});
