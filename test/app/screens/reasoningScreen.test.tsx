import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {ReasoningScreen} from '../../../source/app/screens/reasoningScreen.js';
import {initialCompareView, reduceCompareView, type CompareView} from '../../../source/app/state/compareView.js';
import type {CompareEvent} from '../../../source/experiment/events.js';
import {errorResponse, okResponse} from '../fixtures/compareEvents.js';

afterEach(() => cleanup());

function view(events: CompareEvent[]): CompareView {
	return events.reduce(reduceCompareView, initialCompareView);
}

const start: CompareEvent = {
	type: 'compare:start',
	subjects: ['claude:claude-sonnet-4-5-20250929', 'qwen2.5:14b', 'qwen2.5:32b'],
	roles: ['bull', 'bear', 'trader'],
	baseline: 'run',
	baselineNote: null,
};

describe('ReasoningScreen', () => {
	it('shows waiting cells, a running cell with the streamed tail and elapsed time, and finished figures', () => {
		const state = view([
			start,
			{type: 'compare:cell-done', subject: 'claude:claude-sonnet-4-5-20250929', role: 'trader', response: okResponse('trader', 9.6, {words: 812, decision: 'BUY'})},
			{type: 'compare:cell-start', subject: 'qwen2.5:14b', role: 'bull', at: 100},
			{type: 'compare:delta', subject: 'qwen2.5:14b', role: 'bull', text: 'Services revenue grew to a record', at: 3600},
		]);
		const frame = render(<ReasoningScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toContain('Claude (baseline)');
		expect(frame).toMatch(/Claude \(baseline\)\s+waiting\s+waiting\s+9\.6 812w BUY/);
		expect(frame).toMatch(/qwen2\.5:14b\s+… running\s+waiting\s+waiting/);
		expect(frame).toContain('qwen2.5:14b · bull · 3.5s');
		expect(frame).toContain('Services revenue grew to a record');
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('says the baseline was skipped and why', () => {
		const state = view([{...start, subjects: ['qwen2.5:14b'], baseline: 'skipped', baselineNote: 'ANTHROPIC_API_KEY is not set'}]);
		const frame = render(<ReasoningScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toContain('baseline skipped: ANTHROPIC_API_KEY is not set');
		expect(frame).not.toContain('Claude (baseline)');
	});

	it('shows an ERROR cell and its reason, the other cells scored', () => {
		const state = view([
			start,
			{type: 'compare:cell-done', subject: 'qwen2.5:32b', role: 'bear', response: errorResponse('bear', 'The model runner stopped — free memory and retry')},
			{type: 'compare:cell-done', subject: 'qwen2.5:32b', role: 'trader', response: okResponse('trader', 8.1, {words: 640, decision: 'HOLD'})},
		]);
		const frame = render(<ReasoningScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toMatch(/qwen2\.5:32b\s+waiting\s+ERROR\s+8\.1 640w HOLD/);
		expect(frame).toContain('qwen2.5:32b bear: ERROR The model runner stopped — free memory and retry');
	});

	it('labels simulated runs', () => {
		const frame = render(<ReasoningScreen view={view([start])} animate={false} simulated />).lastFrame() ?? '';
		expect(frame).toContain('SIMULATED');
	});
});
