// Thinking-capable models think by default since Ollama v0.12.4 (and v0.9.0-v0.12.3 leave the
// <think> block in content): the rate would count the reasoning, TTFT would be the first thinking
// token, and num_predict could run out before the answer. So every measured request to such a model
// sends think:false. Capabilities come from /api/show (there since v0.6.4; /api/tags lists them
// only from v0.30), asked once per model and cached; `think` is never sent to other models.
import {catalogEntry} from '../../models/catalog.js';
import type {OllamaProvider} from '../../providers/types.js';
import {isCanceled} from '../../providers/errors.js';
import {canonicalModelName} from './modelNames.js';

const caches = new WeakMap<OllamaProvider, Map<string, string[]>>();

/** The model's capabilities: /api/show's, else (unknown to the server, or an old one) the catalog's. */
export async function capabilitiesOf(ollama: OllamaProvider, model: string, signal: AbortSignal): Promise<string[]> {
	let cache = caches.get(ollama);
	if (!cache) caches.set(ollama, (cache = new Map()));
	const key = canonicalModelName(model);
	const known = cache.get(key);
	if (known) return known;
	try {
		const shown = (await ollama.show(model, {signal})).capabilities;
		// Before v0.6.4 there is no capabilities field: an empty list says nothing, so fall back.
		const capabilities = shown.length > 0 ? shown : [...(catalogEntry(model)?.capabilities ?? [])];
		cache.set(key, capabilities);
		return capabilities;
	} catch (error) {
		if (isCanceled(error)) throw error;
		// An unreachable server fails the request itself with its own message; this only falls back.
		return [...(catalogEntry(model)?.capabilities ?? [])];
	}
}

/** `false` for a thinking-capable model, else undefined (the field is left out). */
export async function thinkOptionFor(ollama: OllamaProvider, model: string, signal: AbortSignal): Promise<false | undefined> {
	return (await capabilitiesOf(ollama, model, signal)).includes('thinking') ? false : undefined;
}
