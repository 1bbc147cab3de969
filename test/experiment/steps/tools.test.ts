import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {profileFor} from '../../../source/simulator/index.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat.js';
import {runTools} from '../../../source/experiment/steps/tools.js';
import type {EndpointToolResult, ToolCallingResult, ToolScenarioId} from '../../../source/domain/schema.js';
import {eventsOfType, stepHarness, type StepHarness} from '../../helpers/stepHarness.js';

const MODELS = {
	good: 'good-tools:8b',
	leaky: 'leaky-tools:8b',
	unsupported: 'no-tools:8b',
	wrongArgs: 'wrong-args:8b',
	loops: 'loops-tools:8b',
	badSchema: 'bad-schema:8b',
} as const;

const BEHAVIOUR = {
	good: 'good',
	leaky: 'leaky',
	unsupported: 'unsupported',
	wrongArgs: 'wrong-args',
	loops: 'loops',
	badSchema: 'bad-schema',
} as const;

function outcome(result: EndpointToolResult | undefined, id: ToolScenarioId) {
	const found = result?.scenarios.find((scenario) => scenario.id === id);
	if (!found) throw new Error(`no outcome for ${id}`);
	return found;
}

describe('runTools against simulator profiles, on both endpoints', () => {
	let harness: StepHarness;
	let results: Record<string, ToolCallingResult>;

	beforeAll(async () => {
		const names = Object.keys(MODELS) as (keyof typeof MODELS)[];
		harness = await stepHarness({
			sim: {
				profiles: names.map((key) => profileFor(MODELS[key], {tools: BEHAVIOUR[key]})),
				installed: names.map((key) => MODELS[key]),
			},
		});
		harness.ctx.openai = createOpenAICompatProvider({host: harness.sim.url, maxRetries: 0});
		results = await runTools(harness.ctx, Object.values(MODELS));
	});
	afterAll(async () => harness.close());

	for (const endpoint of ['native', 'openai'] as const) {
		describe(endpoint, () => {
			it('passes a model that does everything right, 5/5', () => {
				const result = results[MODELS.good]?.[endpoint];
				expect(result).toMatchObject({supported: true, passed: 5, total: 5});
				expect(result?.scenarios.every((scenario) => scenario.latencyMs >= 0)).toBe(true);
			});

			it('fails a model that writes its calls into text with "leaked into text"', () => {
				const result = results[MODELS.leaky]?.[endpoint];
				expect(result?.supported).toBe(true);
				expect(outcome(result, 'no-leak')).toMatchObject({outcome: 'fail', reason: expect.stringContaining('leaked into text')});
				expect(outcome(result, 'single-call').reason).toContain('leaked into text');
				expect(result?.passed).toBe(0);
			});

			it('reports a model without tools as unsupported, not as an error', () => {
				const result = results[MODELS.unsupported]?.[endpoint];
				expect(result).toMatchObject({supported: false, passed: 0});
				expect(result?.scenarios).toHaveLength(5);
				expect(result?.scenarios.every((scenario) => scenario.outcome === 'unsupported')).toBe(true);
				expect(outcome(result, 'single-call').reason).toMatch(/does not support tools/);
			});

			it('fails wrong arguments with the argument that was wrong', () => {
				const result = results[MODELS.wrongArgs]?.[endpoint];
				expect(outcome(result, 'single-call')).toMatchObject({outcome: 'fail', reason: expect.stringMatching(/wrong arguments: .*symbol "MSFT" \(expected AAPL\)/)});
				expect(outcome(result, 'choose-tool').outcome).toBe('fail');
				expect(outcome(result, 'no-leak').outcome).toBe('pass');
			});

			it('fails a model that never stops calling tools, saying the pipeline would hang', () => {
				const result = results[MODELS.loops]?.[endpoint];
				expect(outcome(result, 'use-result')).toMatchObject({outcome: 'fail', reason: 'kept calling tools after 3 rounds; the pipeline would hang'});
				expect(outcome(result, 'single-call').outcome).toBe('pass');
			});

			it('fails structured output whose arguments break the TraderProposal schema, naming the fields', () => {
				const result = results[MODELS.badSchema]?.[endpoint];
				const structured = outcome(result, 'structured-output');
				expect(structured.outcome).toBe('fail');
				expect(structured.reason).toMatch(/^arguments fail the schema: /);
				expect(structured.reason).toContain('action');
				expect(structured.reason).toContain('entry_price');
				expect(result?.passed).toBe(4);
			});
		});
	}

	it('persists toolCalling for every model and writes the text grid', () => {
		const stored = JSON.parse(fs.readFileSync(harness.resultsFile, 'utf8')) as {models: {name: string; toolCalling?: ToolCallingResult}[]};
		for (const name of Object.values(MODELS)) {
			const entry = stored.models.find((model) => model.name === name);
			expect(entry?.toolCalling?.native?.total).toBe(5);
			expect(entry?.toolCalling?.openai?.total).toBe(5);
		}
		const grid = fs.readFileSync(path.join(harness.dir, 'tool_calling_scaling.txt'), 'utf8');
		expect(grid).toContain(MODELS.good);
		expect(grid).toContain('leaked into text');
	});

	it('emits a result for every scenario of every endpoint and unloads each model', () => {
		expect(eventsOfType(harness.events, 'tools:scenario-done')).toHaveLength(6 * 2 * 5);
		expect(eventsOfType(harness.events, 'tools:done').map((event) => event.model)).toEqual(Object.values(MODELS));
		expect(harness.sim.loaded()).toEqual([]);
	});
});
