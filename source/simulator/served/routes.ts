// The endpoints of an OpenAI-compatible inference server beside /v1/chat/completions: vLLM's
// GET /version and /metrics (vllm/entrypoints/openai/api_server.py), llama-server's GET /props and
// /health (tools/server/README.md), and each one's GET /v1/models shape: vLLM adds max_model_len and
// owned_by "vllm"; llama.cpp owned_by "llamacpp" with a `meta` object (n_ctx_train, n_params, size).
import type {RouteContext} from '../context.js';
import type {Exchange} from '../wire.js';
import {sendJson, sendText} from '../wire.js';

/** The context each server runs at unless told: vLLM the model's own; llama-server's -c default. */
const LLAMA_CTX = 4096;

export function handleServedModels(ctx: RouteContext, exchange: Exchange): void {
	const created = Math.floor(Date.now() / 1000);
	const data = ctx.state.installedNames().flatMap((name): Record<string, unknown>[] => {
		const profile = ctx.state.profile(name);
		if (!profile) return [];
		if (ctx.served?.flavour === 'llama.cpp') {
			const params = Number.parseFloat(profile.parameterSize) * 1e9;
			return [{id: profile.name, object: 'model', created, owned_by: 'llamacpp', meta: {vocab_type: 2, n_vocab: 152064, n_ctx_train: profile.contextLength, n_embd: 5120, n_params: Number.isFinite(params) ? params : 0, size: profile.sizeBytes}}];
		}
		return [{id: profile.name, object: 'model', created, owned_by: 'vllm', root: profile.name, parent: null, max_model_len: profile.contextLength, permission: []}];
	});
	sendJson(exchange.res, 200, {object: 'list', data});
}

export function handleVllmVersion(ctx: RouteContext, exchange: Exchange): void {
	sendJson(exchange.res, 200, {version: ctx.served?.version ?? ''});
}

export function handleMetrics(ctx: RouteContext, exchange: Exchange): void {
	sendText(exchange.res, 200, ctx.served?.metrics.vllmText() ?? '');
}

export function handleHealth(_ctx: RouteContext, exchange: Exchange): void {
	sendJson(exchange.res, 200, {status: 'ok'});
}

export function handleProps(ctx: RouteContext, exchange: Exchange): void {
	const first = ctx.state.installedNames()[0] ?? '';
	sendJson(exchange.res, 200, {
		default_generation_settings: {id: 0, id_task: -1, n_ctx: LLAMA_CTX, speculative: false, is_processing: false, params: {n_predict: -1, seed: 4294967295, temperature: 0.8}},
		total_slots: 1,
		model_path: `/models/${first.replace(/[:/]/g, '-')}.gguf`,
		chat_template: '',
		modalities: {vision: false},
		build_info: ctx.served?.version ?? '',
	});
}
