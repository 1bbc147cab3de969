import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Sparkline, sparklineText} from '../../../source/app/components/sparkline.js';

describe('Sparkline', () => {
	it('scales to the maximum given, capping points above it', () => {
		expect(sparklineText([0, 5, 10, 20], 10)).toBe('▁▅██');
	});

	it('scales to the highest point without a maximum, and is flat when all are zero', () => {
		expect(sparklineText([1, 2, 4], null)).toBe('▃▅█');
		expect(sparklineText([0, 0], null)).toBe('▁▁');
	});

	it('renders one block per point', () => {
		const {lastFrame} = render(<Sparkline points={[2, 4]} max={4} />);
		expect(lastFrame()).toBe('▅█');
	});
});
