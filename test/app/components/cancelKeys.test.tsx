import React from 'react';
import {describe, expect, it} from 'vitest';
import {Text, render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import {useCancelKeys} from '../../../source/app/components/cancelKeys.js';
import {FakeStdin, SizedStdout, waitFor} from '../../helpers/testUtils.js';

/** What a step screen shows: whether Esc cancels here, and how many cancels arrived. */
function StepScreen({onCancel, enabled}: {onCancel: () => void; enabled?: boolean}): React.JSX.Element {
	const active = useCancelKeys(onCancel, enabled);
	return <Text>{active ? 'Esc cancels the step' : 'no cancel key'}</Text>;
}

const ESC = '\u001B';
const CTRL_C = '\u0003';

function screen(enabled?: boolean) {
	let cancels = 0;
	const ui = render(<StepScreen onCancel={() => (cancels += 1)} enabled={enabled} />);
	return {ui, cancels: () => cancels};
}

describe('useCancelKeys', () => {
	it('Esc and Ctrl+C cancel the running step, once per press', async () => {
		const {ui, cancels} = screen();
		expect(ui.lastFrame()).toBe('Esc cancels the step');
		// The key handler is attached just after the first frame.
		await waitFor(() => ui.stdin.listenerCount('readable') > 0, 'the key handler');
		ui.stdin.write(ESC);
		await waitFor(() => cancels() === 1, () => `one cancel after Esc, got ${cancels()}`);
		ui.stdin.write(CTRL_C);
		await waitFor(() => cancels() === 2, () => `a second cancel after Ctrl+C, got ${cancels()}`);
	});

	it('other keys do not cancel', async () => {
		const {ui, cancels} = screen();
		await waitFor(() => ui.stdin.listenerCount('readable') > 0, 'the key handler');
		for (const key of ['q', 'c', '\r', ' ', '\u001B[B']) ui.stdin.write(key);
		// Esc last: once it has cancelled, every key before it has been handled.
		ui.stdin.write(ESC);
		await waitFor(() => cancels() > 0, 'the cancel after Esc');
		expect(cancels()).toBe(1);
	});

	it('disabled (nothing running): says so and Esc does nothing', async () => {
		let disabled = 0;
		let enabled = 0;
		// Beside an enabled listener, so the test knows when the Esc has been handled.
		const ui = render(
			<>
				<StepScreen onCancel={() => (disabled += 1)} enabled={false} />
				<StepScreen onCancel={() => (enabled += 1)} />
			</>,
		);
		expect(ui.lastFrame()?.split('\n')[0]).toBe('no cancel key');
		await waitFor(() => ui.stdin.listenerCount('readable') > 0, 'the key handler');
		ui.stdin.write(ESC);
		await waitFor(() => enabled === 1, 'the enabled listener to see the Esc');
		expect(disabled).toBe(0);
	});

	it('on a stdin that is not a terminal (piped): does not listen, and does not throw Ink\'s raw-mode error', () => {
		const stdin = new FakeStdin();
		stdin.isTTY = false;
		const stdout = new SizedStdout(80, 24);
		const instance = inkRender(<StepScreen onCancel={() => undefined} />, {
			// The fakes stand in for TTY streams (only the members Ink uses).
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		expect(stdout.last).toContain('no cancel key');
		expect(stdin.listenerCount('readable')).toBe(0);
		instance.unmount();
	});
});
