// At 60x20 the plan's rows were cut at the end: "expected" read "≤ 4…".
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {PlanScreen, planModels} from '../../../source/app/wizard/screens/planScreen.js';
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
});
