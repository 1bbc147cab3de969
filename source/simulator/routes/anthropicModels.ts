// GET /v1/models of the Anthropic API: the models a key can use, newest first, paginated with
// has_more/first_id/last_id (the SDK's page iterator follows after_id). What each model accepts
// is in ../anthropicRules.ts.
import type {RouteContext} from '../context.js';
import type {SimClaudeModel} from '../types.js';
import {sendJson} from '../wire.js';
import type {Exchange} from '../wire.js';

type ModelInfo = {type: 'model'; id: string; display_name: string; created_at: string; lifecycle: string};

/** Newest first, as the API lists them; retired models stay in the catalogue, marked so (SDK 1.14 ModelInfo.lifecycle). */
export const ANTHROPIC_MODELS: readonly SimClaudeModel[] = [
	{id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-10-14T00:00:00Z', lifecycle: 'active'},
	{id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', created_at: '2026-10-14T00:00:00Z', lifecycle: 'active'},
	{id: 'claude-opus-4-5-20251101', display_name: 'Claude Opus 4.5', created_at: '2025-11-01T00:00:00Z', lifecycle: 'deprecated'},
	{id: 'claude-haiku-4-5-20251001', display_name: 'Claude Haiku 4.5', created_at: '2025-10-01T00:00:00Z', lifecycle: 'active'},
	{id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z', lifecycle: 'deprecated'},
	{id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', created_at: '2025-05-14T00:00:00Z', lifecycle: 'retired'},
];

function info(model: SimClaudeModel): ModelInfo {
	return {type: 'model', id: model.id, display_name: model.display_name ?? model.id, created_at: model.created_at, lifecycle: model.lifecycle ?? 'active'};
}

export function handleAnthropicModels(ctx: RouteContext, exchange: Exchange): void {
	const url = new URL(exchange.req.url ?? '/', 'http://127.0.0.1');
	const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
	const after = url.searchParams.get('after_id');
	const all = (ctx.options.claudeModels ?? ANTHROPIC_MODELS).map(info);
	const start = after ? all.findIndex((model) => model.id === after) + 1 : 0;
	const data = all.slice(start, start + limit);
	sendJson(exchange.res, 200, {
		data,
		has_more: start + limit < all.length,
		first_id: data[0]?.id ?? null,
		last_id: data.at(-1)?.id ?? null,
	});
}
