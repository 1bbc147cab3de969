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

	it('shows n/a and "unsupported" for a model without tools', () => {
		const unsupported = IDS.map((id) => scenario(id, 'unsupported', 'model does not support tools (HTTP 400)'));
		const state = view([{type: 'tools:start', models: ['gemma3:4b'], endpoints: ['native']}, ...endpointDone('gemma3:4b', 'native', unsupported, false)]);
		const frame = render(<ToolsScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toMatch(/gemma3:4b\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+unsupported/);
		expect(frame).toContain('gemma3:4b: unsupported, model does not support tools (HTTP 400)');
	});
});
