import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {SimulatedBanner} from '../../../source/app/components/simulatedBanner.js';

describe('SimulatedBanner', () => {
	it('says SIMULATED and what is simulated, only when asked to', () => {
		expect(render(<SimulatedBanner show />).lastFrame()).toBe('SIMULATED — built-in simulator, not real models');
		expect(render(<SimulatedBanner show what="a demo run" />).lastFrame()).toBe('SIMULATED — a demo run');
		expect(render(<SimulatedBanner show={false} />).lastFrame()).toBe('');
	});
});
