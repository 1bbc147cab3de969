import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runCompare, baselineSubject, type CompareOutcome} from '../../../source/experiment/steps/compare/compare.js';
import {ClaudeQueue} from '../../../source/experiment/claudeQueue.js';
import {DEFAULT_CLAUDE_MODEL} from '../../../source/experiment/settings.js';
import type {ResultsFile, ScoredResponse} from '../../../source/domain/schema.js';
import {eventsOfType, type StepHarness} from '../../helpers/stepHarness.js';
import {compareHarness, TEST_KEY} from './compareHarness.js';

const MODELS = ['qwen2.5:14b', 'mistral-small:22b'];
const ROLES = ['bull', 'bear', 'trader'] as const;

function stored(harness: StepHarness): ResultsFile {
	return JSON.parse(fs.readFileSync(harness.resultsFile, 'utf8')) as ResultsFile;
}

function allFiles(dir: string): string[] {
	return fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function expectScored(response: ScoredResponse | undefined, dir: string): void {
	expect(response?.status).toBe('ok');
	expect(response?.score).toEqual(expect.any(Number));
	expect(response?.dimensions.length).toBeGreaterThan(0);
	expect(response?.metrics?.words).toBeGreaterThan(0);
	expect(response?.outputTokens).toBeGreaterThan(0);
	expect(response?.tokensPerSecond).toBeGreaterThan(0);
	expect(response?.transcript).toMatch(/^transcripts\//);
	expect(fs.existsSync(path.join(dir, response?.transcript ?? 'missing'))).toBe(true);
}

let harness: StepHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('runCompare', () => {
	it('scores the baseline and every model on bull, bear and trader, persists them and writes transcripts and the table', async () => {
		harness = await compareHarness({claude: true});
		const outcome: CompareOutcome = await runCompare(harness.ctx, MODELS);

		expect(outcome.baseline).toMatchObject({provider: 'claude', model: DEFAULT_CLAUDE_MODEL, status: 'ok', note: null});
		expect(outcome.baseline.usage?.outputTokens).toBeGreaterThan(0);
		for (const role of ROLES) expectScored(outcome.baseline.reasoning[role], harness.dir);
		for (const model of MODELS) {
			for (const role of ROLES) {
				const response = outcome.models[model]?.[role];
				expectScored(response, harness.dir);
				// Scored by the offline rubric here (no judge calls): a format-and-grounding check, never a
				// score relative to Claude, which only the judge gives; its paired difference is kept apart.
				expect(response?.scoreSource).toBe('rubric');
				expect(response?.relative ?? null).toBeNull();
				expect(response?.relativeToBaseline).toBeNull();
				expect(response?.gap?.n).toBeGreaterThan(0);
			}
		}

		// The complete (simulated Claude) proposal scores at least 9; the
		// shallow 14B proposal, without levels, far below.
		expect(outcome.baseline.reasoning.trader?.score).toBeGreaterThanOrEqual(9);
		expect(outcome.models['qwen2.5:14b']?.trader?.score).toBeLessThan((outcome.baseline.reasoning.trader?.score ?? 0) - 3);

		const file = stored(harness);
		expect(file.baseline?.reasoning.trader?.score).toBe(outcome.baseline.reasoning.trader?.score);
		expect(file.models.map((model) => model.name)).toEqual(MODELS);
		expect(file.models.every((model) => ROLES.every((role) => model.reasoning?.[role]?.status === 'ok'))).toBe(true);
		expect(fs.readFileSync(path.join(harness.dir, 'model_scaling_comparison.txt'), 'utf8')).toContain('qwen2.5:14b');
		for (const file of allFiles(harness.dir)) expect(fs.readFileSync(file, 'utf8')).not.toContain(TEST_KEY);
	});

	it('runs the baseline beside the local models, which go strictly one request at a time, unloading each after its prompts', async () => {
		harness = await compareHarness({claude: true, sim: {pace: 0.002}});
		const models = MODELS.slice(0, 2);
		await runCompare(harness.ctx, models);
		const starts = eventsOfType(harness.events, 'compare:cell-start').map((event) => `${event.subject}/${event.role}`);
		const claude = baselineSubject(DEFAULT_CLAUDE_MODEL);
		expect(starts.filter((start) => !start.startsWith('claude:'))).toEqual(models.flatMap((subject) => ROLES.map((role) => `${subject}/${role}`)));
		expect(starts.filter((start) => start.startsWith('claude:')).sort()).toEqual(ROLES.map((role) => `${claude}/${role}`).sort());
		// The first local prompt starts before the baseline has finished: they overlap.
		expect(starts.indexOf(`${models[0]}/bull`)).toBeLessThan(starts.indexOf(`${claude}/bear`));
		expect(harness.sim.loaded()).toEqual([]);
		const local = harness.sim.requests.filter((request) => request.path === '/api/chat');
		const spans = local.map((request) => [request.startedAt ?? 0, request.endedAt ?? 0] as const).sort((a, b) => a[0] - b[0]);
		for (let index = 1; index < spans.length; index++) expect(spans[index]![0]).toBeGreaterThanOrEqual(spans[index - 1]![1]);
		const chats = local.map((request) => request.body as {options?: Record<string, number>});
		expect(chats.every((body) => body.options?.['temperature'] === 0 && body.options['seed'] === 42 && body.options['num_predict'] === 4096)).toBe(true);
	});

	it('gives the bear its own bull text to rebut', async () => {
		harness = await compareHarness();
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		const bull = outcome.models['qwen2.5:14b']?.bull?.tail ?? '';
		const chats = harness.sim.requests.filter((request) => request.path === '/api/chat');
		const bearRequest = JSON.stringify(chats[1]?.body);
		expect(bull.length).toBeGreaterThan(20);
		expect(bearRequest).toContain(JSON.stringify(bull.slice(-40)).slice(1, -1));
	});

	it('without a key, skips the baseline with the reason and still scores every model', async () => {
		harness = await compareHarness({claude: false});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(outcome.baseline).toMatchObject({status: 'skipped', note: 'ANTHROPIC_API_KEY is not set', reasoning: {}});
		expect(eventsOfType(harness.events, 'compare:start')[0]).toMatchObject({baseline: 'skipped', baselineNote: 'ANTHROPIC_API_KEY is not set'});
		for (const role of ROLES) {
			expectScored(outcome.models['qwen2.5:14b']?.[role], harness.dir);
			expect(outcome.models['qwen2.5:14b']?.[role]?.relativeToBaseline).toBeNull();
		}
		expect(harness.sim.requests.some((request) => request.path === '/v1/messages')).toBe(false);
		expect(stored(harness).baseline?.status).toBe('skipped');
	});

	it('marks a cell whose stream dies ERROR with the reason, and scores the others', async () => {
		harness = await compareHarness({
			onEvent: (event, h) => {
				if (event.type === 'compare:cell-start' && event.subject === 'mistral-small:22b' && event.role === 'bear') {
					h.sim.injectOllamaFault({kind: 'die-mid-stream', afterChunks: 3}, '/api/chat');
				}
			},
		});
		const outcome = await runCompare(harness.ctx, MODELS);
		const failed = outcome.models['mistral-small:22b']?.bear;
		expect(failed).toMatchObject({status: 'error', score: null, transcript: null});
		expect(failed?.error).toMatch(/\w/);
		expect(failed?.error).not.toMatch(/\n\s+at /);
		expectScored(outcome.models['mistral-small:22b']?.trader, harness.dir);
		for (const role of ROLES) expectScored(outcome.models['qwen2.5:14b']?.[role], harness.dir);
		expect(stored(harness).models.find((model) => model.name === 'mistral-small:22b')?.reasoning?.bear?.status).toBe('error');
		expect(fs.readFileSync(path.join(harness.dir, 'model_scaling_comparison.txt'), 'utf8')).toContain('ERROR');
	});

	it('marks the baseline cells ERROR when Claude rejects the key, and goes on with the models', async () => {
		harness = await compareHarness({claude: true});
		harness.sim.injectClaudeFault({kind: 'status', status: 401, times: 3});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(outcome.baseline.status).toBe('error');
		for (const role of ROLES) expect(outcome.baseline.reasoning[role]).toMatchObject({status: 'error', error: expect.stringMatching(/\w/)});
		for (const role of ROLES) {
			expectScored(outcome.models['qwen2.5:14b']?.[role], harness.dir);
			// No usable baseline: nothing to be relative to.
			expect(outcome.models['qwen2.5:14b']?.[role]?.relativeToBaseline).toBeNull();
		}
		for (const file of allFiles(harness.dir)) expect(fs.readFileSync(file, 'utf8')).not.toContain(TEST_KEY);
	});

	it('stops on Ctrl+C, keeping the cells already finished', async () => {
		harness = await compareHarness({
			onEvent: (event, h) => {
				if (event.type === 'compare:cell-done' && event.subject === 'qwen2.5:14b' && event.role === 'bear') h.controller.abort();
			},
		});
		await expect(runCompare(harness.ctx, MODELS)).rejects.toMatchObject({kind: 'canceled'});
		const entry = stored(harness).models.find((model) => model.name === 'qwen2.5:14b');
		expect(entry?.reasoning?.bull?.status).toBe('ok');
		expect(entry?.reasoning?.bear?.status).toBe('ok');
		expect(entry?.reasoning?.trader).toBeUndefined();
		expect(stored(harness).models.some((model) => model.name === 'mistral-small:22b')).toBe(false);
	});

	it('keeps a baseline measured earlier when a later run skips it', async () => {
		harness = await compareHarness({claude: true});
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		harness.ctx.claude = null;
		harness.ctx.claudeSkipReason = '--no-claude';
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		expect(outcome.baseline.status).toBe('skipped');
		expect(stored(harness).baseline?.status).toBe('ok');
	});

	it('with reuseBaseline, asks Claude once per model id and scores a later model against the kept baseline', async () => {
		harness = await compareHarness({claude: true});
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		const claudeCalls = () => harness?.sim.requests.filter((request) => request.path === '/v1/messages').length ?? 0;
		expect(claudeCalls()).toBe(3);
		const kept = stored(harness).baseline;

		const outcome = await runCompare(harness.ctx, ['mistral-small:22b'], {reuseBaseline: true});
		expect(claudeCalls()).toBe(3);
		expect(outcome.baseline).toEqual(kept);
		expect(outcome.models['mistral-small:22b']?.trader?.gap?.n).toBeGreaterThan(0);
		expect(stored(harness).models.map((model) => model.name)).toEqual(['qwen2.5:14b', 'mistral-small:22b']);

		// Without the option (an explicit `trifecta compare`), the baseline is measured again.
		await runCompare(harness.ctx, ['mistral-small:22b']);
		expect(claudeCalls()).toBe(6);
	});

	it('judges every answer against Claude on three markets: quality with an interval, win/tie/loss, a noise floor and the judge cost', async () => {
		harness = await compareHarness({claude: true, scenarios: 3, judge: 'claude'});
		const outcome = await runCompare(harness.ctx, ['qwen2.5:14b']);
		const trader = outcome.models['qwen2.5:14b']?.trader;
		expect(trader).toMatchObject({status: 'ok', scoreSource: 'judge', scorer: {kind: 'judge', judgeModel: DEFAULT_CLAUDE_MODEL}, quality: {n: 3}});
		expect(trader?.scenarios?.map((s) => s.scenario)).toEqual(['market-context', 'earnings-miss', 'range-bound']);
		for (const scenario of trader?.scenarios ?? []) {
			expect(scenario).toMatchObject({status: 'ok', judge: {status: 'ok'}, scorer: {kind: 'judge', baseline: expect.stringMatching(/^[0-9a-f]{16}$/)}});
			expect(scenario.compliance?.checks.length).toBeGreaterThan(0);
			expect(scenario.rubricScore).toEqual(expect.any(Number));
		}
		// The shallow 14B proposal (no levels) loses to Claude's, on the same absolute scale.
		const baseline = outcome.baseline.reasoning.trader;
		expect(baseline).toMatchObject({scoreSource: 'judge', quality: {n: 3}});
		expect(baseline?.score).toBeGreaterThanOrEqual(8);
		expect(trader?.score).toBeLessThan(baseline?.score ?? 0);
		expect(trader?.verdicts?.loss).toBeGreaterThan(0);
		expect(trader?.gap?.mean).toBeLessThan(0);
		// The gap is paired: each scenario's quality minus Claude's from the same judge calls.
		const gaps = (trader?.scenarios ?? []).map((s) => (s.judge?.quality ?? 0) - (s.judge?.baselineQuality ?? 0));
		expect(trader?.gap?.mean).toBeCloseTo(gaps.reduce((a, b) => a + b, 0) / gaps.length, 1);

		expect(baseline?.noiseFloor).toMatchObject({n: 3});
		expect(baseline?.scenarios?.every((s) => s.noise?.status === 'ok')).toBe(true);
		expect(outcome.baseline.judge?.calls).toBeGreaterThan(0);
		expect(stored(harness).baseline?.judge?.calls).toBe(outcome.baseline.judge?.calls);

		const starts = eventsOfType(harness.events, 'compare:cell-start').filter((event) => event.subject === 'qwen2.5:14b' && event.role === 'trader');
		expect(starts.map((event) => event.scenario)).toEqual(['market-context', 'earnings-miss', 'range-bound']);
		const judgeBodies = harness.sim.requests.filter((request) => request.path === '/v1/messages' && JSON.stringify(request.body).includes('json_schema'));
		expect(judgeBodies.length).toBeGreaterThanOrEqual(2 * 9);
		for (const request of judgeBodies) expect(JSON.stringify((request.body as {messages: unknown}).messages)).not.toMatch(/qwen|claude/i);
	});
	it('sends every Claude call (baseline answers, noise-floor samples, judge pairs) through the session queue, at most three at once', async () => {
		harness = await compareHarness({claude: true, scenarios: 3, judge: 'claude'});
		const queue = new ClaudeQueue();
		harness.ctx.claudeQueue = queue;
		await runCompare(harness.ctx, ['qwen2.5:14b']);
		const claudeRequests = harness.sim.requests.filter((request) => request.path === '/v1/messages');
		const busy = queue.busy();
		expect(busy.length).toBe(claudeRequests.length);
		const labels = new Set(busy.map((span) => span.label.split(' ')[0]));
		expect([...labels].sort()).toEqual(['baseline', 'judge', 'noise']);
		// In flight at each request's start: never more than the queue's bound.
		for (const span of busy) expect(busy.filter((other) => other.start <= span.start && span.start < other.end).length).toBeLessThanOrEqual(3);
	});
});

