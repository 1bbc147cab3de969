// Wraps the providers one step uses so the runner can say where its time went: each request's
// time in flight (waiting for the server), and Ollama's own load and generation counters. The
// OpenAI-compatible endpoint reports no durations, so its time in flight counts as generation.
import {unionMs, type Span} from '../../analysis/timing.js';
import {realClock, type Clock} from '../clock.js';
import type {ClaudeProvider, OllamaProvider, OllamaStreamEvent, OpenAICompatProvider} from '../../providers/types.js';

export class StepMeter {
	private readonly spans: Span[] = [];
	loadNs = 0;
	generationNs = 0;
	/** The run's clock: counters are the server's time, which is what this clock measures (experiment/clock.ts). */
	private readonly clock: Clock;

	constructor(options: {clock?: Clock} = {}) {
		this.clock = options.clock ?? realClock();
	}

	private now(): number {
		return this.clock.now();
	}

	get serverWaitMs(): number {
		return unionMs(this.spans);
	}

	get loadMs(): number {
		return this.loadNs / 1e6;
	}

	get generationMs(): number {
		return this.generationNs / 1e6;
	}

	async *stream<E>(source: () => AsyncIterable<E>, onEvent: (event: E) => void = () => undefined): AsyncGenerator<E, void, undefined> {
		const start = this.now();
		try {
			for await (const event of source()) {
				onEvent(event);
				yield event;
			}
		} finally {
			this.spans.push({start, end: this.now()});
		}
	}

	async call<T>(run: () => Promise<T>, countAsGeneration = false): Promise<T> {
		const start = this.now();
		try {
			return await run();
		} finally {
			const end = this.now();
			this.spans.push({start, end});
			if (countAsGeneration) this.generationNs += (end - start) * 1e6;
		}
	}

	private counted = (event: OllamaStreamEvent): void => {
		if (event.type !== 'done') return;
		this.loadNs += event.counters.loadDuration;
		this.generationNs += event.counters.promptEvalDuration + event.counters.evalDuration;
		// Requests to one server run one at a time, so its reported time is the clock's time too.
		this.clock.advance(event.counters.totalDuration / 1e6);
	};

	ollama(inner: OllamaProvider): OllamaProvider {
		return {
			host: inner.host,
			ping: (opts) => inner.ping(opts),
			version: (opts) => inner.version(opts),
			list: (opts) => inner.list(opts),
			ps: (opts) => inner.ps(opts),
			show: (model, opts) => inner.show(model, opts),
			pull: (model, opts) => this.stream(() => inner.pull(model, opts)),
			delete: (model, opts) => inner.delete(model, opts),
			chat: (request, opts) => this.stream(() => inner.chat(request, opts), this.counted),
			generate: (request, opts) => this.stream(() => inner.generate(request, opts), this.counted),
			load: async (model, opts) => {
				const start = this.now();
				const ns = await inner.load(model, opts);
				this.loadNs += ns;
				this.clock.advance(ns / 1e6);
				this.spans.push({start, end: this.now()});
				return ns;
			},
			unload: (model, opts) => this.call(() => inner.unload(model, opts)),
		};
	}

	openai(inner: OpenAICompatProvider): OpenAICompatProvider {
		return {
			chat: (request, opts) => this.call(() => inner.chat(request, opts), true),
			listModels: (opts) => inner.listModels(opts),
		};
	}

	claude(inner: ClaudeProvider): ClaudeProvider {
		return {
			model: inner.model,
			deprecation: () => inner.deprecation(),
			stream: (request, opts) => this.stream(() => inner.stream(request, opts)),
			// The judge is a Claude call like the baseline's: metered, and kept when present.
			...(inner.judge ? {judge: (request, opts) => this.call(() => inner.judge!(request, opts))} : {}),
		};
	}
}
