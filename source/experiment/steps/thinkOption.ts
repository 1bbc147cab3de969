// Thinking-capable models think by default since Ollama v0.12.4 (and v0.9.0-v0.12.3 leave the
// <think> block in content): the rate would count the reasoning, TTFT would be the first thinking
// token, and num_predict could run out before the answer. So every measured request to such a model
// sends the lowest thinking setting it accepts: false, except for models whose reasoning has levels
// and cannot be turned off (gpt-oss ignores false and reasons at "medium"; its lowest is "low").
// Capabilities come from /api/show (there since v0.6.4; /api/tags lists them only from v0.30),
// asked once per model and cached; `think` is never sent to other models.
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

/** The `think` values measured requests send: off where the model allows it, else its lowest level. */
export type MeasuredThink = false | 'low';

/**
 * gpt-oss runs on the harmony format, whose reasoning takes only low / medium / high: Ollama maps
 * `think: false` to the template's default, medium (server/routes.go shouldUseHarmony, family
 * "gptoss"/"gpt-oss"; api/types.go ThinkValue), so its lowest setting is "low". Known by name, as
 * Ollama's own family check cannot be read before /api/show.
 */
export function takesThinkLevelsOnly(model: string): boolean {
	const base = model.split('/').at(-1) ?? model;
	return /^gpt-oss(?:[:_-]|$)/i.test(base);
}

/** The lowest `think` a model accepts given its capabilities, or undefined (the field is left out). Pure. */
export function lowestThink(model: string, capabilities: readonly string[]): MeasuredThink | undefined {
	if (!capabilities.includes('thinking')) return undefined;
	return takesThinkLevelsOnly(model) ? 'low' : false;
}


/** The lowest think setting for `model`, from its capabilities (cached), else undefined. */
export async function thinkOptionFor(ollama: OllamaProvider, model: string, signal: AbortSignal): Promise<MeasuredThink | undefined> {
	return lowestThink(model, await capabilitiesOf(ollama, model, signal));
}
