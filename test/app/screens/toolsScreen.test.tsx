import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {ToolsScreen} from '../../../source/app/screens/toolsScreen.js';
import {initialToolsView, reduceToolsView, type ToolsView} from '../../../source/app/state/toolsView.js';
import type {ToolsEvent} from '../../../source/experiment/events.js';
import type {ToolScenarioOutcome} from '../../../source/domain/schema.js';
import {scenario} from '../fixtures/compareEvents.js';

afterEach(() => cleanup());

const IDS: ToolScenarioOutcome['id'][] = ['single-call', 'choose-tool', 'use-result', 'structured-output', 'no-leak'];

function view(events: ToolsEvent[]): ToolsView {
	return events.reduce(reduceToolsView, initialToolsView);
}

function endpointDone(model: string, endpoint: 'native' | 'openai', outcomes: ToolScenarioOutcome[], supported = true): ToolsEvent[] {
	return [
		...outcomes.map((outcome): ToolsEvent => ({type: 'tools:scenario-done', model, endpoint, outcome})),
		{type: 'tools:endpoint-done', model, endpoint, result: {supported, scenarios: outcomes, passed: outcomes.filter((o) => o.outcome === 'pass').length, total: 5}},
	];
}

describe('ToolsScreen', () => {
	it('fills a models x scenarios grid per endpoint as results arrive, with reasons for failures', () => {
		const state = view([
			{type: 'tools:start', models: ['qwen2.5:32b', 'gemma3:4b'], endpoints: ['native', 'openai']},
			...endpointDone('qwen2.5:32b', 'native', [
				scenario('single-call', 'pass'),
				scenario('choose-tool', 'pass'),
				scenario('use-result', 'fail', 'kept calling tools after 3 rounds; the pipeline would hang'),
				scenario('structured-output', 'pass'),
				scenario('no-leak', 'pass'),
			]),
			{type: 'tools:scenario-start', model: 'qwen2.5:32b', endpoint: 'openai', scenario: 'single-call'},
		]);
		const frame = render(<ToolsScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toContain('native /api/chat');
		expect(frame).toContain('OpenAI-compatible /v1/chat/completions');
		expect(frame).toMatch(/qwen2\.5:32b\s+PASS\s+PASS\s+FAIL\s+PASS\s+PASS\s+4\/5/);
		expect(frame).toContain('qwen2.5:32b result: kept calling tools after 3 rounds; the pipeline would hang');
		// The openai grid: the first scenario running, the rest waiting.
		expect(frame).toMatch(/qwen2\.5:32b\s+…\s+·\s+·\s+·\s+·/);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	// At 70x20 the grid (laid out for 80) cut "passed" to "pas"; names give way first, then cells.
	it.each([70, 60])('keeps every column and every word whole at %i columns', (columns) => {
		const state = view([
			{type: 'tools:start', models: ['mistral-small:22b', 'qwen2.5:32b'], endpoints: ['native']},
			...endpointDone('mistral-small:22b', 'native', IDS.map((id) => scenario(id, 'pass'))),
			...endpointDone('qwen2.5:32b', 'native', [...IDS.slice(0, 4).map((id) => scenario(id, 'pass')), scenario('no-leak', 'fail', 'leaked the tool call as text')]),
		]);
		const frame = render(<ToolsScreen view={state} animate={false} width={columns} />).lastFrame() ?? '';
		expect(frame).toMatch(/model\s+call\s+choose\s+result\s+schema\s+no-leak\s+passed/);
		expect(frame).toMatch(/mistral-small:22b\s+PASS\s+PASS\s+PASS\s+PASS\s+PASS\s+5\/5/);
		expect(frame).toMatch(/qwen2\.5:32b\s+PASS\s+PASS\s+PASS\s+PASS\s+FAIL\s+4\/5/);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
	});

	it('shows n/a and "unsupported" for a model without tools', () => {
		const unsupported = IDS.map((id) => scenario(id, 'unsupported', 'model does not support tools (HTTP 400)'));
		const state = view([{type: 'tools:start', models: ['gemma3:4b'], endpoints: ['native']}, ...endpointDone('gemma3:4b', 'native', unsupported, false)]);
		const frame = render(<ToolsScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toMatch(/gemma3:4b\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+unsupported/);
		expect(frame).toContain('gemma3:4b: unsupported, model does not support tools (HTTP 400)');
	});
});
