// One timed repetition: stream the prompt, forward each chunk as a bench:delta (the hot path:
// one event object per chunk and nothing else), and turn the final counters into a RepRecord.
import {implausibleCounters} from '../../analysis/plausibility.js';
import {decodeRate, prefillRate} from '../../analysis/rates.js';
import {ProviderError} from '../../providers/errors.js';
import type {GenerationOptions, OllamaCounters, ThinkSetting} from '../../providers/types.js';
import type {RepRecord} from '../../domain/schema.js';
import type {StepContext} from './context.js';
import {realClock} from '../clock.js';

export type RepRequest = {
	model: string;
	rep: number;
	prompt: string;
	/** The system message (the market context with the cache-buster first); absent for a bare prompt. */
	system?: string;
	options: GenerationOptions;
	/** Sent only for models with the thinking capability. */
	think: ThinkSetting | undefined;
	keepAlive: string;
};

/** A rep whose counters make no physical sense: that rep is an error, the model's other reps are kept. */
export class ImplausibleRepError extends ProviderError {
	constructor(model: string, problem: string) {
		super('in-band', `Ollama reported implausible counters for ${model}: ${problem}`, 'this rep is left out; if it keeps happening, check that the host is a real Ollama server');
	}
}

export function repRecord(counters: OllamaCounters, ttftMs: number | null, doneReason: string, model: string): RepRecord {
	const problem = implausibleCounters(counters);
	if (problem !== null) throw new ImplausibleRepError(model, problem);
	const evalRate = decodeRate(counters);
	if (evalRate === null) {
		throw new ProviderError(
			'stream-incomplete',
			`Ollama reported no decode counters (eval_count/eval_duration) for ${model}`,
			'update Ollama, then retry the benchmark',
		);
	}
	return {
		evalCount: counters.evalCount,
		evalDurationNs: counters.evalDuration,
		promptEvalCount: counters.promptEvalCount,
		promptEvalDurationNs: counters.promptEvalDuration,
		totalDurationNs: counters.totalDuration,
		loadDurationNs: counters.loadDuration,
		ttftMs,
		evalRate,
		promptEvalRate: prefillRate(counters),
		doneReason,
	};
}

export async function runRep(ctx: StepContext, request: RepRequest): Promise<{record: RepRecord; counters: OllamaCounters}> {
	const {emit} = ctx;
	const {model, rep} = request;
	emit({type: 'bench:rep-start', model, rep, at: (ctx.clock ?? realClock()).now()});
	const stream = ctx.ollama.generate(
		{
			model,
			prompt: request.prompt,
			...(request.system === undefined ? {} : {system: request.system}),
			options: request.options,
			...(request.think === undefined ? {} : {think: request.think}),
			keepAlive: request.keepAlive,
		},
		{signal: ctx.signal},
	);
	for await (const event of stream) {
		if (event.type === 'delta') {
			if (event.text.length > 0) emit({type: 'bench:delta', model, rep, text: event.text, at: ctx.clock ? ctx.clock.now() : event.at});
		} else if (event.type === 'done') {
			const record = {...repRecord(event.counters, event.ttftMs, event.doneReason, model), rateSource: event.rateSource ?? ('ollama-counters' as const)};
			emit({type: 'bench:rep-done', model, rep, record});
			return {record, counters: event.counters};
		}
	}
	throw new ProviderError('stream-incomplete', `The response from Ollama for ${model} ended before its final counters`, 'retry; if it keeps happening, check the Ollama server log');
}
