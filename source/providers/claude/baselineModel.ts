// Which Claude models trifecta offers and picks: what the Models API lists for the key, asked
// once per run. An id is offered only when it is a valid Claude id (a Vertex-style
// `claude-sonnet-4-5@20250929`, control characters or a 5,000-character id from a proxy are
// dropped: they would be refused by the results schema later), is active (the API's `lifecycle`;
// the SDK's deprecation table; ids known to be retired), and the default is the newest such
// Sonnet. When the list cannot be had, the built-in current models stand.
import Anthropic from '@anthropic-ai/sdk';
import {isValidClaudeModel} from '../../domain/modelName.js';
import {deprecationFor} from './deprecation.js';

export type ListedModel = {id: string; createdAt: string; lifecycle?: string | null};

/** Retired: every request naming them fails (the API's catalogue keeps them with lifecycle "retired"). */
export const RETIRED_CLAUDE_MODELS: ReadonlySet<string> = new Set(['claude-opus-4-1-20250805', 'claude-sonnet-4-20250514', 'claude-opus-4-20250514']);

/** The most ids the plan screen cycles through. */
const MAX_OFFERED = 8;
/** Pages of the Models API read at most: a proxy answering has_more forever is not followed forever. */
const MAX_PAGES = 10;

export function isUsableClaudeModel(model: ListedModel, isDeprecated: (id: string) => boolean = (id) => deprecationFor(id) !== null): boolean {
	if (!isValidClaudeModel(model.id) || RETIRED_CLAUDE_MODELS.has(model.id) || isDeprecated(model.id)) return false;
	return model.lifecycle === undefined || model.lifecycle === null || model.lifecycle === 'active';
}

// An unreadable date (untrusted text) sorts last rather than poisoning the order.
const time = (model: ListedModel) => Date.parse(model.createdAt) || 0;
const newestFirst = (a: ListedModel, b: ListedModel) => time(b) - time(a) || b.id.localeCompare(a.id);

/** The newest usable Sonnet in `models`, or null. Pure. */
export function newestSonnet(models: readonly ListedModel[], isDeprecated?: (id: string) => boolean): string | null {
	const sonnets = models.filter((model) => /^claude-sonnet-/.test(model.id) && isUsableClaudeModel(model, isDeprecated));
	return sonnets.sort(newestFirst)[0]?.id ?? null;
}

/** What the plan screen offers: usable ids, Sonnets first, each line newest first, at most a screenful. Pure. */
export function offeredClaudeModels(models: readonly ListedModel[], isDeprecated?: (id: string) => boolean): string[] {
	const line = (id: string) => (/^claude-sonnet-/.test(id) ? 0 : /^claude-opus-/.test(id) ? 1 : /^claude-haiku-/.test(id) ? 2 : 3);
	const usable = models.filter((model) => isUsableClaudeModel(model, isDeprecated));
	usable.sort((a, b) => line(a.id) - line(b.id) || newestFirst(a, b));
	return [...new Set(usable.map((model) => model.id))].slice(0, MAX_OFFERED);
}

export type ListModelsOptions = {apiKey: string; baseURL?: string; fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number};

/** Every model the key can use (at most MAX_PAGES pages), or null when the API cannot be reached or refuses. */
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
		let page = await client.models.list({limit: 100}, {signal: options.signal});
		for (let pages = 1; ; pages++) {
			for (const model of page.data) models.push({id: String(model.id), createdAt: String(model.created_at), lifecycle: typeof model.lifecycle === 'string' ? model.lifecycle : null});
			if (!page.hasNextPage() || pages >= MAX_PAGES) break;
			page = await page.getNextPage();
		}
		return models;
	} catch {
		// Offline, a key without the models scope, a proxy without the route: the fallback stands.
		return null;
	}
}
