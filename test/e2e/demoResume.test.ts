// The demo resumes: without --results-dir it keeps its results in one folder in the user's cache
// directory and says where; a second run picks up where the first stopped; --fresh starts over.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, runCli} from '../helpers/runCli.js';
import {tempDir} from './headless.js';

describe.runIf(existsSync(CLI))('trifecta run --demo, twice', () => {
	it('resumes from its cache folder, and --fresh starts over', async () => {
		const home = tempDir('trifecta-demo-home-');
		const env = {HOME: home, XDG_CACHE_HOME: path.join(home, 'cache'), XDG_CONFIG_HOME: path.join(home, 'config')};
		const folder = path.join(home, 'cache', 'trifecta-nodejs', 'demo');
		// A stricter threshold than the demo's 32B reaches (it scores about 9.5), so the run stops at the escalation.
		const args = ['run', '--demo', '--reps', '1', '--no-claude', '--threshold', '9.9'];

		const first = await runCli(args, {env, cwd: home, timeoutMs: 90_000});
		// The demo's 32B falls short of the threshold: it stops at the escalation, asking for --yes.
		expect(first.code).toBe(3);
		expect(first.stderr).toContain(`Results: ${folder}`);
		expect(first.stderr).toContain('round 1 · bench · qwen2.5:32b');
		expect(existsSync(path.join(folder, 'scaling-results.json'))).toBe(true);

		const second = await runCli(args, {env, cwd: home, timeoutMs: 90_000});
		expect(second.code).toBe(3);
		expect(second.stderr).not.toContain('round 1 · bench');
		expect(second.stderr).not.toContain('round 1 · compare');

		const fresh = await runCli([...args, '--fresh'], {env, cwd: home, timeoutMs: 90_000});
		expect(fresh.code).toBe(3);
		expect(fresh.stderr).toContain('round 1 · bench · qwen2.5:32b');
	}, 300_000);
});
