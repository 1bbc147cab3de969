// Which inference server answers at --host with --backend openai, told apart by its own endpoints
// (docs/reference/servers.md): llama.cpp's llama-server has GET /props with `build_info`
// (tools/server/README.md); SGLang GET /get_server_info with `version`; vLLM GET /version
// ({"version": "..."}, vllm/entrypoints/openai/api_server.py); LM Studio its REST API GET /api/v0/models.
// The served models come from GET /v1/models: vLLM adds `max_model_len`, llama.cpp a `meta` object
// (n_ctx_train, n_params, size in bytes) and its context in /props default_generation_settings.n_ctx.
import {catalogEntry} from '../../models/catalog.js';
import {upstreamText} from '../errors.js';
import type {CompletionConnection} from '../openaiCompat/completionStream.js';
import {getJson, isObject} from './getJson.js';

export type ServerFlavour = 'vllm' | 'llama.cpp' | 'sglang' | 'lm-studio' | 'openai-compatible';

export type ServerInfo = {
	flavour: ServerFlavour;
	/** "vLLM", "llama.cpp (llama-server)", ... as shown to the user. */
	name: string;
	/** As the server says it, sanitised; null when it does not say. */
	version: string | null;
	/** llama.cpp: the context every slot runs at (/props). */
	contextLength: number | null;
};

export type ServedModel = {
	id: string;
	/** The context the server runs this model at, when it says (max_model_len, n_ctx). */
	contextLength: number | null;
	/** Bytes of the weights when the server says (llama.cpp's meta.size), else the catalog's for a known name, else 0. */
	sizeBytes: number;
	/** Where sizeBytes comes from: a ceiling is shown only for bytes the server reported. */
	sizeSource: 'server' | 'catalog' | 'unknown';
	/** "32B" from the server's n_params, the catalog, or the name; '' when none says. */
	parameterSize: string;
};

export const FLAVOUR_NAMES: Record<ServerFlavour, string> = {
	vllm: 'vLLM',
	'llama.cpp': 'llama.cpp (llama-server)',
	sglang: 'SGLang',
	'lm-studio': 'LM Studio',
	'openai-compatible': 'an OpenAI-compatible server',
};

/** The longest model list read: far past what one server serves; a longer one is cut, never paged. */
export const MAX_SERVED_MODELS = 500;

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? upstreamText(value.trim()).slice(0, 80) : null;
}

function positive(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

export async function detectServer(connection: CompletionConnection, signal?: AbortSignal): Promise<ServerInfo> {
	const props = await getJson(connection, '/props', signal);
	if (isObject(props) && typeof props['build_info'] === 'string') {
		const settings = props['default_generation_settings'];
		return {
			flavour: 'llama.cpp',
			name: FLAVOUR_NAMES['llama.cpp'],
			version: text(props['build_info']),
			contextLength: isObject(settings) ? positive(settings['n_ctx']) : null,
		};
	}
	const sglang = await getJson(connection, '/get_server_info', signal);
	if (isObject(sglang) && typeof sglang['version'] === 'string') {
		return {flavour: 'sglang', name: FLAVOUR_NAMES.sglang, version: text(sglang['version']), contextLength: null};
	}
	const vllm = await getJson(connection, '/version', signal);
	if (isObject(vllm) && typeof vllm['version'] === 'string') {
		return {flavour: 'vllm', name: FLAVOUR_NAMES.vllm, version: text(vllm['version']), contextLength: null};
	}
	const lmStudio = await getJson(connection, '/api/v0/models', signal);
	if (isObject(lmStudio) && Array.isArray(lmStudio['data'])) {
		return {flavour: 'lm-studio', name: FLAVOUR_NAMES['lm-studio'], version: null, contextLength: null};
	}
	return {flavour: 'openai-compatible', name: FLAVOUR_NAMES['openai-compatible'], version: null, contextLength: null};
}

/** "32B" from a name such as Qwen/Qwen2.5-32B-Instruct or qwen2.5:32b; '' when it has none. */
export function parameterSizeFromName(id: string): string {
	const match = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z])/i.exec(id);
	return match ? `${match[1]}B` : '';
}

function servedModel(entry: Record<string, unknown>, server: ServerInfo): ServedModel | null {
	const id = typeof entry['id'] === 'string' ? entry['id'] : null;
	if (id === null || id.trim() === '' || id.length > 200) return null;
	const meta = isObject(entry['meta']) ? entry['meta'] : {};
	const known = catalogEntry(id);
	const reportedBytes = positive(meta['size']);
	const params = positive(meta['n_params']);
	return {
		id,
		contextLength: positive(entry['max_model_len']) ?? server.contextLength ?? positive(meta['n_ctx_train']),
		sizeBytes: reportedBytes ?? known?.sizeBytes ?? 0,
		sizeSource: reportedBytes !== null ? 'server' : known ? 'catalog' : 'unknown',
		parameterSize: params !== null ? `${Math.round(params / 1e8) / 10}B` : (known?.parameterSize ?? parameterSizeFromName(id)),
	};
}

/** GET /v1/models, one page (the OpenAI list has no pages; a has_more is not followed). */
export async function servedModels(connection: CompletionConnection, server: ServerInfo, signal?: AbortSignal): Promise<ServedModel[] | null> {
	const body = await getJson(connection, '/v1/models', signal);
	if (!isObject(body) || !Array.isArray(body['data'])) return null;
	const models: ServedModel[] = [];
	for (const entry of body['data'].slice(0, MAX_SERVED_MODELS)) {
		const model = isObject(entry) ? servedModel(entry, server) : null;
		if (model && !models.some((known) => known.id === model.id)) models.push(model);
	}
	return models;
}
