// Wraps the providers one step uses so the runner can say where its time went: each request's
// time in flight (waiting for the server), and Ollama's own load and generation counters. The
// OpenAI-compatible endpoint reports no durations, so its time in flight counts as generation.
import {unionMs, type Span} from '../../analysis/timing.js';
import type {ClaudeProvider, OllamaProvider, OllamaStreamEvent, OpenAICompatProvider} from '../../providers/types.js';

export class StepMeter {
	private readonly spans: Span[] = [];
	loadNs = 0;
	generationNs = 0;
	private readonly now: () => number;
	/**
	 * Counters are the server's time. The demo's simulator reports an M3 Max's durations but streams
	 * `timeScale` times as long in real time (0.05: twenty times faster), so its counters are scaled
	 * to the run's own clock: load and generation then add up within the run's wall time.
	 */
	private readonly counterScale: number;

	constructor(options: {now?: () => number; timeScale?: number} = {}) {
		this.now = options.now ?? (() => performance.now());
		this.counterScale = options.timeScale && options.timeScale > 0 ? options.timeScale : 1;
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
		this.loadNs += event.counters.loadDuration * this.counterScale;
		this.generationNs += (event.counters.promptEvalDuration + event.counters.evalDuration) * this.counterScale;
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
				const ns = await this.call(() => inner.load(model, opts));
				this.loadNs += ns * this.counterScale;
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
