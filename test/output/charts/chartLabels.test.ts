// The speed-vs-quality chart as drawn: no model's label overprints another label, any point or a
// decision line, even when two 70B-class models sit next to each other (the demo's llama3.3:70b
// and qwen2.5:72b); and the role panels' axes do not run into each other.
import {describe, expect, it} from 'vitest';
import {chartData} from '../../../source/output/charts/index.js';
import {speedQualityChart} from '../../../source/output/charts/speedQualityChart.js';
import {roleQualityChart} from '../../../source/output/charts/roleQualityChart.js';
import {textWidth} from '../../../source/output/charts/svg.js';
import {completeResults} from '../fixtureResults.js';
import {parseSvg} from './svgHelpers.js';

type Node = Record<string, string>;
type Box = {left: number; right: number; top: number; bottom: number; text: string};

const asArray = (value: unknown): Node[] => (value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Node[]));

/** Every drawn text's box, from its position, anchor and size (11 px for quadrant names, else 12). */
function textBoxes(root: Record<string, unknown>): Box[] {
	return asArray(root['text']).map((node) => {
		const content = String(node['#text'] ?? '');
		const size = node['class'] === 'quadrant' ? 11 : node['class'] === 'title' ? 16 : 12;
		const width = textWidth(content, size);
		const x = Number(node['x']);
		const y = Number(node['y']);
		const left = node['text-anchor'] === 'end' ? x - width : node['text-anchor'] === 'middle' ? x - width / 2 : x;
		return {left, right: left + width, top: y - size + 2, bottom: y + 2, text: content};
	});
}

const overlaps = (a: Box, b: {left: number; right: number; top: number; bottom: number}) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function crowded() {
	const results = completeResults(true);
	const llama = results.models.find((model) => model.name === 'llama3.3:70b');
	if (!llama?.speed) throw new Error('fixture has llama3.3:70b');
	// A second 70B-class model next to llama3.3:70b, and the threshold right through them.
	results.models.push({...structuredClone(llama), name: 'qwen2.5:72b', speed: {...structuredClone(llama.speed), evalRate: {mean: 6.2, sd: 0.3, samples: [6.2]}}});
	const trader = results.models.at(-1)?.reasoning?.trader;
	if (trader) trader.score = 9.25;
	if (results.settings) results.settings.threshold = 9.25;
	return results;
}

describe('speed vs quality: labels that never overprint', () => {
	const svg = speedQualityChart(chartData(crowded()));
	const {root} = parseSvg(svg);
	const boxes = textBoxes(root);
	const labels = boxes.filter((box) => /\(\d+\.\d t\/s, \d+\.\d\)$/.test(box.text));

	it('labels every model', () => {
		expect(labels.map((box) => box.text.split(' ')[0]).sort()).toEqual(['llama3.3:70b', 'qwen2.5:14b', 'qwen2.5:32b', 'qwen2.5:72b']);
	});

	it('no model label overlaps another text', () => {
		for (const label of labels) {
			const others = boxes.filter((box) => box !== label && box.top > 60 && box.bottom < 450 && overlaps(label, box));
			expect(others.map((box) => box.text), label.text).toEqual([]);
		}
	});

	it('no model label covers a point', () => {
		const circles = asArray(root['circle']).map((circle) => ({x: Number(circle['cx']), y: Number(circle['cy'])}));
		for (const label of labels) {
			const covered = circles.filter((point) => overlaps(label, {left: point.x - 5, right: point.x + 5, top: point.y - 5, bottom: point.y + 5}));
			expect(covered, label.text).toEqual([]);
		}
	});

	it('no decision line runs through a model label', () => {
		const lines = asArray(root['line']).filter((node) => ['threshold-line', 'claude-line', 'min-rate-line'].includes(node['id'] ?? ''));
		for (const label of labels) {
			for (const node of lines) {
				const [x1, y1, x2, y2] = [node['x1'], node['y1'], node['x2'], node['y2']].map(Number) as [number, number, number, number];
				const crosses = y1 === y2 ? y1 > label.top && y1 < label.bottom && Math.min(x1, x2) < label.right && Math.max(x1, x2) > label.left : x1 > label.left && x1 < label.right && Math.min(y1, y2) < label.bottom && Math.max(y1, y2) > label.top;
				expect(crosses, `${node['id']} through "${label.text}"`).toBe(false);
			}
		}
	});
});

describe('quality per role: panel axes apart', () => {
	it('the last tick of one panel and the first of the next never touch', () => {
		const {root} = parseSvg(roleQualityChart(chartData(completeResults(true))));
		const ticks = textBoxes(root).filter((box) => box.text === '0' || box.text === '10');
		const tens = ticks.filter((box) => box.text === '10');
		const zeros = ticks.filter((box) => box.text === '0');
		for (const ten of tens) {
			const next = zeros.find((zero) => zero.left > ten.left && Math.abs(zero.top - ten.top) < 1);
			if (next) expect(next.left - ten.right).toBeGreaterThanOrEqual(12);
		}
	});
});
