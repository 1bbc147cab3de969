// The runner's round orchestration through the simulator with the real steps and
// providers: one load per model per round, Claude beside the pull, local requests one at a
// time, and a cancel in the middle of overlapping work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createExperiment, type Runner} from '../../../source/experiment/runner/index.js';
import {testSettings} from '../../helpers/testSettings.js';
import {createResultsStore} from '../../../source/output/resultsStore.js';
import {bundledPromptsDir} from '../../../source/prompts/load.js';
import {createClaudeProvider} from '../../../source/providers/claude.js';
import {createOllamaProvider} from '../../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../../source/providers/openaiCompat/openaiCompatProvider.js';
import {defaultProfiles, startSimulator, type RequestLogEntry, type SimulatorHandle} from '../../../source/simulator/index.js';
import {testSystem} from '../../helpers/stepHarness.js';

const LOCAL_ROUTES = new Set(['/api/chat', '/api/generate', '/v1/chat/completions']);

type Lab = {sim: SimulatorHandle; dir: string; runner: Runner; controller: AbortController};
let lab: Lab | null = null;

afterEach(async () => {
	if (!lab) return;
	await lab.runner.close().catch(() => undefined);
	await lab.sim.close();
	fs.rmSync(lab.dir, {recursive: true, force: true});
	lab = null;
});

/** Short local replies (the orchestration is under test, not the prose) and a pull that takes a while. */
async function start(options: {freeRamBytes?: number; overlap?: boolean; pullBytesPerSecond?: number} = {}): Promise<Lab> {
	const sim = await startSimulator({
		profiles: defaultProfiles().map((profile) => ({...profile, replyTokens: 24})),
		pace: 0.001,
		pullBytesPerSecond: options.pullBytesPerSecond ?? 8e9,
	});
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trifecta-orchestration-'));
	const controller = new AbortController();
	const runner = await createExperiment({
		services: {
			ollama: createOllamaProvider({host: sim.url}),
			openai: createOpenAICompatProvider({host: sim.url, maxRetries: 0}),
			claude: createClaudeProvider({apiKey: 'test-key', baseURL: sim.anthropicUrl, model: testSettings.claudeModel, maxRetries: 0, warn: () => {}}),
			claudeSkipReason: null,
			results: createResultsStore(dir, {simulated: true}),
			settings: {...testSettings, reps: 1},
			system: testSystem({freeRamBytes: options.freeRamBytes ?? 90e9}),
			simulated: true,
			signal: controller.signal,
		},
		settingsStore: null,
		promptsDir: bundledPromptsDir(),
		pipelineDir: dir,
		docsDir: path.join(dir, 'docs'),
		lock: async () => async () => undefined,
		overlap: options.overlap ?? true,
	});
	lab = {sim, dir, runner, controller};
	return lab;
}

async function roundOne(runner: Runner): Promise<string> {
	expect((await runner.advance()).kind).toBe('plan');
	runner.dispatch({type: 'plan:confirmed'});
	return (await runner.advance()).kind;
}

function span(request: RequestLogEntry): [number, number] {
	return [request.startedAt ?? 0, request.endedAt ?? Number.POSITIVE_INFINITY];
}

function overlaps(a: RequestLogEntry, b: RequestLogEntry): boolean {
	const [aStart, aEnd] = span(a);
	const [bStart, bEnd] = span(b);
	return aStart < bEnd && bStart < aEnd;
}

describe('round orchestration through the simulator', () => {
	it('loads each model once at the measured context, runs Claude during the pull, and never overlaps local requests', async () => {
		const {sim, runner, dir} = await start();
		expect(await roundOne(runner)).toBe('ask-escalation');

		const loads = sim.loads();
		const measured = loads.filter((load) => load.numCtx === testSettings.numCtx);
		const perModel = new Map<string, number>();
		for (const load of measured) perModel.set(load.model, (perModel.get(load.model) ?? 0) + 1);
		expect(Object.fromEntries(perModel)).toEqual({'qwen2.5:14b': 1, 'mistral-small:22b': 1, 'qwen2.5:32b': 1});
		// The /v1 endpoint cannot pin num_ctx: Ollama reloads at its default context, once per model, last.
		const other = loads.filter((load) => load.numCtx !== testSettings.numCtx);
		expect(other.map((load) => load.model).sort()).toEqual(['mistral-small:22b', 'qwen2.5:14b', 'qwen2.5:32b']);

		const pull = sim.requests.find((request) => request.path === '/api/pull');
		const claude = sim.requests.filter((request) => request.path === '/v1/messages');
		// Judge calls are the ones with a JSON schema (baseline answers carry output_config too, for their effort).
		const answers = claude.filter((request) => !JSON.stringify(request.body).includes('json_schema'));
		expect(pull).toBeDefined();
		// One baseline for the round: three roles on each of three market scenarios, each asked twice (the judge's noise floor).
		expect(answers.length).toBe(2 * 3 * 3);
		expect(claude.length).toBeGreaterThan(answers.length);
		expect(claude.some((request) => pull && overlaps(request, pull))).toBe(true);

		const local = sim.requests.filter((request) => LOCAL_ROUTES.has(request.path));
		for (const [index, request] of local.entries()) {
			for (const later of local.slice(index + 1)) expect(overlaps(request, later)).toBe(false);
		}

		const saved = JSON.parse(fs.readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as {
			models: {name: string; duringDownload?: Record<string, string>; speed?: {duringDownload?: string | null}}[];
			timing?: {steps: {step: string; model: string | null; duringDownload: string | null; heldForPull?: boolean}[]; runs: {criticalPathMs: number; claudeMs: number}[]};
		};
		const steps = saved.timing?.steps ?? [];
		expect(steps.some((step) => step.step === 'compare' && step.model === 'qwen2.5:14b' && step.duringDownload === 'qwen2.5:32b')).toBe(true);
		// The installed models are benchmarked beside the download too, and marked so; the pulled one waits for its pull.
		expect(steps.some((step) => step.step === 'bench' && step.model === 'qwen2.5:14b' && step.duringDownload === 'qwen2.5:32b')).toBe(true);
		expect(saved.models.find((model) => model.name === 'qwen2.5:14b')?.speed?.duringDownload).toBe('qwen2.5:32b');
		const held = (model: string) => [...new Set(steps.filter((step) => step.model === model && step.step !== 'pull').map((step) => step.heldForPull))];
		expect([held('qwen2.5:14b'), held('mistral-small:22b'), held('qwen2.5:32b')]).toEqual([[false], [false], [true]]);
		expect(steps.filter((step) => step.step === 'unload').map((step) => step.model)).toEqual(['qwen2.5:14b', 'mistral-small:22b', 'qwen2.5:32b']);
		expect(saved.models.find((model) => model.name === 'qwen2.5:14b')?.duringDownload).toMatchObject({compare: 'qwen2.5:32b'});
		expect(saved.models.find((model) => model.name === 'qwen2.5:32b')?.duringDownload).toBeUndefined();
		expect(saved.timing?.runs[0]?.criticalPathMs).toBeGreaterThan(0);
		expect(saved.timing?.runs[0]?.claudeMs).toBeGreaterThan(0);
	});

	it('with --no-overlap, measures nothing while the model downloads', async () => {
		const {sim, runner, dir} = await start({overlap: false});
		await roundOne(runner);
		const pull = sim.requests.find((request) => request.path === '/api/pull');
		const local = sim.requests.filter((request) => LOCAL_ROUTES.has(request.path));
		expect(pull).toBeDefined();
		expect(local.length).toBeGreaterThan(0);
		expect(local.every((request) => pull && (request.startedAt ?? 0) >= (pull.endedAt ?? Infinity))).toBe(true);
		// Nothing could overlap the download, so the critical path is the pull and then every local step.
		const {timing} = JSON.parse(fs.readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as {
			timing: {steps: {step: string; wallMs: number; heldForPull?: boolean}[]; runs: {criticalPathMs: number}[]};
		};
		const chain = timing.steps.filter((step) => step.step !== 'baseline').reduce((sum, step) => sum + step.wallMs, 0);
		expect(timing.steps.filter((step) => step.step !== 'pull' && step.step !== 'baseline').every((step) => step.heldForPull === true)).toBe(true);
		expect(timing.runs[0]?.criticalPathMs).toBeGreaterThanOrEqual(chain);
	});

	it('does not measure beside a pull when free RAM is under twice the installed model', async () => {
		const {sim, runner} = await start({freeRamBytes: 12e9});
		await roundOne(runner);
		const pull = sim.requests.find((request) => request.path === '/api/pull');
		const local = sim.requests.filter((request) => LOCAL_ROUTES.has(request.path));
		expect(local.every((request) => pull && (request.startedAt ?? 0) >= (pull.endedAt ?? Infinity))).toBe(true);
	});

	it('a cancel during overlapping work stops the pull, Claude and the local model, and keeps every finished result', async () => {
		const {sim, runner, dir} = await start({pullBytesPerSecond: 2e9});
		let canceled = false;
		runner.subscribe((event) => {
			// The 14B's bull answer is finished (its scoring may still wait for Claude's) when its bear starts.
			if (!canceled && event.type === 'compare:cell-start' && event.subject === 'qwen2.5:14b' && event.role === 'bear') {
				canceled = true;
				runner.cancelStep();
			}
		});
		expect(await roundOne(runner)).toBe('canceled');
		await runner.settled();
		const pull = sim.requests.find((request) => request.path === '/api/pull');
		expect(pull?.aborted).toBe(true);
		const saved = JSON.parse(fs.readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')) as {
			models: {name: string; reasoning?: Record<string, {status: string}>; pull?: {status: string}}[];
			baseline: {reasoning: Record<string, {status: string}>} | null;
		};
		expect(saved.models.find((model) => model.name === 'qwen2.5:14b')?.reasoning?.['bull']?.status).toBe('ok');
		expect(saved.models.find((model) => model.name === 'qwen2.5:32b')?.pull?.status).toBe('canceled');
		// Nothing local or Claude is still streaming once the runner settled.
		const open = sim.requests.filter((request) => request.endedAt === undefined && request.path !== '/api/pull');
		expect(open).toEqual([]);
		expect(sim.loaded()).toEqual([]);
	});
});
