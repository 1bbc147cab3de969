// Node's fetch hides the socket error a user can act on behind `TypeError('fetch failed')`, and
// for `localhost` (IPv4 and IPv6 tried in turn) behind an AggregateError; dig the codes out.

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT']);

/** Every `code` found on the error, its `cause` chain and any AggregateError members. */
export function errorCodes(error: unknown, depth = 0): string[] {
	if (depth > 6 || typeof error !== 'object' || error === null) return [];
	const codes: string[] = [];
	const {code, cause, errors} = error as {code?: unknown; cause?: unknown; errors?: unknown};
	if (typeof code === 'string') codes.push(code);
	if (cause !== undefined) codes.push(...errorCodes(cause, depth + 1));
	if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner, depth + 1));
	return codes;
}

/** True when the request never reached a server (refused, unknown host, network down). */
export function isConnectionFailure(error: unknown): boolean {
	if (errorCodes(error).some((code) => CONNECTION_CODES.has(code))) return true;
	return error instanceof TypeError && error.message === 'fetch failed';
}

export function isAbortError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {name?: unknown}).name === 'AbortError';
}

/** A response body that stopped arriving because the socket closed (undici: TypeError 'terminated'). */
export function isBrokenStream(error: unknown): boolean {
	if (error instanceof TypeError && error.message === 'terminated') return true;
	return errorCodes(error).some((code) => code === 'UND_ERR_SOCKET' || code === 'ECONNRESET');
}

/**
 * The body broke off after the response had started (undici: TypeError 'terminated'): the server was
 * reached and answering, so this is never "not running", whatever socket code sits under it.
 */
export function isBodyCutOff(error: unknown, depth = 0): boolean {
	if (depth > 4 || typeof error !== 'object' || error === null) return false;
	if (error instanceof TypeError && error.message === 'terminated') return true;
	return isBodyCutOff((error as {cause?: unknown}).cause, depth + 1);
}
