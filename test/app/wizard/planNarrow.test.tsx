// At 60x20 the plan's rows were cut at the end: "expected" read "≤ 4…".
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {PlanScreen, planModels, planSentences} from '../../../source/app/wizard/screens/planScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import type {MachineFacts} from '../../../source/experiment/strategy/index.js';

const machine: MachineFacts = {
	installed: [
		{name: 'qwen2.5:14b', sizeBytes: 9e9},
		{name: 'mistral-small:22b', sizeBytes: 13.3e9},
	],
	totalRamBytes: 128e9,
	freeRamBytes: 90e9,
	modelsDiskFreeBytes: 800e9,
	bandwidthGBs: 400,
	claudeAvailable: true,
};

function frame(width: number): string {
	const {lastFrame, unmount} = render(<PlanScreen settings={defaultSettings} machine={machine} cursor={0} rows={40} width={width} plan={[]} />);
	const text = lastFrame() ?? '';
	unmount();
	return text;
}

describe('the plan on a narrow terminal', () => {
	it.each([60, 80])('shows every model row whole, its expected rate included, at %i columns', (width) => {
		const text = frame(width);
		expect(text).toMatch(/on\s+model\s+size\s+\S+\s+\S+( RAM)?\s+expected/);
		const models = planModels(defaultSettings, machine).map((model) => model.name);
		expect(models.length).toBeGreaterThan(3);
		for (const model of models) {
			const row = text.split('\n').find((line) => line.includes(` ${model} `));
			expect(row, model).toMatch(/(yes|no)\s+(yes|NO)\s+≤ \d+\.\d t\/s$/);
		}
		expect(text).not.toContain('…');
		for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
	});

	// At 60x20 the plan's sentences took all but three rows: one model in view, the last sentence cut
	// off mid-word by the page's bottom edge.
	it('at 60x20 keeps half the page for the list and says how many sentences a taller terminal shows', () => {
		const sentences = [
			'Round 1: qwen2.5:32b, next above what is installed; pull 19.9 GB.',
			'Measured in round 1: qwen2.5:14b, mistral-small:22b, qwen2.5:32b.',
			'Not measured: command-r:35b, not installed (pull it first, or r: round 1).',
			'Below 9.9: qwen2.5:72b or llama3.3:70b, speed predicted first, one at a time.',
			'Claude for round 1: about $1.30 for 90 Claude calls at list prices.',
		];
		// The wizard gives the plan 15 rows at 60x20 (title, footer and the free row take the rest).
		const {lastFrame, unmount} = render(<PlanScreen settings={defaultSettings} machine={machine} cursor={0} rows={15} width={60} plan={sentences} />);
		const lines = (lastFrame() ?? '').split('\n');
		unmount();
		expect(lines.length).toBeLessThanOrEqual(15);
		expect(lines.filter((line) => /\[x\]/.test(line)).length).toBeGreaterThanOrEqual(4);
		expect(lines.join('\n')).toContain('Round 1: qwen2.5:32b');
		expect(lines.at(-1)).toMatch(/^… \d more lines? of the plan in a taller terminal$/);
		// Whole sentences only: each shown one ends where it ends.
		expect(lines.join(' ')).not.toMatch(/at list$/);
	});

	it('planSentences keeps them all when they fit, else a prefix and the count left out', () => {
		expect(planSentences(['a', 'b'], 60, 2)).toEqual({shown: ['a', 'b'], left: 0});
		expect(planSentences(['a', 'b', 'c'], 60, 2)).toEqual({shown: ['a'], left: 2});
		expect(planSentences(['x'.repeat(100), 'b'], 60, 2)).toEqual({shown: [], left: 2});
	});
});
