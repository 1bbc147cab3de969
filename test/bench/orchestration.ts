// The orchestration figures: a full `trifecta run --yes` (the built CLI) against the simulator at a
// fixed pace with the ladder's real sizes (the wizard's first frame is test/bench/startup.ts's).
// The simulator runs in this process (its load log is read afterwards); the CLI is a child.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultSettings} from '../../source/experiment/settings.js';
import {resultsFile, type ResultsFile} from '../../source/domain/schema.js';
import {startSimulator} from '../../source/simulator/index.js';
import {cliEnv} from '../helpers/runCli.js';

/** Real ms per simulated ms: fifty times faster than an M3 Max. */
export const ORCHESTRATION_PACE = 0.02;
/** A home connection: 60 MB/s of simulated time. */
const PULL_BYTES_PER_SECOND = 60e6;

/** The users' M3 Max with 128 GB, 72 % of it free (the demo's simulated system), as userMachine.mjs presents it. */
const USER_MACHINE = {totalRamBytes: 128 * 1024 ** 3, freeRamBytes: Math.round(128 * 1024 ** 3 * 0.72)};

/** Whose RAM the run sees: the 128 GB M3 Max users have, or the machine the bench runs on. */
export type BenchMachine = 'user' | 'host';

export type OrchestrationFigures = {
	machine: BenchMachine;
	/** RAM the run saw (free: as the run started), bytes. */
	totalRamBytes: number;
	freeRamBytes: number;
	/** Installed models measured beside the download. */
	beside: string[];
	exitCode: number | null;
	/** Cold loads at the measured num_ctx, per model and round. */
	loads: {round: number; model: string; count: number}[];
	/** Reloads at Ollama's default context for the /v1 tool test, which cannot pin num_ctx. */
	defaultContextLoads: number;
	claudeMs: number;
	claudeOverlapMs: number;
	wallMs: number;
	criticalPathMs: number;
	timeLine: string | null;
	processMs: number;
};

export async function orchestrationRun(root: string, machine: BenchMachine = 'user'): Promise<OrchestrationFigures> {
	const sim = await startSimulator({pace: ORCHESTRATION_PACE, pullBytesPerSecond: PULL_BYTES_PER_SECOND / ORCHESTRATION_PACE});
	const dir = mkdtempSync(path.join(os.tmpdir(), 'trifecta-orchestration-'));
	try {
		// The host's free RAM is read as the run starts.
		const freeRamBytes = machine === 'user' ? USER_MACHINE.freeRamBytes : os.freemem();
		const userRam = machine === 'user' ? {TRIFECTA_BENCH_TOTAL_RAM: String(USER_MACHINE.totalRamBytes), TRIFECTA_BENCH_FREE_RAM: String(USER_MACHINE.freeRamBytes)} : {};
		const started = performance.now();
		const {code, stderr} = await new Promise<{code: number | null; stderr: string}>((resolve) => {
			const child = spawn(
				process.execPath,
				[...(machine === 'user' ? ['--import', path.join(root, 'test/bench/userMachine.mjs')] : []), path.join(root, 'dist/cli.js'), 'run', '--yes', '--host', sim.url, '--results-dir', dir, '--docs-dir', path.join(dir, 'docs'), '--pipeline-dir', dir],
				{
					cwd: dir,
					stdio: ['ignore', 'ignore', 'pipe'],
					env: cliEnv({XDG_CONFIG_HOME: dir, ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: sim.anthropicUrl, NODE_ENV: 'production', ...userRam}),
				},
			);
			let err = '';
			child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
			child.on('close', (exit) => resolve({code: exit, stderr: err}));
		});
		const processMs = performance.now() - started;
		if (code !== 0) throw new Error(`trifecta run --yes failed (${code}):\n${stderr}`);
		const results: ResultsFile = resultsFile.parse(JSON.parse(readFileSync(path.join(dir, 'scaling-results.json'), 'utf8')));
		const steps = results.timing?.steps ?? [];
		const roundOf = (model: string, at: number): number => {
			const step = steps.find((candidate) => candidate.model === model && Date.parse(candidate.startedAt) <= at + 5 && at <= Date.parse(candidate.startedAt) + candidate.wallMs + 5);
			return step?.round ?? 0;
		};
		const counts = new Map<string, {round: number; model: string; count: number}>();
		let defaultContextLoads = 0;
		for (const load of sim.loads()) {
			if (load.numCtx !== defaultSettings.numCtx) {
				defaultContextLoads += 1;
				continue;
			}
			const round = roundOf(load.model, load.at);
			const key = `${round}:${load.model}`;
			const entry = counts.get(key) ?? {round, model: load.model, count: 0};
			entry.count += 1;
			counts.set(key, entry);
		}
		const runs = results.timing?.runs ?? [];
		const sum = (pick: (run: (typeof runs)[number]) => number) => runs.reduce((total, run) => total + pick(run), 0);
		const {experimentTimeLine} = await import('../../source/analysis/timing.js');
		const beside = [...new Set(steps.flatMap((step) => (step.step !== 'pull' && step.duringDownload !== null && step.model !== null ? [step.model] : [])))];
		return {
			machine,
			totalRamBytes: results.environment?.totalRamBytes ?? 0,
			freeRamBytes,
			beside,
			exitCode: code,
			loads: [...counts.values()],
			defaultContextLoads,
			claudeMs: sum((run) => run.claudeMs),
			claudeOverlapMs: sum((run) => run.claudeOverlapMs),
			wallMs: sum((run) => run.wallMs),
			criticalPathMs: sum((run) => run.criticalPathMs),
			// The CLI cannot know the simulator's pace, so walls are real and counters simulated: said in simulated time.
			timeLine: experimentTimeLine(runs.map((run) => ({...run, wallMs: run.wallMs / ORCHESTRATION_PACE, pullingMs: run.pullingMs / ORCHESTRATION_PACE}))),
			processMs,
		};
	} finally {
		await sim.close();
		rmSync(dir, {recursive: true, force: true});
	}
}
