// With stdin piped (no raw mode), the wizard must render and keep working without a keyboard.
import {PassThrough} from 'node:stream';
import React from 'react';
import {render} from 'ink';
import {describe, expect, it} from 'vitest';
import {App} from '../../../source/app/wizard/App.js';
import {harness} from '../../experiment/runner/fakes.js';
import {waitFor} from './helpers.js';

describe('wizard without a TTY on stdin', () => {
	it('renders, says the keyboard is off, and does not crash', async () => {
		const h = harness({});
		const runner = await h.start();
		const stdout = Object.assign(new PassThrough(), {columns: 80});
		const stdin = new PassThrough();
		let written = '';
		stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
		const instance = render(
			<App runner={runner} preflight={null} simulated resultsPath="/tmp/r.json" animate={false} onExit={() => undefined} />,
			{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
		);
		await waitFor(() => written.includes('Preflight'), 'the preflight screen');
		expect(written).toContain('(no keyboard: stdin is not a terminal)');
		expect(written).not.toContain('Raw mode is not supported');
		instance.unmount();
		await runner.close();
	});
});
