// Which Claude model is the baseline when the user did not choose one: the newest Sonnet the key
// can use, from the Models API, skipping any model the SDK's deprecation table lists (a seed
// default like claude-sonnet-4-5-20250929 reaches end-of-life and would then fail every run).
// Asked once per run; when the list cannot be had, the built-in current default stands.
import Anthropic from '@anthropic-ai/sdk';
import {deprecationFor} from './deprecation.js';

export type ListedModel = {id: string; createdAt: string};

/** The newest non-deprecated Sonnet in `models`, or null. Pure. */
export function newestSonnet(models: readonly ListedModel[], isDeprecated: (id: string) => boolean = (id) => deprecationFor(id) !== null): string | null {
	const sonnets = models.filter((model) => /^claude-sonnet-/.test(model.id) && !isDeprecated(model.id));
	// An unreadable date (untrusted text) sorts last rather than poisoning the order.
	const time = (model: ListedModel) => Date.parse(model.createdAt) || 0;
	sonnets.sort((a, b) => time(b) - time(a) || b.id.localeCompare(a.id));
	return sonnets[0]?.id ?? null;
}

export type ListModelsOptions = {apiKey: string; baseURL?: string; fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number};

/** Every model the key can use (all pages), or null when the API cannot be reached or refuses. */
export async function listClaudeModels(options: ListModelsOptions): Promise<ListedModel[] | null> {
	const client = new Anthropic({
		apiKey: options.apiKey,
		...(options.baseURL ? {baseURL: options.baseURL} : {}),
		maxRetries: 0,
		timeout: options.timeoutMs ?? 15_000,
		logLevel: 'off',
		...(options.fetch ? {fetch: options.fetch} : {}),
	});
	try {
		const models: ListedModel[] = [];
		for await (const model of client.models.list({limit: 100}, {signal: options.signal})) models.push({id: model.id, createdAt: model.created_at});
		return models;
	} catch {
		// Offline, a key without the models scope, a proxy without the route: the fallback stands.
		return null;
	}
}
