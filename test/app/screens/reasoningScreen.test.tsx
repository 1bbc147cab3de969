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

	// At 60x20 the grid (laid out for 80) lost its trader column: names give way first, then cells.
	it('keeps every role column and every figure at 60 columns', () => {
		const state = view([
			start,
			{type: 'compare:cell-done', subject: 'claude:claude-sonnet-4-5-20250929', role: 'trader', response: okResponse('trader', 9.6, {words: 812, decision: 'BUY'})},
			{type: 'compare:cell-done', subject: 'qwen2.5:32b', role: 'trader', response: okResponse('trader', 8.1, {words: 640, decision: 'HOLD'})},
			{type: 'compare:cell-start', subject: 'qwen2.5:14b', role: 'bull', at: 100},
		]);
		const frame = render(<ReasoningScreen view={state} animate={false} width={60} />).lastFrame() ?? '';
		expect(frame).toMatch(/subject\s+bull\s+bear\s+trader/);
		expect(frame).toMatch(/Claude \(baseline\)\s+waiting\s+waiting\s+9\.6 812w BUY/);
		expect(frame).toMatch(/qwen2\.5:32b\s+waiting\s+waiting\s+8\.1 640w HOLD/);
		expect(frame).toMatch(/qwen2\.5:14b\s+… running\s+waiting\s+waiting/);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
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

	it('shows quality and compliance apart, says which scorer produced the quality, and names the running market', () => {
		const judged = {
			...okResponse('trader', 4.2, {words: 300, decision: 'BUY'}),
			scoreSource: 'judge' as const,
			scorer: {kind: 'judge' as const, version: '1', judgeModel: 'claude-sonnet-4-5', baseline: null},
			quality: {mean: 4.2, low: 2.9, high: 5.5, n: 3},
			compliance: {words: 300, figures: 6, grounded: 5, unsupported: 1, checks: [], passed: 5, total: 7},
		};
		const state = view([
			start,
			{type: 'compare:cell-done', subject: 'qwen2.5:14b', role: 'trader', response: judged},
			{type: 'compare:cell-start', subject: 'qwen2.5:32b', role: 'bull', at: 100, scenario: 'earnings-miss'},
		]);
		const frame = render(<ReasoningScreen view={state} animate={false} />).lastFrame() ?? '';
		expect(frame).toMatch(/qwen2\.5:14b\s+waiting\s+waiting\s+4\.2 5\/7✓ BUY/);
		expect(frame).toContain('quality 0-10: judge claude-sonnet-4-5, absolute, beside Claude');
		expect(frame).toContain('mean of 3 markets · n/m✓ = compliance checks passed');
		expect(frame).toContain('qwen2.5:32b · bull · earnings-miss');
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('labels offline rubric scores as such', () => {
		const offline = {...okResponse('bull', 7.5), scoreSource: 'rubric' as const, quality: {mean: 7.5, low: 6, high: 9, n: 3}};
		const state = view([start, {type: 'compare:cell-done', subject: 'qwen2.5:14b', role: 'bull', response: offline}]);
		expect(render(<ReasoningScreen view={state} animate={false} />).lastFrame()).toContain('quality 0-10: format-and-grounding check');
	});
});

