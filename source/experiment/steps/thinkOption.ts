// Thinking-capable models think by default since Ollama v0.12.4, which inflates eval counts and
// delays the first token; benchmarks send think:false to them. Sending `think` to a model without
// the capability can be rejected, so it is only sent where the model advertises it.
import {catalogEntry} from '../../models/catalog.js';
import type {OllamaProvider} from '../../providers/types.js';
import {isCanceled} from '../../providers/errors.js';

export type ThinkLookup = (model: string) => boolean | undefined;

/** Reads capabilities once from /api/tags (falling back to the built-in catalog) for the given models. */
export async function thinkLookup(ollama: OllamaProvider, signal: AbortSignal): Promise<ThinkLookup> {
	const capabilities = new Map<string, string[]>();
	try {
		for (const model of await ollama.list({signal})) capabilities.set(model.name, model.capabilities);
	} catch (error) {
		if (isCanceled(error)) throw error;
		// An unreachable server fails each cell with its own message; the lookup just falls back.
	}
	return (model) => {
		const known = capabilities.get(model) ?? catalogEntry(model)?.capabilities ?? [];
		return known.includes('thinking') ? false : undefined;
	};
}
