// Runs a command module in-process against a simulator, the way cli.tsx would, with the
// simulated M3 Max's system facts (so disk and RAM checks do not depend on the test machine).
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {parseArgs} from '../../source/cli/flags.js';
import {createServices} from '../../source/cli/services.js';
import type {CommandModule} from '../../source/cli/types.js';
import {loadStoredSettings} from '../../source/experiment/settingsStore.js';
import {simulatedSystemInfo} from '../../source/system/collect.js';
import type {SimulatorHandle} from '../../source/simulator/index.js';

export type HeadlessResult = {code: number; stdout: string; stderr: string};

function collector(): {stream: PassThrough; text: () => string} {
	const stream = new PassThrough();
	let text = '';
	stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
	return {stream, text: () => text};
}

export function tempDir(prefix: string): string {
	return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function runHeadless(command: CommandModule, argv: string[], sim: SimulatorHandle, cwd: string): Promise<HeadlessResult> {
	const env: NodeJS.ProcessEnv = {ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: sim.anthropicUrl, NO_COLOR: '1', CI: 'true'};
	const parsed = parseArgs([...argv, '--host', sim.url], env, cwd);
	const handle = await createServices({
		flags: parsed.flags,
		overrides: parsed.overrides,
		env,
		storedSettings: async () => ({settings: await loadStoredSettings({demo: parsed.flags.demo, resultsDir: parsed.flags.resultsDir}), warnings: []}),
		results: 'runner',
	});
	const services = {...handle.services, system: simulatedSystemInfo(null)};
	const stdout = collector();
	const stderr = collector();
	try {
		const code = await command.run({
			args: parsed.args,
			flags: parsed.flags,
			io: {stdout: stdout.stream, stderr: stderr.stream, stdin: new PassThrough(), interactive: false},
			services: async () => services,
		});
		return {code, stdout: stdout.text(), stderr: stderr.text()};
	} finally {
		await handle.close();
	}
}
