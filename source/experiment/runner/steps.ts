// The real step functions, bound lazily so tests that inject fakes never load them.
import {runBench} from '../steps/bench.js';
import {runCompare} from '../steps/compare.js';
import {runPull} from '../steps/pull.js';
import {runTools} from '../steps/tools.js';
import type {StepFunctions} from './types.js';

export const realSteps: StepFunctions = {
	pull: runPull,
	bench: (ctx, model) => runBench(ctx, model),
	compare: runCompare,
	tools: runTools,
};
