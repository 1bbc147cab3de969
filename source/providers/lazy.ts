// The two SDKs are large (together about 22 MB of memory and a second of start-up on a busy
// machine) and most commands never use them: pull and bench talk to Ollama only. These wrappers
// load an SDK the first time a request actually needs it.
import type {ClaudeProviderOptions} from './claude/claudeProvider.js';
import {deprecationFor} from './claude/deprecation.js';
import type {OpenAICompatProviderOptions} from './openaiCompat/openaiCompatProvider.js';
import type {ClaudeProvider, OpenAICompatProvider} from './types.js';

function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () => (pending ??= load());
}

export function lazyClaudeProvider(options: ClaudeProviderOptions): ClaudeProvider {
	const provider = once(async () => (await import('./claude/claudeProvider.js')).createClaudeProvider(options));
	return {
		model: options.model,
		deprecation: () => deprecationFor(options.model),
		async *stream(request, opts) {
			yield* (await provider()).stream(request, opts);
		},
		async judge(request, opts) {
			const loaded = await provider();
			if (!loaded.judge) throw new Error('this Claude provider cannot judge');
			return loaded.judge(request, opts);
		},
	};
}

export function lazyOpenAICompatProvider(options: OpenAICompatProviderOptions): OpenAICompatProvider {
	const provider = once(async () => (await import('./openaiCompat/openaiCompatProvider.js')).createOpenAICompatProvider(options));
	return {
		chat: async (request, opts) => (await provider()).chat(request, opts),
		listModels: async (opts) => (await provider()).listModels(opts),
	};
}
