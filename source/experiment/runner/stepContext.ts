// What a step is handed: the providers, the settings of the moment, where to write and what to emit.
// Built fresh for every step so a settings change between steps reaches the next one; within a
// round the meter wraps each provider so the round's timing knows what each lane waited on.
import type {ClaudeQueue} from '../claudeQueue.js';
import type {StepEvent} from '../events.js';
import type {Settings} from '../settings.js';
import type {RoundContext, StepContext} from '../steps/context.js';
import type {StepMeter} from './meter.js';
import type {RunnerServices} from './types.js';

export type StepContextSource = {
	services: RunnerServices;
	settings: Settings;
	promptsDir: string;
	claudeQueue: ClaudeQueue;
	emit: (event: StepEvent) => void;
};

export function stepContext({services, settings, promptsDir, claudeQueue, emit}: StepContextSource, signal: AbortSignal): StepContext {
	return {
		ollama: services.ollama,
		openai: services.openai,
		claude: services.claude,
		claudeSkipReason: services.claudeSkipReason,
		judgeProvider: services.judgeProvider ?? null,
		judgeSkipReason: services.judgeSkipReason ?? null,
		...(services.served ? {servedBy: services.served.label} : {}),
		settings,
		system: settings.bandwidthGBs === null ? services.system : {...services.system, bandwidthGBs: settings.bandwidthGBs, bandwidthSource: 'flag'},
		results: services.results,
		signal,
		emit,
		promptsDir,
		simulated: services.simulated,
		...(services.clock ? {clock: services.clock} : {}),
		claudeQueue,
	};
}

/** The same context with every provider counted by the round's meter. */
export function meteredStepContext(source: StepContextSource, signal: AbortSignal, meter: StepMeter, round: RoundContext): StepContext {
	const base = stepContext(source, signal);
	return {
		...base,
		ollama: meter.ollama(base.ollama),
		openai: meter.openai(base.openai),
		claude: base.claude ? meter.claude(base.claude) : null,
		round,
	};
}
