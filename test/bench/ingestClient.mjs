// One measured client run, headless or with the Ink screen drawing into the terminal it was
// started in (a pseudo-terminal, from run.ts). Writes its figures as JSON to --out.
// Plain JavaScript over the built dist/ so that what is measured (CPU, peak RSS) is the app as
// users run it, without a TypeScript loader in the process.
//   --host URL --model M --kind stream|pull --ui headless|ink --tokens N --out FILE
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import React from 'react';
import {BenchScreen} from '../../dist/app/screens/benchScreen.js';
import {PullScreen} from '../../dist/app/screens/pullScreen.js';
import {benchViewReducer, initialBenchView} from '../../dist/app/state/benchView.js';
import {initialPullView, pullViewReducer} from '../../dist/app/state/pullView.js';
import {isBenchScreenEvent} from '../../dist/cli/commands/bench.js';
import {isPullScreenEvent} from '../../dist/cli/commands/pull.js';
import {screenSession} from '../../dist/cli/commands/stepSession.js';
import {defaultSettings} from '../../dist/experiment/settings.js';
import {runBench} from '../../dist/experiment/steps/bench.js';
import {runPull} from '../../dist/experiment/steps/pull.js';
import {createResultsStore} from '../../dist/output/resultsStore.js';
import {createOllamaProvider} from '../../dist/providers/ollama/index.js';
import {lazyOpenAICompatProvider} from '../../dist/providers/lazy.js';
import {simulatedSystemInfo} from '../../dist/system/collect.js';

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

// UI lag, per drawn frame: how old the oldest event it shows for the first time is. Events reach
// the screen at each feed notification; a frame shows what was notified before it was drawn.
let pendingSince = null;
let notifiedOldest = null;
let maxLagMs = 0;
// Frames drawn in the stream's first WARM_UP_MS also run the screen's code for the first time
// (V8 still interpreting, compiling in the background): reported on their own, so the steady
// state is visible.
const WARM_UP_MS = 150;
let firstLagMs = null;
let frames = 0;
function recordLag(lag) {
	if (performance.now() - firstAt < WARM_UP_MS) firstLagMs = Math.max(firstLagMs ?? 0, lag);
	else maxLagMs = Math.max(maxLagMs, lag);
}
function measureFrame() {
	frames += 1;
	if (notifiedOldest !== null) recordLag(performance.now() - notifiedOldest);
	notifiedOldest = null;
}
const io = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, interactive: ink};
const session = ink
	? values.kind === 'pull'
		? screenSession(io, {
				reducer: pullViewReducer,
				initial: initialPullView,
				accept: isPullScreenEvent,
				screen: (view) => React.createElement(PullScreen, {view, animate: true, simulated: true, width: 100}),
				onCancel: () => undefined,
				onRender: () => measureFrame(),
			})
		: screenSession(io, {
				reducer: benchViewReducer,
				initial: initialBenchView,
				accept: isBenchScreenEvent,
				screen: (view) => React.createElement(BenchScreen, {view, animate: true, simulated: true, width: 100}),
				onCancel: () => undefined,
				onRender: () => measureFrame(),
			})
	: null;

// What is measured: the events of the stream itself, between its first and last chunk.
let chunks = 0;
let firstAt = 0;
let lastAt = 0;
let cpuStart = null;
let cpuUsed = null;
session?.onNotify?.(() => {
	if (pendingSince !== null) notifiedOldest = Math.min(notifiedOldest ?? pendingSince, pendingSince);
	pendingSince = null;
});

function isChunk(event) {
	return event.type === 'bench:delta' || event.type === 'pull:progress';
}

const emit = (event) => {
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
const ctx = {
	ollama: createOllamaProvider({host}),
	openai: lazyOpenAICompatProvider({host}),
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

let evalRate = null;
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
		firstLagMs: ink ? firstLagMs : null,
		frames,
		maxRssBytes: process.resourceUsage().maxRSS * 1024,
	}),
);
process.exit(0);
