// The speed benchmark of one model, by docs/DESIGN.md's measurement rules: one untimed warm-up that
// loads the model, then N timed reps of the standard prompt (unique at its start each time),
// options pinned; rates from Ollama's counters; memory from /api/ps while loaded. Alone, the model
// is unloaded afterwards whatever happens; inside a round it stays loaded for compare and tools
// (the runner unloads it once). The result is persisted as soon as the model finishes.
import os from 'node:os';
import {randomUUID} from 'node:crypto';
import {implausibleLoad} from '../../analysis/plausibility.js';
import {ceilingRate} from '../../analysis/rates.js';
import type {BenchOptions, ModelResult, RepRecord, SpeedResult} from '../../domain/schema.js';
import {applyModelFacts, upsertModel} from '../../output/resultsStore.js';
import {BENCH_PROMPT, benchRequestText, PREFILL_NOTE} from '../../prompts/bench.js';
import {bundledPromptsDir, loadPrompts} from '../../prompts/load.js';
import {isCanceled, ProviderError} from '../../providers/errors.js';
import type {GenerationOptions, InstalledModel} from '../../providers/types.js';
import type {StepContext} from './context.js';
import {lowRamWarning, memoryRecord, offloadWarning, type RamReading} from './benchMemory.js';
import {ImplausibleRepError, runRep} from './benchRep.js';
import {summarizeSpeed} from './benchSummary.js';
import {canonicalModelName, findInstalled} from './modelNames.js';
import {userMessage} from '../../system/userMessage.js';
import {capabilitiesOf, lowestThink, type MeasuredThink} from './thinkOption.js';

export type BenchDeps = {
	/** Free and total RAM of the machine Ollama runs on, read after the reps; null when unknown. */
	readRam?: (ctx: StepContext) => RamReading | null;
	/** Makes each rep's prompt unique; injectable so tests can check what was sent. */
	nonce?: (rep: number) => string;
};

export type BenchOutcome = {speed: SpeedResult; practical: boolean};

/** Long enough that the model stays loaded between reps however slow it is. */
const KEEP_ALIVE = '30m';
/** Not the bench prompt: nothing of it may sit in the prompt cache when the reps start. */
const WARM_UP_PROMPT = 'Reply with OK.';
/** Unloading is best effort: a hung server must not hold the command open. */
const UNLOAD_TIMEOUT_MS = 15_000;

function defaultRam(ctx: StepContext): RamReading | null {
	// The simulator plays a whole machine; its RAM is the one preflight reported, not ours.
	if (ctx.simulated) return {freeBytes: ctx.system.freeRamBytes, totalBytes: ctx.system.totalRamBytes};
	if (!ctx.system.ollamaIsLocal) return null;
	return {freeBytes: os.freemem(), totalBytes: os.totalmem()};
}

function defaultNonce(rep: number): string {
	return `${rep}-${randomUUID().slice(0, 8)}`;
}

/**
 * The untimed warm-up: a one-token generate with the reps' own options (a different num_ctx
 * would reload the model). A bare load answers without counters, so it could not report
 * load_duration. A model already resident is unloaded first, so the load time is a cold load.
 */
async function warmUp(ctx: StepContext, model: string, generation: GenerationOptions, think: MeasuredThink | undefined, keepAlive: string): Promise<number> {
	const resident = (await ctx.ollama.ps({signal: ctx.signal})).some((entry) => canonicalModelName(entry.name) === canonicalModelName(model));
	if (resident) await ctx.ollama.unload(model, {signal: ctx.signal});
	let loadNs = 0;
	const stream = ctx.ollama.generate(
		{model, prompt: WARM_UP_PROMPT, options: {...generation, num_predict: 1}, ...(think === undefined ? {} : {think}), keepAlive},
		{signal: ctx.signal},
	);
	for await (const event of stream) {
		if (event.type !== 'done') continue;
		// The warm-up only yields the load time, so only load_duration is checked: its one token's
		// decode counters are degenerate on every real server. An implausible load time is left
		// unknown (0), never recorded negative or absurd.
		const problem = implausibleLoad(event.counters);
		if (problem !== null) ctx.emit({type: 'warning', message: `Ollama reported implausible counters loading ${model} (${problem}); the load time is not recorded`});
		else loadNs = event.counters.loadDuration;
	}
	return loadNs / 1e6;
}

async function loadedBeside(ctx: StepContext, model: string): Promise<string[]> {
	const wanted = canonicalModelName(model);
	const loaded = await ctx.ollama.ps({signal: ctx.signal});
	return loaded.map((entry) => entry.name).filter((name) => canonicalModelName(name) !== wanted);
}

export function sharedWarning(model: string, others: readonly string[]): string | null {
	if (others.length === 0) return null;
	return (
		`${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} also loaded in Ollama (not by this benchmark): ` +
		`${model}'s rates may be shared with ${others.length === 1 ? 'it' : 'them'} — unload ${others.length === 1 ? 'it' : 'them'} (ollama stop NAME) and re-run for clean figures.`
	);
}

function notInstalled(model: string, host: string): ProviderError {
	return new ProviderError('model-not-found', `${model} is not installed in Ollama at ${host}`, `pull it first with \`trifecta pull ${model}\``);
}

function persist(ctx: StepContext, model: string, installed: InstalledModel, capabilities: string[], outcome: BenchOutcome): void {
	const facts: Partial<Omit<ModelResult, 'name'>> = {
		sizeBytes: installed.sizeBytes,
		parameterSize: installed.parameterSize || null,
		quantization: installed.quantization || null,
		capabilities,
	};
	ctx.results.update((draft) => {
		const entry = upsertModel(draft, model);
		applyModelFacts(entry, facts);
		entry.speed = outcome.speed;
		entry.practical = outcome.practical;
		delete entry.benchProgress;
	});
}

/** Reps saved by an earlier run of this benchmark with the same options (the count may differ). */
function savedReps(ctx: StepContext, model: string, options: BenchOptions): RepRecord[] {
	const progress = ctx.results.read().models.find((entry) => entry.name === model)?.benchProgress;
	if (!progress) return [];
	// keep_alive does not change what a rep measures: a round's reps resume those of a lone benchmark.
	const same = (a: BenchOptions) => JSON.stringify({...a, reps: 0, keepAlive: undefined});
	return same(progress.options) === same(options) ? progress.reps.slice(0, options.reps) : [];
}

function saveRep(ctx: StepContext, model: string, options: BenchOptions, reps: RepRecord[]): void {
	ctx.results.update((draft) => {
		upsertModel(draft, model).benchProgress = {options, reps: [...reps], at: new Date().toISOString()};
	});
}

async function measure(ctx: StepContext, model: string, installed: InstalledModel, deps: BenchDeps): Promise<BenchOutcome> {
	const {emit, settings} = ctx;
	// /api/tags lists capabilities only from v0.30; /api/show has them (cached per model).
	const capabilities = installed.capabilities.length > 0 ? installed.capabilities : await capabilitiesOf(ctx.ollama, model, ctx.signal);
	// Thinking tokens count in eval_count and delay the first visible token: off when possible, else
	// the lowest level (gpt-oss), recorded with the figures.
	const think = lowestThink(model, capabilities);
	const bandwidthGBs = settings.bandwidthGBs ?? ctx.system.bandwidthGBs;
	const ceiling = ceilingRate(bandwidthGBs, installed.sizeBytes);
	const generation: GenerationOptions = {temperature: 0, seed: 42, num_ctx: settings.numCtx, num_predict: settings.numPredict};
	const keepAlive = ctx.round?.keepAlive ?? KEEP_ALIVE;
	const options: BenchOptions = {...generation, think: think ?? null, reps: settings.reps, prompt: BENCH_PROMPT, keepAlive, prefill: PREFILL_NOTE};
	// Always the bundled context, so prefill figures compare across machines and runs.
	const marketContext = loadPrompts(bundledPromptsDir()).context;
	emit({type: 'bench:start', model, reps: settings.reps, ceilingRate: ceiling});

	if (typeof think === 'string') {
		emit({
			type: 'info',
			message: `${model} cannot turn its reasoning off (think:false is ignored): measured at its lowest level, think "${think}"; its reasoning counts in the decode rate and the time to first token.`,
		});
	}
	emit({type: 'bench:warmup', model});
	const loadMs = await warmUp(ctx, model, generation, think, keepAlive);
	emit({type: 'bench:loaded', model, loadMs});

	const nonce = deps.nonce ?? defaultNonce;
	const warnings: string[] = [];
	const warn = (message: string | null): void => {
		if (message === null) return;
		warnings.push(message);
		emit({type: 'warning', message});
	};
	// Someone else's model sharing the GPU would share its bandwidth too: said, never silently measured.
	const othersLoaded = await loadedBeside(ctx, model);
	warn(sharedWarning(model, othersLoaded));
	const duringDownload = ctx.round?.pulling() ?? null;

	// Each rep is saved as it ends: a cancel keeps it, and the next run starts at the rep after.
	const reps: RepRecord[] = savedReps(ctx, model, options);
	if (reps.length > 0) {
		emit({type: 'info', message: `Resuming the benchmark of ${model} at rep ${reps.length + 1}: ${reps.length} rep${reps.length === 1 ? '' : 's'} kept from before.`});
		reps.forEach((record, index) => emit({type: 'bench:rep-done', model, rep: index + 1, record}));
	}
	let implausible: ImplausibleRepError | null = null;
	for (let rep = reps.length + 1; rep <= settings.reps; rep++) {
		try {
			const text = benchRequestText(nonce(rep), marketContext);
			const {record} = await runRep(ctx, {model, rep, prompt: text.prompt, system: text.system, options: generation, think, keepAlive});
			reps.push(record);
			if (rep < settings.reps) saveRep(ctx, model, options, reps);
		} catch (error) {
			if (!(error instanceof ImplausibleRepError)) throw error;
			implausible = error;
			warn(`Rep ${rep} of ${model} is an error: ${error.message}; the other reps are kept.`);
		}
	}
	// Every rep implausible: nothing to summarise, the model's benchmark failed (the others are kept).
	if (reps.length === 0 && implausible) throw implausible;
	const ram = (deps.readRam ?? defaultRam)(ctx);
	const memory = memoryRecord(await ctx.ollama.ps({signal: ctx.signal}), model, ram);
	if (memory) warn(offloadWarning(model, memory));
	warn(lowRamWarning(ram));

	const {speed, practical, verdict} = summarizeSpeed({
		model,
		reps,
		loadMs,
		ceilingRate: ceiling,
		bandwidthGBs,
		memory,
		warnings,
		options,
		minRate: settings.minRate,
		at: new Date().toISOString(),
	});
	if (verdict) emit({type: 'warning', message: verdict});
	const outcome = {speed: {...speed, othersLoaded, duringDownload}, practical};
	persist(ctx, model, installed, capabilities, outcome);
	emit({type: 'bench:done', model, speed, practical});
	return outcome;
}

export async function runBench(ctx: StepContext, model: string, deps: BenchDeps = {}): Promise<BenchOutcome> {
	let installed: InstalledModel | undefined;
	try {
		installed = findInstalled(await ctx.ollama.list({signal: ctx.signal}), model);
		if (!installed) throw notInstalled(model, ctx.ollama.host);
	} catch (error) {
		// A cancel is the user's choice, not a failure: said as information.
		ctx.emit(isCanceled(error) ? {type: 'info', message: 'Benchmark canceled.'} : {type: 'step-error', step: 'bench', model, message: userMessage(error)});
		throw error;
	}
	try {
		return await measure(ctx, model, installed, deps);
	} catch (error) {
		ctx.emit(
			isCanceled(error)
				? {type: 'info', message: `Benchmark of ${model} canceled — models benchmarked before it are kept.`}
				: {type: 'step-error', step: 'bench', model, message: `Benchmark of ${model} failed: ${userMessage(error)}`},
		);
		throw error;
	} finally {
		// keep_alive 0 frees the memory for the next model; never with ctx.signal, which may be aborted.
		// Inside a round the runner unloads it once, after compare and tools.
		if (!ctx.round?.keepLoaded) await ctx.ollama.unload(model, {signal: AbortSignal.timeout(UNLOAD_TIMEOUT_MS)}).catch(() => undefined);
	}
}
