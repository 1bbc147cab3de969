// One measured client run, headless or with the Ink screen drawing into the terminal it was
// started in (a pseudo-terminal, from run.ts). Writes its figures as JSON to --out.
//   --host URL --model M --kind stream|pull --ui headless|ink --tokens N --out FILE
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import React from 'react';
import {BenchScreen} from '../../source/app/screens/benchScreen.js';
import {PullScreen} from '../../source/app/screens/pullScreen.js';
import {benchViewReducer, initialBenchView} from '../../source/app/state/benchView.js';
import {initialPullView, pullViewReducer} from '../../source/app/state/pullView.js';
import {isBenchScreenEvent} from '../../source/cli/commands/bench.js';
import {isPullScreenEvent} from '../../source/cli/commands/pull.js';
import {screenSession, type Session} from '../../source/cli/commands/stepSession.js';
import type {CommandIO} from '../../source/cli/types.js';
import type {StepEvent} from '../../source/experiment/events.js';
import {defaultSettings} from '../../source/experiment/settings.js';
import {runBench} from '../../source/experiment/steps/bench.js';
import type {StepContext} from '../../source/experiment/steps/context.js';
import {runPull} from '../../source/experiment/steps/pull.js';
import {createResultsStore} from '../../source/output/resultsStore.js';
import {createOllamaProvider} from '../../source/providers/ollama/index.js';
import {createOpenAICompatProvider} from '../../source/providers/openaiCompat.js';
import {simulatedSystemInfo} from '../../source/system/collect.js';

const {values} = parseArgs({
	options: {
		host: {type: 'string'},
		model: {type: 'string'},
		kind: {type: 'string'},
		ui: {type: 'string'},
		tokens: {type: 'string', default: '20000'},
		out: {type: 'string'},
	},
});
const host = values.host ?? '';
const model = values.model ?? '';
const tokens = Number(values.tokens);
const ink = values.ui === 'ink';

const io: CommandIO = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, interactive: ink};
const session: Session | null = ink
	? values.kind === 'pull'
		? screenSession(io, {
				reducer: pullViewReducer,
				initial: initialPullView,
				accept: isPullScreenEvent,
				screen: (view) => <PullScreen view={view} animate simulated width={100} />,
				onCancel: () => undefined,
			})
		: screenSession(io, {
				reducer: benchViewReducer,
				initial: initialBenchView,
				accept: isBenchScreenEvent,
				screen: (view) => <BenchScreen view={view} animate simulated width={100} />,
				onCancel: () => undefined,
			})
	: null;

// What is measured: the events of the stream itself, between its first and last chunk.
let chunks = 0;
let firstAt = 0;
let lastAt = 0;
let cpuStart: NodeJS.CpuUsage | null = null;
let cpuUsed: NodeJS.CpuUsage | null = null;
// UI lag: from the first event the screen has not yet been told about, to the telling.
let pendingSince: number | null = null;
let maxLagMs = 0;
let notifications = 0;
session?.onNotify?.(() => {
	notifications += 1;
	if (pendingSince !== null) maxLagMs = Math.max(maxLagMs, performance.now() - pendingSince);
	pendingSince = null;
});

function isChunk(event: StepEvent): boolean {
	return event.type === 'bench:delta' || event.type === 'pull:progress';
}

const emit = (event: StepEvent): void => {
	if (isChunk(event)) {
		const now = performance.now();
		if (chunks === 0) {
			firstAt = now;
			cpuStart = process.cpuUsage();
		}
		chunks += 1;
		lastAt = now;
		pendingSince ??= now;
	} else if (chunks > 0 && cpuUsed === null && (event.type === 'bench:rep-done' || event.type === 'pull:done')) {
		cpuUsed = process.cpuUsage(cpuStart ?? undefined);
	}
	session?.emit(event);
};

const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'trifecta-bench-'));
const ctx: StepContext = {
	ollama: createOllamaProvider({host}),
	openai: createOpenAICompatProvider({host}),
	claude: null,
	claudeSkipReason: 'benchmark harness',
	settings: {...defaultSettings, reps: 1, numPredict: tokens, numCtx: tokens + 1024},
	system: simulatedSystemInfo(null),
	results: createResultsStore(resultsDir, {simulated: true}),
	signal: new AbortController().signal,
	emit,
	promptsDir: '',
	simulated: true,
};

let evalRate: number | null = null;
if (values.kind === 'pull') {
	await runPull(ctx, model);
} else {
	// The same nonce in every run: the simulator's counters then match run for run, so any
	// difference in the reported rate would come from the client alone.
	const outcome = await runBench(ctx, model, {nonce: (rep) => `harness-${rep}`});
	evalRate = outcome.speed.evalRate.mean;
}
await session?.finish();
const wallMs = lastAt - firstAt;
const cpu = cpuUsed ?? process.cpuUsage(cpuStart ?? undefined);
const cpuUs = cpu.user + cpu.system;
writeFileSync(
	values.out ?? 'ingest.json',
	JSON.stringify({
		chunks,
		wallMs,
		chunksPerSecond: chunks / (wallMs / 1000),
		cpuUsPerChunk: cpuUs / chunks,
		evalRate,
		maxLagMs: ink ? maxLagMs : null,
		notifications,
		maxRssBytes: process.resourceUsage().maxRSS * 1024,
	}),
);
process.exit(0);
