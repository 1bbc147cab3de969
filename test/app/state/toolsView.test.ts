import {describe, expect, it} from 'vitest';
import {initialToolsView, reduceToolsView, toolCell, type ToolsView} from '../../../source/app/state/toolsView.js';
import type {ToolsEvent} from '../../../source/experiment/events.js';
import {scenario} from '../fixtures/compareEvents.js';

function fold(events: ToolsEvent[], from: ToolsView = initialToolsView): ToolsView {
	return events.reduce(reduceToolsView, from);
}

const start: ToolsEvent = {type: 'tools:start', models: ['a:1b', 'b:1b'], endpoints: ['native', 'openai']};

describe('reduceToolsView', () => {
	it('fills one cell per model, endpoint and scenario as results arrive', () => {
		const view = fold([
			start,
			{type: 'tools:scenario-start', model: 'a:1b', endpoint: 'openai', scenario: 'use-result'},
		]);
		expect(toolCell(view, 'a:1b', 'openai', 'use-result')).toEqual({status: 'running'});
		expect(toolCell(view, 'a:1b', 'native', 'use-result')).toEqual({status: 'waiting'});
		const done = fold([{type: 'tools:scenario-done', model: 'a:1b', endpoint: 'openai', outcome: scenario('use-result', 'fail', 'kept calling tools after 3 rounds')}], view);
		expect(toolCell(done, 'a:1b', 'openai', 'use-result')).toMatchObject({status: 'done', outcome: {outcome: 'fail'}});
		expect(done.running).toBeNull();
	});

	it('keeps each endpoint summary, including unsupported', () => {
		const view = fold([
			start,
			{type: 'tools:endpoint-done', model: 'b:1b', endpoint: 'native', result: {supported: false, scenarios: [], passed: 0, total: 5}},
		]);
		expect(view.summaries['b:1b|native']).toMatchObject({supported: false});
		expect(view.summaries['b:1b|openai']).toBeUndefined();
	});
});
