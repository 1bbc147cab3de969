// The key helper waits for the frame a key causes, however long the app takes to draw it,
// instead of sleeping a fixed time that a slow machine overruns.
import React, {useState} from 'react';
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {presser} from './helpers.js';

/** Answers a key only after `lagMs`, as a screen does when the runner replies late. */
function SlowCounter({lagMs}: {lagMs: number}): React.JSX.Element {
	const [count, setCount] = useState(0);
	useInput((input) => {
		if (input === '+') setTimeout(() => setCount((value) => value + 1), lagMs);
	});
	return <Text>{`count ${count}`}</Text>;
}

describe('press', () => {
	it('resolves once the frame the key causes is drawn, not after a fixed wait', async () => {
		const rendered = render(<SlowCounter lagMs={150} />);
		const press = presser(rendered);
		await press('+');
		expect(rendered.lastFrame()).toBe('count 1');
		// The next key reaches the handler at once: no key is lost between frames.
		await press('+');
		await press('+');
		expect(rendered.lastFrame()).toBe('count 3');
		rendered.unmount();
	});
});
