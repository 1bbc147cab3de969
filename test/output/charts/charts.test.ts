import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildCharts, chartData, writeCharts, CHARTS_DIR, type ChartData} from '../../../source/output/charts/index.js';
import {speedQualityChart, speedQualityGeometry} from '../../../source/output/charts/speedQualityChart.js';
import {rateCeilingChart} from '../../../source/output/charts/rateCeilingChart.js';
import {roleQualityChart} from '../../../source/output/charts/roleQualityChart.js';
import {escapeXml} from '../../../source/output/charts/svg.js';
import {emptyResults} from '../../../source/domain/schema.js';
import {completeResults, partialResults} from '../fixtureResults.js';
import {tempDir} from '../helpers.js';
import {lineById, parseSvg} from './svgHelpers.js';

const NAMES = ['qwen2.5:14b', 'qwen2.5:32b', 'llama3.3:70b'];

describe('chartData: the view the charts draw from', () => {
	it('takes rates, ceilings, trader quality, role scores, Claude and both decision settings from the record', () => {
		const data = chartData(completeResults(true));
		expect(data.simulated).toBe(true);
		expect(data.threshold).toBe(9);
		expect(data.minRate).toBe(8);
		expect(data.models.map((model) => model.name)).toEqual(NAMES);
		const llama = data.models[2];
		expect(llama?.rate).toEqual({mean: 6.4, sd: 0.4});
		expect(llama?.ceiling).toBe(9.4);
		expect(llama?.quality).toEqual({value: 9.3, interval: null});
		expect(llama?.roles.bull?.value).toBe(9);
		// Quality is the relative score, on which Claude is 10 by definition; the roles keep Claude's absolute judged scores.
		expect(data.claude).toEqual({label: 'Claude (sonnet-4-5-20250929)', quality: 10, roles: {bull: 9.6, bear: 9.4, trader: 9.8}});
	});

	it('leaves out what was not measured: no baseline, no speed, failed responses', () => {
		const results = partialResults();
		const trader = results.models[0]?.reasoning?.trader;
		if (trader) trader.status = 'error';
		const data = chartData(results);
		expect(data.claude).toBeNull();
		expect(data.models[0]?.quality).toBeNull();
		expect(data.models[1]?.rate).toBeNull();
	});
});

describe('speed vs quality chart', () => {
	const svg = speedQualityChart(chartData(completeResults(false)));
	const parsed = parseSvg(svg);

	it('is well-formed SVG with a title, axis labels with units, and a style for light and dark mode', () => {
		expect(parsed.root['xmlns']).toBe('http://www.w3.org/2000/svg');
		expect(parsed.root['title']).toBe('Speed vs quality');
		expect(parsed.texts).toContain('decode rate (tokens/s, mean ± sd)');
		expect(parsed.texts).toContain('trader quality relative to Claude (10 = Claude)');
		expect(svg).toContain('@media (prefers-color-scheme: dark)');
		expect(svg).not.toMatch(/<script|@import|url\(|href=/);
	});

	it('labels every model with its rate and quality, and names the four quadrants', () => {
		expect(parsed.texts).toContain('qwen2.5:32b (12.3 t/s, 8.7)');
		expect(parsed.texts).toContain('llama3.3:70b (6.4 t/s, 9.3)');
		expect(parsed.texts).toContain('qwen2.5:14b (24.6 t/s, 8.1)');
		for (const name of ['fast enough and good enough', 'good enough, too slow', 'fast enough, not good enough', 'too slow, not good enough']) expect(parsed.texts).toContain(name);
	});

	it('draws the minimum rate and the threshold where the figures put them', () => {
		// x: 0..30 t/s over 64..736 px, so 8 t/s is at 64 + 8/30 * 672; y: 7..10 over 446..72 px, so 9.0 is at 446 - 2/3 * 374.
		expect(lineById(parsed, 'min-rate-line')).toEqual({x1: 243.2, y1: 72, x2: 243.2, y2: 446});
		expect(lineById(parsed, 'threshold-line')).toEqual({x1: 64, y1: 196.7, x2: 736, y2: 196.7});
		// Claude's line at 10 on the relative scale.
		expect(lineById(parsed, 'claude-line').y1).toBe(72);
		expect(parsed.texts).toContain('threshold 9.0');
		expect(parsed.texts).toContain('minimum 8 t/s');
	});

	it('puts each point at its rate and quality, the slow one marked', () => {
		const geometry = speedQualityGeometry(chartData(completeResults(false)));
		const circles = (Array.isArray(parsed.root['circle']) ? parsed.root['circle'] : [parsed.root['circle']]) as Array<Record<string, string>>;
		const llama = circles.find((circle) => Number(circle['cx']) === Math.round(geometry.x(6.4) * 10) / 10);
		expect(llama?.['cy']).toBe(String(Math.round(geometry.y(9.3) * 10) / 10));
		expect(llama?.['class']).toBe('point slow');
		expect(circles.filter((circle) => circle['class'] === 'point')).toHaveLength(2);
	});

	it('draws interval bars when a quality comes with one', () => {
		const data: ChartData = chartData(completeResults(false));
		const model = data.models[1];
		if (model?.quality) model.quality = {value: 8.7, interval: {low: 8.2, high: 9.1}};
		const withInterval = parseSvg(speedQualityChart(data));
		const geometry = speedQualityGeometry(data);
		const x = Math.round(geometry.x(12.3) * 10) / 10;
		const vertical = withInterval.lines.find((node) => Number(node['x1']) === x && Number(node['x2']) === x && node['class'] === 'err');
		expect(Number(vertical?.['y1'])).toBe(Math.round(geometry.y(8.2) * 10) / 10);
		expect(Number(vertical?.['y2'])).toBe(Math.round(geometry.y(9.1) * 10) / 10);
	});

	it('is marked SIMULATED for simulated results, and says so when nothing can be plotted', () => {
		expect(parseSvg(speedQualityChart(chartData(completeResults(true)))).texts).toContain('Speed vs quality (SIMULATED)');
		const empty = parseSvg(speedQualityChart(chartData(partialResults())));
		expect(empty.texts).toContain('No model has both a speed and a quality score yet.');
		expect(empty.texts).toContain('Not plotted: qwen2.5:14b (no speed), qwen2.5:32b (no speed)');
	});
});

describe('rate vs ceiling and quality per role charts', () => {
	it('rate chart: a row per benchmarked model with mean ± sd, ceiling and efficiency, and the minimum rate line', () => {
		const parsed = parseSvg(rateCeilingChart(chartData(completeResults(false))));
		for (const name of NAMES) expect(parsed.texts).toContain(name);
		expect(parsed.texts).toContain('12.3 ± 0.4 t/s · ceiling 20.1 · 61 %');
		const line = lineById(parsed, 'min-rate-line');
		expect(line.x1).toBe(line.x2);
		expect(parsed.texts).toContain('minimum 8 t/s');
	});

	it('role chart: three panels with every model and Claude, the threshold only on the trader panel', () => {
		const parsed = parseSvg(roleQualityChart(chartData(completeResults(false))));
		for (const name of [...NAMES, 'Claude (sonnet-4-5-20250929)', 'bull', 'bear', 'trader']) expect(parsed.texts).toContain(name);
		const threshold = lineById(parsed, 'threshold-line');
		const claudeTrader = lineById(parsed, 'claude-trader');
		expect(claudeTrader.x1).toBeGreaterThan(threshold.x1);
		expect(lineById(parsed, 'claude-bull').x1).toBeLessThan(threshold.x1);
		expect(parsed.lines.filter((node) => node['id'] === 'threshold-line')).toHaveLength(1);
	});
});

describe('untrusted model names and reproducibility', () => {
	it('escapes markup in a model name: still valid XML, the name shown as text, no element injected', () => {
		const results = completeResults(false);
		const hostile = 'evil"><script>alert(1)</script><x a=\'&';
		const first = results.models[0];
		if (first) first.name = hostile;
		for (const {svg} of buildCharts(results)) {
			const parsed = parseSvg(svg);
			expect(svg).not.toContain('<script');
			expect(parsed.texts.some((text) => text.includes('<script>alert(1)</script>'))).toBe(true);
		}
		expect(escapeXml('a\u0001b<')).toBe('ab&lt;');
	});

	it('gives byte-identical files for identical results, written under docs/charts', () => {
		const docs = tempDir();
		const files = writeCharts(docs, completeResults(true));
		expect(files.map((file) => path.relative(docs, file))).toEqual([`${CHARTS_DIR}/speed-vs-quality.svg`, `${CHARTS_DIR}/rate-vs-ceiling.svg`, `${CHARTS_DIR}/quality-per-role.svg`]);
		const before = files.map((file) => fs.readFileSync(file, 'utf8'));
		writeCharts(docs, completeResults(true));
		expect(files.map((file) => fs.readFileSync(file, 'utf8'))).toEqual(before);
		expect(buildCharts(emptyResults(false)).every(({svg}) => parseSvg(svg).texts.length > 0)).toBe(true);
	});
});
