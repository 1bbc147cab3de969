import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {RateGauge, gaugeLabel} from '../../../source/app/components/rateGauge.js';

describe('RateGauge', () => {
	it('labels a measured rate against the ceiling, and the estimate while streaming with ~ and "as received"', () => {
		expect(gaugeLabel(14.5, 20, true)).toBe('14.50 t/s measured  of 20.00 t/s ceiling · 73%');
		expect(gaugeLabel(14.5, 20, false)).toMatch(/^~14\.50 t\/s as received/);
		expect(gaugeLabel(14.5, null, true)).toMatch(/\(ceiling unknown\)$/);
	});

	it('fills the bar to the rate over the ceiling', () => {
		const {lastFrame} = render(<RateGauge rate={10} ceiling={20} exact width={10} animate={false} />);
		expect(lastFrame()).toContain('█████░░░░░');
	});

	it('scales to the fallback maximum when the ceiling is unknown, and draws an empty bar with no rate', () => {
		expect(render(<RateGauge rate={5} ceiling={null} exact fallbackMax={10} width={4} animate={false} />).lastFrame()).toContain('██░░');
		expect(render(<RateGauge rate={null} ceiling={20} exact width={4} animate={false} />).lastFrame()).toContain('░░░░');
	});

	it('shortens the bar, never wraps the label, when the line is narrow', () => {
		const label = gaugeLabel(29.22, 44.5, false);
		for (const lineWidth of [80, 70, 60]) {
			const frame = render(<RateGauge rate={29.22} ceiling={44.5} exact={false} lineWidth={lineWidth} animate={false} />).lastFrame() ?? '';
			expect(frame.split('\n'), `at ${lineWidth} columns`).toHaveLength(1);
			expect(frame.length, `at ${lineWidth} columns`).toBeLessThanOrEqual(lineWidth);
			expect(frame).toContain(label);
		}
		// Wide lines keep the full 24-cell bar.
		expect((render(<RateGauge rate={10} ceiling={20} exact lineWidth={100} animate={false} />).lastFrame() ?? '').match(/[█░]/g)).toHaveLength(24);
	});
});
