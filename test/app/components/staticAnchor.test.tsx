import React from 'react';
import {describe, expect, it} from 'vitest';
import {Box, Static, Text} from 'ink';
import {render} from 'ink-testing-library';
import {StaticAnchor} from '../../../source/app/components/staticAnchor.js';

const PULLED = ['pulled qwen2.5:32b'];

/** The pull screen prints finished lines once (<Static>); the reasoning screen has none of its own. */
function Wizard({page, tick}: {page: 'pull' | 'reasoning'; tick: number}): React.JSX.Element {
	if (page === 'pull') {
		return (
			<Box flexDirection="column">
				<Static items={PULLED}>{(line) => <Text key={line}>{line}</Text>}</Static>
				<Text>pulling {tick}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<StaticAnchor />
			<Text>reasoning {tick}</Text>
		</Box>
	);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('StaticAnchor', () => {
	it('prints nothing: a screen with only the anchor shows just its own text', () => {
		const ui = render(
			<Box flexDirection="column">
				<StaticAnchor />
				<Text>reasoning</Text>
			</Box>,
		);
		expect(ui.lastFrame()).toBe('reasoning');
	});

	it('after a screen with printed lines, the next screen keeps drawing; the printed lines stay, printed once', () => {
		const ui = render(<Wizard page="pull" tick={0} />);
		expect(ui.lastFrame()).toContain('pulled qwen2.5:32b');
		ui.rerender(<Wizard page="reasoning" tick={0} />);
		// Many frames after the switch: each measures the anchor's live node, never a freed one.
		for (let tick = 1; tick <= 30; tick += 1) ui.rerender(<Wizard page="reasoning" tick={tick} />);
		const last = ui.lastFrame() ?? '';
		expect(last).toContain('reasoning 30');
		expect(last).not.toContain('pulling');
		expect(count(last, 'pulled qwen2.5:32b')).toBe(1);
	});
});
