// Label placement as plain geometry: a table of crowded cases, awkward ones included.
import {describe, expect, it} from 'vitest';
import {collisions, emptyObstacles, overlaps, placeLabel, type Box, type Obstacles} from '../../../source/output/charts/labelPlacement.js';

const PLOT: Box = {left: 0, right: 400, top: 0, bottom: 300};
const W = 120;
const H = 14;

function obstacles(partial: Partial<Obstacles>): Obstacles {
	return {...emptyObstacles(), ...partial};
}

describe('placeLabel', () => {
	it.each<[string, {x: number; y: number}, Obstacles, (box: Box) => boolean]>([
		['an open plot: right of the point, on its line', {x: 100, y: 100}, emptyObstacles(), (box) => box.left > 100 && box.top < 100 && box.bottom > 100],
		['against the right edge: to the left', {x: 390, y: 100}, emptyObstacles(), (box) => box.right < 390],
		['a label already right of the point: elsewhere', {x: 100, y: 100}, obstacles({boxes: [{left: 105, right: 260, top: 90, bottom: 110}]}), (box) => !overlaps(box, {left: 105, right: 260, top: 90, bottom: 110})],
		['another model’s point where the label would go', {x: 100, y: 100}, obstacles({points: [{x: 150, y: 100, r: 5}]}), (box) => !(box.left < 155 && box.right > 145 && box.top < 105 && box.bottom > 95)],
		['the threshold line through the point: the label clear of it', {x: 100, y: 100}, obstacles({hLines: [{y: 100, left: 0, right: 400}]}), (box) => box.bottom < 100 || box.top > 100],
		['a threshold and a minimum-rate line crossing at the point', {x: 100, y: 100}, obstacles({hLines: [{y: 100, left: 0, right: 400}], vLines: [{x: 100, top: 0, bottom: 300}]}), (box) => (box.bottom < 100 || box.top > 100) && (box.right < 100 || box.left > 100)],
	])('%s', (_what, anchor, around, check) => {
		const {box} = placeLabel(anchor, W, H, PLOT, around);
		expect(check(box)).toBe(true);
		expect(collisions(box, around)).toBe(0);
		expect(box.left >= PLOT.left && box.right <= PLOT.right && box.top >= PLOT.top && box.bottom <= PLOT.bottom).toBe(true);
	});

	it('two points on top of each other: two labels that do not overlap, the second with a leader when it had to move away', () => {
		const around = obstacles({points: [{x: 200, y: 150, r: 5}, {x: 204, y: 152, r: 5}]});
		const first = placeLabel({x: 200, y: 150}, W, H, PLOT, around);
		around.boxes.push(first.box);
		const second = placeLabel({x: 204, y: 152}, W, H, PLOT, around);
		expect(overlaps(first.box, second.box)).toBe(false);
		expect(collisions(second.box, around)).toBe(0);
	});

	it('a crowded corner: six labels for six close points, none overprinting another or a point', () => {
		const around = obstacles({points: Array.from({length: 6}, (_, index) => ({x: 300 + index * 6, y: 40 + index * 4, r: 5}))});
		for (const point of around.points) {
			const {box} = placeLabel(point, W, H, PLOT, around);
			expect(collisions(box, around)).toBe(0);
			around.boxes.push(box);
		}
	});

	it('with no clear place at all, takes the one with the fewest collisions inside the plot', () => {
		const tiny: Box = {left: 0, right: 130, top: 0, bottom: 20};
		const {box} = placeLabel({x: 5, y: 10}, W, H, tiny, obstacles({hLines: [{y: 10, left: 0, right: 130}]}));
		expect(box.left >= 0 && box.right <= 130).toBe(true);
	});
});
