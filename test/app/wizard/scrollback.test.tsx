// What stays in the terminal's scrollback once a round's live step screens are gone: under each
// "── round · step" header, the step's figures, one line per model within 80 columns.
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {stripVTControlCharacters} from 'node:util';
import type {Role} from '../../../source/domain/schema.js';
import {createRunner, type StepFunctions} from '../../../source/experiment/runner/index.js';
import {roundOneWorld, type World} from '../../experiment/strategy/fixtures.js';
import {harness, type Harness} from '../../experiment/runner/fakes.js';
import {errorResponse, okResponse, scenario} from '../fixtures/compareEvents.js';
import {renderWizard, enterThrough} from './helpers.js';

const world: World = {
	...roundOneWorld(),
	'qwen2.5:72b': {trader: 9.2, rate: 8.5},
};

const ROLES: Role[] = ['bull', 'bear', 'trader'];
const CEILING = 20.1;

afterEach(() => cleanup());

/** The harness's steps, plus the events the real steps emit when they finish (the fakes emit none). */
function emitting(h: Harness): StepFunctions {
	return {
		async pull(ctx, model) {
			const result = {...(await h.steps.pull(ctx, model)), bytes: 19.9e9, seconds: 12.4};
			ctx.emit({type: 'pull:done', model, result});
			return result;
		},
		async bench(ctx, model) {
			const outcome = await h.steps.bench(ctx, model);
			const mean = outcome.speed.evalRate.mean;
			const speed = {...outcome.speed, evalRate: {mean, sd: 0.12, samples: [mean - 0.1, mean + 0.14, mean]}, ceilingRate: CEILING, efficiency: mean / CEILING};
			ctx.emit({type: 'bench:done', model, speed, practical: outcome.practical});
			return outcome;
		},
		async compare(ctx, models) {
			const outcome = await h.steps.compare(ctx, models);
			const subjects = ['claude:claude-sonnet-4-5', ...models];
			ctx.emit({type: 'compare:start', subjects, roles: ROLES, baseline: 'run', baselineNote: null});
			for (const subject of subjects) {
				const trader = subject.startsWith('claude:') ? 9.8 : (world[subject]?.trader ?? 5);
				for (const role of ROLES) {
					const response =
						subject === 'qwen2.5:14b' && role === 'bear'
							? errorResponse('bear', 'timed out after 600 s')
							: role === 'trader'
								? okResponse('trader', trader, {words: 150, decision: 'HOLD'})
								: okResponse(role, 8, {words: 700});
					ctx.emit({type: 'compare:cell-done', subject, role, response});
				}
			}
			return outcome;
		},
		baseline: (ctx, board) => h.steps.baseline(ctx, board),
		async tools(ctx, models) {
			const outcome = await h.steps.tools(ctx, models);
			const passed = {supported: true, scenarios: [scenario('single-call', 'pass')], passed: 5, total: 5};
			for (const model of models) {
				const result =
					model === 'mistral-small:22b'
						? {native: passed, openai: {supported: true, scenarios: [scenario('single-call', 'pass'), scenario('no-leak', 'fail', 'no tool call')], passed: 4, total: 5}, at: 'now'}
						: model === 'qwen2.5:14b'
							? {native: {supported: false, scenarios: [scenario('single-call', 'unsupported', 'model does not support tools')], passed: 0, total: 5}, openai: passed, at: 'now'}
							: {native: passed, openai: passed, at: 'now'};
				ctx.emit({type: 'tools:done', model, result});
			}
			return outcome;
		},
	};
}

describe('wizard scrollback', () => {
	it('keeps each step’s figures under its round header once the round ends', async () => {
		const h = harness(world);
		const runner = await createRunner(h.deps(), emitting(h), h.outputs);
		const ui = renderWizard(runner);
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1: qwen2.5:32b']);
		const lines = stripVTControlCharacters(ui.frame()).split('\n');
		const after = (header: string) => lines.slice(lines.findIndex((line) => line.startsWith(header)) + 1);

		// The installed models are measured while the 32B pulls: their lines come between.
		expect(after('── round 1 · pull · qwen2.5:32b')).toContain('pulled qwen2.5:32b: 19.9 GB in 12.4 s');
		// 16.2 t/s against a 20.1 t/s ceiling: 81 %, above the 8 t/s minimum.
		expect(after('── round 1 · bench · qwen2.5:32b')[0]).toBe('qwen2.5:32b  16.2 ± 0.1 t/s decode (81% of 20.1 t/s ceiling) · practical');
		// Each model's compare and tools follow each other (one load per model), each under its own header.
		expect(after('── round 1 · compare · qwen2.5:14b').slice(0, 3).join('\n')).toMatch(/qwen2\.5:14b\s+bull 8\.0 700w · bear ERROR · trader 7\.1 150w HOLD/);
		expect(after('── round 1 · compare · qwen2.5:32b').slice(0, 3).join('\n')).toMatch(/qwen2\.5:32b\s+bull 8\.0 700w · bear 8\.0 700w · trader 8\.4 150w HOLD/);
		expect(after('── round 1 · tools · qwen2.5:14b')[0]).toBe('qwen2.5:14b: native unsupported (0/5), openai 5/5 · model does not support tools');
		expect(after('── round 1 · tools · mistral-small:22b')[0]).toBe('mistral-small:22b: native 5/5, openai 4/5 · FAIL: no tool call');
		expect(after('── round 1 · tools · qwen2.5:32b')[0]).toBe('qwen2.5:32b: native 5/5, openai 5/5');
		await runner.close();
	});

	it('adds round 2’s figures below round 1’s after the escalation', async () => {
		const h = harness(world);
		const runner = await createRunner(h.deps(), emitting(h), h.outputs);
		const ui = renderWizard(runner);
		await enterThrough(ui, ['Preflight', 'Plan — the ladder', 'Verdict — round 1', 'Escalation after round 1', 'Verdict — final']);
		const frame = stripVTControlCharacters(ui.frame());
		expect(frame).toContain('── round 2 · bench · qwen2.5:72b\nqwen2.5:72b  8.5 ± 0.1 t/s decode (42% of 20.1 t/s ceiling) · practical');
		expect(frame).toContain('── round 2 · tools · qwen2.5:72b\nqwen2.5:72b: native 5/5, openai 5/5');
		await runner.close();
	});
});
