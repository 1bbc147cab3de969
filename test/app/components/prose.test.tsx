import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Box} from 'ink';
import {Prose, trimWrapped} from '../../../source/app/components/prose.js';

describe('Prose', () => {
	it('drops the space a wrap leaves at the start of a continued line, never on the first', () => {
		expect(trimWrapped(' indented', 0)).toBe(' indented');
		expect(trimWrapped(' continued', 1)).toBe('continued');
	});

	it('wraps a sentence to the box with no line starting with a space', () => {
		const {lastFrame} = render(
			<Box width={20}>
				<Prose>The recommendation is qwen2.5:32b at 14.5 t/s on this machine.</Prose>
			</Box>,
		);
		const lines = lastFrame()?.split('\n') ?? [];
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.every((line) => !line.startsWith(' ') && line.length <= 20)).toBe(true);
		expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe('The recommendation is qwen2.5:32b at 14.5 t/s on this machine.');
	});
});
