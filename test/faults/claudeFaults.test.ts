// The fault matrix, Claude side: the baseline's cells fail with the reason, the local models are
// still scored, the results file stays valid, and the API key never shows up anywhere.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {ClaudeFault} from '../../source/simulator/index.js';
import {faultLab, SECRET_KEY, type Lab} from './harness.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

const LOCAL = 'qwen2.5:14b';
const ROLES = ['bull', 'bear', 'trader'] as const;

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Neither the output nor any file in the results or config folders holds the key. */
function expectNoKey(current: Lab, output: string): void {
	expect(output).not.toContain(SECRET_KEY);
	const files = [...filesUnder(current.dir), ...filesUnder(current.confHome)];
	expect(files.length).toBeGreaterThan(0);
	for (const file of files) expect({file, leaked: fs.readFileSync(file, 'utf8').includes(SECRET_KEY)}).toEqual({file, leaked: false});
}

const everyCell: {name: string; fault: ClaudeFault; reason: string}[] = [
	{
		name: '401',
		fault: {kind: 'status', status: 401, times: 100},
		reason: 'The Claude API rejected the API key (401) — check ANTHROPIC_API_KEY (or run with --no-claude to skip the baseline)',
	},
	{
		// Permission, not authentication: the key works, but not for this model or feature.
		name: '403',
		fault: {kind: 'status', status: 403, times: 100},
		reason:
			'The Claude API accepted the API key but refused it permission for this request (403): Your API key does not have permission to use the specified resource. — the key (or its workspace) may not use this model or feature: choose another --claude-model, ask the organisation admin for access, or run with --no-claude',
	},
	{
		// The queue now waits out every retryable answer a bounded number of times: enough 429s to outlast it.
		name: '429 (after the queue’s retries)',
		fault: {kind: 'status', status: 429, times: 1000},
		reason: 'The Claude API rate limit was hit: Number of request tokens has exceeded your per-minute rate limit (simulated) — wait a minute and retry, or lower the request rate',
	},
	{
		name: '529 (after the SDK’s and the queue’s retries)',
		fault: {kind: 'status', status: 529, times: 1000},
		reason: 'The Claude API is overloaded right now — retry in a few minutes',
	},
];

describe('Claude errors during the comparison', () => {
	it.each(everyCell)('$name: every baseline cell is ERROR with the reason, the local model is scored, exit 1', async ({fault, reason}) => {
		lab = await faultLab();
		lab.sim.injectClaudeFault(fault);

		const result = await lab.cli(['compare', LOCAL, '--json'], {claude: true});

		expect(result.code).toBe(1);
		const results = lab.results();
		for (const role of ROLES) {
			expect(results.baseline?.reasoning[role]).toMatchObject({status: 'error', error: reason, score: null});
			expect(result.stderr).toContain(`Claude (baseline) ${role}: ERROR ${reason}`);
			const local = results.models.find((model) => model.name === LOCAL)?.reasoning?.[role];
			expect(local?.status).toBe('ok');
			expect(local?.score).toEqual(expect.any(Number));
		}
		expect(results.baseline?.status).toBe('error');
		const printed = JSON.parse(result.stdout) as {models: {name: string}[]; baseline: {status: string}};
		expect(printed.models.map((model) => model.name)).toEqual([LOCAL]);
		expect(result.stderr).not.toMatch(/\bat .+\.(js|ts):\d+/);
		expectNoKey(lab, result.stdout + result.stderr);
	});

	it('an error event mid-stream: the answer is asked once more and kept, said so', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'mid-stream-error', afterChunks: 3});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.code).toBe(0);
		const baseline = lab.results().baseline;
		for (const role of ROLES) expect(baseline?.reasoning[role]?.score).toEqual(expect.any(Number));
		expect(result.stderr).toMatch(/The Claude stream failed mid-response: Overloaded.*asking Claude once more/);
		expectNoKey(lab, result.stdout + result.stderr);
	});

	it('a connection reset mid-answer: said to be the server cutting the answer off (not the network), asked once more and kept', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'cut', afterChunks: 3, reset: true});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.code).toBe(0);
		const baseline = lab.results().baseline;
		for (const role of ROLES) expect(baseline?.reasoning[role]?.score).toEqual(expect.any(Number));
		expect(result.stderr).toMatch(/The answer from the Claude API was cut off mid-stream: the server or a proxy at \S+ reset or closed the connection.*asking Claude once more/);
		expect(result.stderr).not.toMatch(/check your network|Unexpected error/);
		expectNoKey(lab, result.stdout + result.stderr);
	});

	it('an error event mid-stream twice: that one cell is ERROR, the rest of the baseline and the local model are scored', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'mid-stream-error', afterChunks: 3});
		lab.sim.injectClaudeFault({kind: 'mid-stream-error', afterChunks: 3});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.code).toBe(1);
		const baseline = lab.results().baseline;
		const failed = ROLES.filter((role) => baseline?.reasoning[role]?.status === 'error');
		expect(failed).toHaveLength(1);
		expect(baseline?.reasoning[failed[0]!]?.error).toBe('The Claude stream failed mid-response: Overloaded — retry in a moment; the baseline is re-run from the start');
		for (const role of ROLES.filter((other) => other !== failed[0])) expect(baseline?.reasoning[role]?.score).toEqual(expect.any(Number));
		for (const role of ROLES) expect(lab.results().models.find((model) => model.name === LOCAL)?.reasoning?.[role]?.status).toBe('ok');
		expectNoKey(lab, result.stdout + result.stderr);
	});

	it('a refused or cut baseline answer is never recorded as ok: named in --json and on stderr, exit 1', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'refusal', afterChunks: 5});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.code).toBe(1);
		const printed = JSON.parse(result.stdout) as {baseline: {reasoning: Record<string, {status: string; error?: string}>; note: string}};
		expect(printed.baseline.reasoning['bull']).toMatchObject({status: 'error', error: expect.stringMatching(/declined to answer the prompt \(stop_reason "refusal"\)/)});
		expect(printed.baseline.note).toMatch(/bull: .*refusal/);
		expect(result.stderr).toMatch(/Claude \(baseline\) bull: ERROR .*refusal/);
		expectNoKey(lab, result.stdout + result.stderr);
	});

	it('three 429s with retry-after lose nothing: the pause is said on stderr, every baseline role is scored, exit 0', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'status', status: 429, retryAfter: 1, times: 3});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.code).toBe(0);
		for (const role of ROLES) expect(lab.results().baseline?.reasoning[role]?.status).toBe('ok');
		expect(result.stderr).toMatch(/rate limit was hit.*pausing Claude requests for 1 s \(until \d\d:\d\d:\d\d\)/);
	});

	it('a failed baseline is redone by the next compare once Claude is back, keeping the local scores', async () => {
		lab = await faultLab();
		lab.sim.injectClaudeFault({kind: 'status', status: 401, times: 100});
		expect((await lab.cli(['compare', LOCAL, '--scenarios', '1'], {claude: true})).code).toBe(1);
		lab.sim.clearFaults();

		const again = await lab.cli(['compare', LOCAL, '--scenarios', '1'], {claude: true});

		expect(again.code).toBe(0);
		const results = lab.results();
		for (const role of ROLES) expect(results.baseline?.reasoning[role]?.status).toBe('ok');
		expect(results.models.find((model) => model.name === LOCAL)?.reasoning?.trader?.status).toBe('ok');
		expectNoKey(lab, again.stdout + again.stderr);
	});

	it('hostile ids from the Models API are never picked: the baseline falls back to a valid model and the run completes', async () => {
		lab = await faultLab({
			claudeModels: [
				{id: 'claude-sonnet-4-5@20250929', created_at: '2028-01-03T00:00:00Z'},
				{id: 'claude-sonnet-\u001b]0;pwned\u0007', created_at: '2028-01-02T00:00:00Z'},
				{id: `claude-sonnet-${'9'.repeat(5000)}`, created_at: '2028-01-01T00:00:00Z'},
				{id: 'claude-sonnet-4-20250514', created_at: '2027-12-01T00:00:00Z', lifecycle: 'retired'},
			],
		});

		const result = await lab.cli(['compare', LOCAL, '--json', '--scenarios', '1'], {claude: true});

		expect(result.stderr).not.toMatch(/Internal error|invalid results record/);
		expect(result.code).toBe(0);
		expect(lab.results().baseline).toMatchObject({model: 'claude-sonnet-5-5', status: 'ok'});
		expect(result.stdout + result.stderr).not.toContain('pwned');
	});
});
