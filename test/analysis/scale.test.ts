import {describe, expect, it} from 'vitest';
import {linearScale, niceDomain, niceStep, niceTicks} from '../../source/analysis/scale.js';

describe('linear scales and round ticks', () => {
	it('maps a domain onto a range, including an inverted range (SVG y grows downward)', () => {
		const y = linearScale([7, 10], [446, 72]);
		expect(y(7)).toBe(446);
		expect(y(10)).toBe(72);
		expect(y(8.5)).toBe(259);
		expect(linearScale([5, 5], [0, 100])(5)).toBe(0);
	});

	it.each([
		[0, 27.5, 5, 10],
		[0, 9, 5, 2],
		[7, 10, 4, 1],
		[8, 10, 4, 0.5],
		[0, 0, 5, 1],
	])('step for %d..%d in about %d intervals is %d', (low, high, count, step) => {
		expect(niceStep(low, high, count)).toBe(step);
	});

	it('widens the domain outward to whole ticks', () => {
		expect(niceTicks(0, 27.5)).toEqual([0, 10, 20, 30]);
		expect(niceTicks(8, 10, 4)).toEqual([8, 8.5, 9, 9.5, 10]);
		expect(niceDomain(0, 13.2)).toEqual([0, 15]);
		expect(niceDomain(0, 9)).toEqual([0, 10]);
	});
});
