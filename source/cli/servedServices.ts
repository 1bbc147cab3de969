// --backend openai: the inference server as the services see it (its provider, name, version and
// models), the ladder it serves, and the machine facts that still hold when it runs elsewhere.
import type {GlobalFlags} from './types.js';
import type {ServedBackend} from '../experiment/services.js';
import type {ServedProvider} from '../providers/served/servedProvider.js';
import type {SystemInfo} from '../system/types.js';
import {servedTierBytes} from '../models/servedSize.js';
import {ProviderError} from '../providers/errors.js';

/** The machine facts that still hold when the measured server is elsewhere. */
export function servedSystem(machine: SystemInfo, bandwidthGBs: number | null): SystemInfo {
	return {
		...machine,
		chip: null,
		gpuCores: null,
		bandwidthGBs,
		bandwidthSource: bandwidthGBs === null ? 'unknown' : 'flag',
		modelsDisk: null,
		ollamaIsLocal: false,
	};
}

/**
 * The ladder on a served backend is what the server serves, smallest first (the one size rule,
 * models/servedSize.ts), or the --ladder entries it serves; the others are said and left out.
 */
export function servedLadder(backend: ServedBackend, asked: readonly string[] | undefined, warn: (message: string) => void): string[] {
	const bySize = [...backend.models].sort((a, b) => servedTierBytes(a) - servedTierBytes(b)).map((model) => model.id);
	if (asked === undefined) return bySize;
	const missing = asked.filter((name) => !bySize.includes(name));
	if (missing.length > 0) warn(`--ladder: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not served by ${backend.label}, so left out; serving another model is done on the server.`);
	return asked.filter((name) => bySize.includes(name));
}

/** --backend openai: the served provider, the server named and its models listed, or a clear failure. */
export async function servedBackend(
	host: string,
	env: NodeJS.ProcessEnv,
	timeouts: GlobalFlags['timeouts'],
	closeSimulator: (() => Promise<void>) | null,
): Promise<{provider: ServedProvider; backend: ServedBackend}> {
	const [{createServedProvider}, {connectionOf}] = await Promise.all([import('../providers/served/servedProvider.js'), import('../providers/openaiCompat/openaiCompatProvider.js')]);
	const connection = connectionOf({host, ...(timeouts ? {timeouts} : {}), apiKey: env['OPENAI_COMPATIBLE_API_KEY'] ?? '', serverName: 'the inference server'});
	const provider = createServedProvider(connection);
	try {
		if (!(await provider.ping())) {
			throw new ProviderError(
				'unreachable',
				`No OpenAI-compatible server answers GET ${host}/v1/models`,
				'start it (e.g. `vllm serve <model>` or `llama-server -m <file> --jinja`), and give --host its address and port; set OPENAI_COMPATIBLE_API_KEY if it wants a key',
			);
		}
		const server = await provider.server();
		const models = await provider.served();
		const label = `${server.name}${server.version ? ` ${server.version}` : ''} at ${host}`;
		return {provider, backend: {label, name: server.name, version: server.version, models: models.map(({id, contextLength, parameterSize, sizeBytes}) => ({id, contextLength, parameterSize, sizeBytes}))}};
	} catch (error) {
		await closeSimulator?.();
		throw error;
	}
}
