// A Claude baseline answer that is not an answer (refused, cut, over the context window) never
// becomes the reference a local model is judged against, and rate limits never lose a role.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runCompare} from '../../../source/experiment/steps/compare/compare.js';
import {announcedClaudeQueue} from '../../../source/experiment/claudeQueueNotices.js';
import {eventsOfType, type StepHarness} from '../../helpers/stepHarness.js';
import {initialCompareView, reduceCompareView} from '../../../source/app/state/compareView.js';
import {isCompareScreenEvent} from '../../../source/cli/commands/compare.js';
import {compareHarness} from './compareHarness.js';

const LOCAL = 'qwen2.5:14b';

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

/** The compare harness with the queue every command now builds, its notices in the harness's events. */
async function withQueue(options: Parameters<typeof compareHarness>[0]): Promise<StepHarness> {
	const h = await compareHarness(options);
	h.ctx.claudeQueue = announcedClaudeQueue((event) => h.ctx.emit(event), {tickMs: 20});
	return h;
}

const messages = (h: StepHarness) => h.sim.requests.filter((request) => request.path === '/v1/messages');
const warnings = (h: StepHarness) => eventsOfType(h.events, 'warning').map((event) => event.message);

describe('a Claude baseline that is not an answer', () => {
	it.each([
		['refusal', {kind: 'refusal', afterChunks: 6}, /declined to answer the prompt \(stop_reason "refusal"\)/],
		['context window exceeded', {kind: 'context-exceeded', afterChunks: 6}, /ran out of context window.*model_context_window_exceeded/],
	] as const)('%s: the role is ERROR with the reason named, and the local answer is not judged against it', async (_name, fault, reason) => {
		harness = await withQueue({claude: true, judge: 'claude'});
		// The first Claude request is the baseline's bull answer.
		harness.sim.injectClaudeFault(fault);
		const outcome = await runCompare(harness.ctx, [LOCAL]);
		expect(outcome.baseline.reasoning.bull).toMatchObject({status: 'error', score: null});
		expect(outcome.baseline.reasoning.bull?.error).toMatch(reason);
		expect(outcome.baseline.note).toMatch(reason);
		for (const role of ['bear', 'trader'] as const) expect(outcome.baseline.reasoning[role]?.status).toBe('ok');
		// Nothing was judged against the refused text: no judge call quotes it, and the local bull has no judged quality.
		const local = outcome.models[LOCAL]?.bull;
		expect(local?.scenarios?.every((scenario) => scenario.judge?.status !== 'ok')).toBe(true);
		const stored = JSON.parse(JSON.stringify(harness.ctx.results.read().baseline)) as {reasoning: {bull: {status: string}}};
		expect(stored.reasoning.bull.status).toBe('error');
		// The text tables the report is built from name it too.
		expect(fs.readFileSync(path.join(harness.dir, 'model_scaling_comparison.txt'), 'utf8')).toMatch(/ERROR: Claude \(claude-sonnet-5-5\)/);
	});

	it('a stream cut before message_stop is asked once more, said so, and the complete answer is kept', async () => {
		harness = await withQueue({claude: true});
		harness.sim.injectClaudeFault({kind: 'cut', afterChunks: 20});
		const outcome = await runCompare(harness.ctx, [LOCAL]);
		for (const role of ['bull', 'bear', 'trader'] as const) expect(outcome.baseline.reasoning[role]?.status).toBe('ok');
		expect(warnings(harness).some((message) => /no message_stop.*cut.*asking Claude once more/.test(message))).toBe(true);
		// Three answers, one of them asked twice.
		expect(messages(harness)).toHaveLength(4);
		expect(outcome.baseline.reasoning.bull?.metrics?.words).toBeGreaterThan(100);
	});
});

describe('rate limits', () => {
	it('three 429s with retry-after: Claude requests pause as asked, with a countdown, and no role is lost', async () => {
		harness = await withQueue({claude: true});
		harness.sim.injectClaudeFault({kind: 'status', status: 429, retryAfter: 0.1, times: 3});
		const outcome = await runCompare(harness.ctx, [LOCAL]);
		for (const role of ['bull', 'bear', 'trader'] as const) expect(outcome.baseline.reasoning[role]?.status).toBe('ok');
		expect(outcome.baseline.status).toBe('ok');
		const pauses = warnings(harness).filter((message) => /rate limit was hit.*pausing Claude requests for a moment \(until \d\d:\d\d:\d\d\), then trying again/.test(message));
		expect(pauses.length).toBeGreaterThan(0);
		const ticks = warnings(harness).filter((message) => /^Claude requests paused by the rate limit: resuming in \d+ s$/.test(message));
		expect(ticks.length).toBeGreaterThan(0);
		// On the Reasoning screen the countdown is one line that ticks, not one line per tick.
		const view = harness.events.filter(isCompareScreenEvent).reduce(reduceCompareView, initialCompareView);
		expect(view.warnings.filter((message) => message.startsWith('Claude requests paused')).length).toBe(1);
	});

	it('a retry-after of an hour is not waited out silently: the roles fail at once, saying how long the API asked for', async () => {
		harness = await withQueue({claude: true});
		harness.sim.injectClaudeFault({kind: 'status', status: 429, retryAfter: 3600, times: 100});
		const outcome = await runCompare(harness.ctx, [LOCAL]);
		expect(outcome.baseline.status).toBe('error');
		for (const role of ['bull', 'bear', 'trader'] as const) {
			expect(outcome.baseline.reasoning[role]?.error).toMatch(/asks to wait 60 min before the next request \(retry-after\), longer than the 5 min trifecta waits/);
			expect(outcome.baseline.reasoning[role]?.error).not.toMatch(/stall|no data/);
		}
		expect(outcome.models[LOCAL]?.trader?.status).toBe('ok');
	});
});
