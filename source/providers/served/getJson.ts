// A GET of one of an inference server's own small endpoints (/version, /props, /metrics, /v1/models),
// under the same load and stall timeouts and a size cap. A 404 or a body that is not what was asked
// for is null: which endpoints a server has is how it is told apart (docs/reference/servers.md).
import {BodyCap} from '../network/bodyCap.js';
import {RequestTimeouts} from '../network/timeouts.js';
import {ProviderError} from '../errors.js';
import {isAbortError} from '../networkErrors.js';
import type {CompletionConnection} from '../openaiCompat/completionStream.js';

/** Far past any /props, /metrics or model list; a larger body is not one of them. */
const MAX_INFO_BYTES = 4 * 1024 * 1024;

export async function getText(connection: CompletionConnection, path: string, signal?: AbortSignal): Promise<string | null> {
	const guard = new RequestTimeouts(connection.timeouts, signal);
	const cap = new BodyCap(MAX_INFO_BYTES);
	try {
		const response = await cap.fetch(guard.fetch(connection.fetch ?? fetch))(`${connection.host}${path}`, {
			headers: {authorization: `Bearer ${connection.apiKey}`},
			signal: guard.signal,
		});
		if (!response.ok) {
			await response.body?.cancel().catch(() => undefined);
			return null;
		}
		return await response.text();
	} catch (error) {
		if (signal?.aborted) throw new ProviderError('canceled', 'Canceled', '');
		if (guard.fired || cap.exceeded !== null || isAbortError(error)) return null;
		throw new ProviderError('unreachable', `${connection.serverName} is not answering at ${connection.host}`, 'check that the server is running and that --host names its address and port', {cause: error});
	} finally {
		guard.clear();
	}
}

export async function getJson(connection: CompletionConnection, path: string, signal?: AbortSignal): Promise<unknown> {
	const text = await getText(connection, path, signal);
	if (text === null) return null;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return null;
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
