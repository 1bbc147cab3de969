// A kill (SIGKILL: no handler runs) in the middle of overlapping work — the 32B downloading, the
// Claude baseline streaming, the 14B being measured — then `trifecta run` again: the finished
// steps are kept and not measured twice, and the round completes.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {defaultProfiles} from '../../source/simulator/index.js';
import {faultLab, modelOf, type Lab} from './harness.js';
import {waitFor} from '../helpers/testUtils.js';

let lab: Lab | null = null;
afterEach(async () => {
	await lab?.close();
	lab = null;
});

function readable(current: Lab): ReturnType<Lab['results']> | null {
	try {
		return current.results();
	} catch {
		return null;
	}
}


function compareChats(current: Lab, model: string): number {
	return current.sim.requests.filter((request) => request.path === '/api/chat' && modelOf(request.body) === model && !JSON.stringify(request.body).includes('"tools"')).length;
}

describe('kill during overlapping work', () => {
	it('resumes after the kill without measuring a finished step again', async () => {
		lab = await faultLab({profiles: defaultProfiles().map((profile) => ({...profile, replyTokens: 24})), pace: 0.001, pullBytesPerSecond: 1e9});
		const running = lab.start(['run', '--yes'], {claude: true});
		// The 14B's three answers are scored and persisted (each waits for Claude's answer to its role) while the 32B downloads.
		await running.waitForStderr('round 1 · tools · qwen2.5:14b');
		const current = lab;
		await waitFor(
			() => {
				const entry = readable(current)?.models.find((model) => model.name === 'qwen2.5:14b');
				// Every role answered on all three market scenarios (the trader, asked last, has them all).
				return entry?.reasoning?.trader?.status === 'ok' && entry.reasoning.trader.scenarios?.length === 3;
			},
			'qwen2.5:14b’s trader answers on all three scenarios in the results file',
			20_000,
		);
		expect(lab.sim.requests.find((request) => request.path === '/api/pull')?.endedAt).toBeUndefined();
		running.child.kill('SIGKILL');
		await running.done;
		const before = compareChats(lab, 'qwen2.5:14b');
		// Three roles on three market scenarios.
		expect(before).toBe(3 * 3);
		expect(lab.results().models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.trader?.status).toBe('ok');

		// A kill leaves the lock behind; the message says to remove it (or wait 15 s for recovery).
		fs.rmSync(path.join(lab.dir, '.trifecta.lock'), {recursive: true, force: true});
		const again = await lab.cli(['run'], {claude: true, timeoutMs: 60_000});
		// Round 1 done; without --yes it stops at the escalation question.
		expect(again.code).toBe(3);
		expect(compareChats(lab, 'qwen2.5:14b')).toBe(before);
		const results = lab.results();
		for (const name of ['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b']) {
			expect(results.models.find((model) => model.name === name)?.toolCalling?.openai).toBeDefined();
		}
		expect(results.models.find((model) => model.name === 'qwen2.5:32b')?.speed).toBeDefined();
	}, 90_000);
});
