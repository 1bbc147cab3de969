import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {SpeedQualityPlot, speedQualityPlotLines} from '../../../source/app/components/speedQualityPlot.js';
import {chartData, type ChartData} from '../../../source/output/charts/chartData.js';
import {completeResults} from '../../output/fixtureResults.js';

afterEach(() => cleanup());

const GUTTER = 5;

function lineOf(lines: string[], text: string): string {
	return lines.find((line) => line.includes(text)) ?? '';
}

describe.each([80, 120])('the speed-vs-quality plot at %i columns', (width) => {
	const data = chartData(completeResults());
	const lines = speedQualityPlotLines(data, width);

	it('fits the width and labels every model', () => {
		expect(lines.every((line) => line.length <= width)).toBe(true);
		for (const name of ['qwen2.5:14b', 'qwen2.5:32b', 'llama3.3:70b']) expect(lines.join('\n')).toContain(name);
	});

	it('draws the threshold across and the minimum rate down at 8 t/s of a 0–30 axis', () => {
		const columns = width - GUTTER - 1;
		const threshold = lines.find((line) => line.startsWith(' 9.0┤')) ?? '';
		expect(threshold.replace(/[^─]/g, '').length).toBeGreaterThan(columns - 5);
		const at = GUTTER + Math.round((8 / 30) * (columns - 1));
		expect(threshold[at]).toBe('┼');
		// Labels may cross the line; it stays visible on the other rows.
		expect(lines.slice(0, 9).filter((line) => ['│', '┼', '·'].includes(line[at] ?? '')).length).toBeGreaterThanOrEqual(7);
		expect(lines.join('\n')).toContain('─ threshold 9.0');
		expect(lines.join('\n')).toContain('│ minimum 8 t/s');
	});

	it('keeps each model on its side of both lines: the 70B above the threshold but left of the minimum rate', () => {
		const columns = width - GUTTER - 1;
		const minimumAt = GUTTER + Math.round((8 / 30) * (columns - 1));
		const thresholdRow = lines.findIndex((line) => line.startsWith(' 9.0┤'));
		const llama = lines.findIndex((line) => line.includes('llama3.3:70b'));
		const qwen = lines.findIndex((line) => line.includes('qwen2.5:32b'));
		expect(llama).toBeLessThan(thresholdRow);
		expect(lineOf(lines, 'llama3.3:70b').indexOf('●')).toBeLessThan(minimumAt);
		// 8.7 is below 9.0 even where both round to the same character row.
		expect(qwen).toBeGreaterThan(thresholdRow);
		expect(lineOf(lines, 'qwen2.5:32b').indexOf('●')).toBeGreaterThan(minimumAt);
	});
});

describe('awkward cases', () => {
	it('keeps the sides of the threshold on a short plot (5 rows, as the verdict screen draws it)', () => {
		const lines = speedQualityPlotLines(chartData(completeResults()), 80, 5);
		const thresholdRow = lines.findIndex((line) => line.includes('┼─'));
		expect(lines.findIndex((line) => line.includes('llama3.3:70b'))).toBeLessThan(thresholdRow);
		expect(lines.findIndex((line) => line.includes('qwen2.5:32b'))).toBeGreaterThan(thresholdRow);
		expect(lines.findIndex((line) => line.includes('qwen2.5:14b'))).toBeGreaterThan(thresholdRow);
	});

	it('numbers points that have no room for a label and names them in a key', () => {
		const data = chartData(completeResults());
		const crowded: ChartData = {
			...data,
			models: Array.from({length: 4}, (_, index) => ({...data.models[0]!, name: `crowded-model-number-${index}`, rate: {mean: 20 + index * 0.2, sd: 0}, quality: {value: 8.5, interval: null}})),
		};
		const lines = speedQualityPlotLines(crowded, 80);
		const text = lines.join('\n');
		expect(lines.every((line) => line.length <= 80)).toBe(true);
		for (let index = 0; index < 4; index++) expect(text).toContain(`crowded-model-number-${index}`);
		expect(text).toMatch(/\b1 crowded-model-number-\d/);
	});

	it('strips terminal escape sequences from model names', () => {
		const results = completeResults();
		results.models[0]!.name = 'evil\u001b[2Jname';
		const text = speedQualityPlotLines(chartData(results), 80).join('\n');
		expect(text).not.toContain('\u001b');
		// sanitizeInline (system/sanitize.ts) drops the whole sequence, not only its ESC.
		expect(text).toContain('evilname');
	});

	it('says so when nothing can be plotted', () => {
		const empty = chartData(completeResults());
		empty.models = [];
		expect(speedQualityPlotLines(empty, 80)[0]).toBe('No model has both a speed and a quality score yet.');
	});

	it('renders as an Ink component within the width', () => {
		const frame = render(<SpeedQualityPlot data={chartData(completeResults())} width={80} />).lastFrame() ?? '';
		expect(frame).toContain('Speed vs quality · decode t/s across, trader quality relative to Claude up');
		expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
	});
});
