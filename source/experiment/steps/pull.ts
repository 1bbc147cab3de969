// The pull step: skip a model that is installed, refuse when the disk cannot hold it, stream
// the download as pull:progress events, and record the outcome (pulled, present, failed,
// canceled) in models[].pull whatever happens.
import {catalogEntry} from '../../models/catalog.js';
import {isCanceled, ProviderError} from '../../providers/errors.js';
import type {InstalledModel} from '../../providers/types.js';
import type {ModelResult, PullResult} from '../../domain/schema.js';
import {applyModelFacts, upsertModel} from '../../output/resultsStore.js';
import type {StepContext} from './context.js';
import {realClock} from '../clock.js';
import {findInstalled} from './modelNames.js';
import {diskRefusal, seventyBWarning, type PullRefusedError} from './pullPreflight.js';
import {userMessage} from '../../system/userMessage.js';

/** Said on cancel: Ollama keeps the partial blobs, but prunes them when the server starts (docs/reference/ollama-wire.md §1). */
export function resumeNote(model: string): string {
	return `Pull of ${model} canceled — run \`trifecta pull ${model}\` again to resume the download (the partial download is lost if the Ollama server restarts meanwhile).`;
}


function modelFacts(model: string, installed: InstalledModel | undefined): Partial<ModelResult> {
	const known = catalogEntry(model);
	return {
		sizeBytes: installed?.sizeBytes ?? known?.sizeBytes ?? null,
		parameterSize: installed?.parameterSize || known?.parameterSize || null,
		quantization: installed?.quantization || known?.quantization || null,
		capabilities: installed && installed.capabilities.length > 0 ? installed.capabilities : [...(known?.capabilities ?? [])],
	};
}

function record(ctx: StepContext, model: string, result: PullResult, facts: Partial<ModelResult>): void {
	ctx.results.update((draft) => {
		const entry = upsertModel(draft, model);
		applyModelFacts(entry, facts);
		entry.pull = result;
	});
}

async function listInstalled(ctx: StepContext): Promise<InstalledModel[]> {
	return ctx.ollama.list({signal: ctx.signal});
}

export async function runPull(ctx: StepContext, model: string): Promise<PullResult> {
	const {emit} = ctx;
	// The run's clock: in the demo the pull's MB/s is simulated time like every other figure.
	const clock = ctx.clock ?? realClock();
	const started = clock.now();
	const elapsed = (): number => (clock.now() - started) / 1000;
	const stamp = (): string => new Date().toISOString();
	const installed = await listInstalled(ctx);
	const present = findInstalled(installed, model);
	const expectedBytes = present?.sizeBytes ?? catalogEntry(model)?.sizeBytes ?? null;
	emit({type: 'pull:start', model, expectedBytes});

	const finish = (result: PullResult, facts: Partial<ModelResult>): PullResult => {
		record(ctx, model, result, facts);
		emit({type: 'pull:done', model, result});
		return result;
	};

	if (present) {
		emit({type: 'info', message: `${model} is already installed — pull skipped.`});
		return finish({status: 'present', bytes: present.sizeBytes, seconds: 0, at: stamp()}, modelFacts(model, present));
	}

	const refusal = diskRefusal(model, expectedBytes, ctx.system);
	if (refusal) {
		finish({status: 'failed', bytes: 0, seconds: 0, error: refusal.userMessage, at: stamp()}, modelFacts(model, undefined));
		throw refusal;
	}
	const crowding = seventyBWarning(model, expectedBytes, installed);
	if (crowding) emit({type: 'warning', message: crowding});

	let bytes = 0;
	let completed = 0;
	// Without a catalog size, the layer totals the server announces are the first size we see.
	const guardDisk = expectedBytes === null;
	let onDiskAtStart: number | null = null;
	let refusedMidway: PullRefusedError | null = null;
	const stop = new AbortController();
	const signal = AbortSignal.any([ctx.signal, stop.signal]);
	try {
		for await (const update of ctx.ollama.pull(model, {signal})) {
			bytes = update.total;
			clock.transferred(Math.max(0, update.completed - completed));
			completed = update.completed;
			// MB/s and ETA on the run's clock (the demo's simulated time), not the arrival's wall time.
			emit({type: 'pull:progress', model, update: ctx.clock ? {...update, at: clock.now()} : update});
			if (guardDisk && update.layers.length > 0) {
				onDiskAtStart ??= update.completed;
				refusedMidway = diskRefusal(model, update.total, ctx.system, onDiskAtStart);
				if (refusedMidway) {
					stop.abort();
					break;
				}
			}
		}
	} catch (error) {
		if (!refusedMidway && (isCanceled(error) || ctx.signal.aborted)) {
			finish({status: 'canceled', bytes: completed, seconds: elapsed(), error: resumeNote(model), at: stamp()}, modelFacts(model, undefined));
			throw isCanceled(error) ? error : new ProviderError('canceled', 'Canceled', '', {cause: error});
		}
		const failure = refusedMidway ?? error;
		const message = `Pull of ${model} failed: ${userMessage(failure)}`;
		finish({status: 'failed', bytes: completed, seconds: elapsed(), error: message, at: stamp()}, modelFacts(model, undefined));
		throw failure;
	}
	if (refusedMidway) {
		finish({status: 'failed', bytes: completed, seconds: elapsed(), error: refusedMidway.userMessage, at: stamp()}, modelFacts(model, undefined));
		throw refusedMidway;
	}

	// Ollama's own listing is the truth about size and capabilities once the model is in.
	let after: InstalledModel | undefined;
	try {
		after = findInstalled(await listInstalled(ctx), model);
	} catch {
		after = undefined;
	}
	return finish({status: 'pulled', bytes: after?.sizeBytes ?? bytes, seconds: elapsed(), at: stamp()}, modelFacts(model, after));
}
