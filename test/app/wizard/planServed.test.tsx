// The plan on a served backend (--backend openai): the list is what the server serves, the column
// says "served", this machine's RAM is not judged, and the page says that serving is done there.
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {PlanScreen, planKey, planModels} from '../../../source/app/wizard/screens/planScreen.js';
import {defaultSettings} from '../../../source/experiment/settings.js';
import type {MachineFacts} from '../../../source/experiment/strategy/index.js';

const machine: MachineFacts = {
	installed: [
		{name: 'qwen2.5:14b', sizeBytes: 9e9},
		{name: 'qwen2.5:32b', sizeBytes: 19.9e9},
		{name: 'Qwen/Qwen2.5-72B-Instruct', sizeBytes: 43.2e9},
	],
	totalRamBytes: 16e9,
	freeRamBytes: 8e9,
	modelsDiskFreeBytes: null,
	bandwidthGBs: null,
	claudeAvailable: true,
	servedBy: 'vLLM 0.11.0 at http://gpu:8000',
};
const settings = {...defaultSettings, ladder: ['qwen2.5:14b', 'qwen2.5:32b']};

describe('plan on a served backend', () => {
	it('offers the served models, not the catalog, to toggle on', () => {
		expect(planModels(settings, machine)).toEqual([
			{name: 'qwen2.5:14b', on: true},
			{name: 'qwen2.5:32b', on: true},
			{name: 'Qwen/Qwen2.5-72B-Instruct', on: false},
		]);
		// Down past the models lands on the settings after the three served rows, not after the catalog's six.
		const toggled = planKey(settings, 2, 'space', machine);
		expect(toggled.settings.ladder).toEqual(['qwen2.5:14b', 'qwen2.5:32b', 'Qwen/Qwen2.5-72B-Instruct']);
	});

	it('says the models are served, does not judge them by this machine\'s RAM, and says where serving is done', () => {
		const {lastFrame, unmount} = render(<PlanScreen settings={settings} machine={machine} cursor={0} rows={24} width={80} plan={[]} />);
		const frame = lastFrame() ?? '';
		unmount();
		expect(frame).toMatch(/on\s+model\s+size\s+served\s+fits RAM/);
		expect(frame).not.toMatch(/\bNO\b/);
		expect(frame.replace(/\s+/g, ' ')).toContain('Served by vLLM 0.11.0 at http://gpu:8000: nothing is pulled or deleted; serving another model is done on the server.');
		expect(frame).not.toContain('mistral-small:22b');
	});
});
