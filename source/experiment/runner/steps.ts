// The real step functions, bound lazily so tests that inject fakes never load them.
import {runBench} from '../steps/bench.js';
import {runBaseline, runCompare} from '../steps/compare/compare.js';
import {runPull} from '../steps/pull.js';
import {runTools} from '../steps/tools.js';
import type {StepFunctions} from './types.js';

export const realSteps: StepFunctions = {
	pull: runPull,
	bench: (ctx, model) => runBench(ctx, model),
	// Later rounds score one new model against the same baseline: Claude is asked once per model id.
	compare: (ctx, models) => runCompare(ctx, models, {reuseBaseline: true}),
	tools: runTools,
	baseline: (ctx, board) => runBaseline(ctx, board, {reuse: true}),
};
