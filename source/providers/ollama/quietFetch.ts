// ollama-js prints to the console in two places we cannot afford under Ink: `console.log("Getting
// text from response")` when an error body is not JSON, and `console.warn("invalid json: ", line)`
// when a streamed line does not parse (it then silently drops the line). This fetch wrapper, given
// to ollama-js, makes both paths unreachable: error bodies always arrive as `{"error": text}` JSON,
// and a malformed stream line is replaced by an in-band error that ollama-js throws for us.
// It also ties every request to the caller's AbortSignal, which ollama-js only does for streams.

/** Prefix of the in-band error that replaces a line that is not JSON; mapOllamaError keys on it. */
export const MALFORMED_LINE_PREFIX = 'trifecta: malformed line from Ollama: ';

/** The longest streamed line accepted: a real line is a few hundred bytes (one token, one progress update). */
export const MAX_LINE_BYTES = 1024 * 1024;
/** The largest non-streamed answer accepted (/api/tags, /api/ps, /api/show, /api/version): real ones are kilobytes. */
export const MAX_LISTING_BYTES = 8 * 1024 * 1024;
/** The most of an error body read: enough for any real message, and it is cut shorter before it is shown. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** A response that broke one of the limits above; mapOllamaError turns it into a message. */
export class OversizedResponseError extends Error {
	override readonly name = 'OversizedResponseError';
	readonly what: 'line' | 'listing';
	readonly limitBytes: number;

	constructor(what: 'line' | 'listing', limitBytes: number) {
		super(what === 'line' ? `response line too long (over ${limitBytes / 1024 / 1024} MB)` : `response too large (over ${limitBytes / 1024 / 1024} MB)`);
		this.what = what;
		this.limitBytes = limitBytes;
	}
}

const STREAMED_PATHS = /\/api\/(chat|generate|pull|push|create)$/;

export function createQuietFetch(signal?: AbortSignal, base: typeof fetch = fetch): typeof fetch {
	return async (input, init) => {
		const signals = [init?.signal, signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
		const merged = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
		const response = await base(input, {...init, signal: merged});
		if (!response.ok) return asJsonError(response);
		if (!response.body) return response;
		if (STREAMED_PATHS.test(urlPath(input))) return withCheckedLines(response, response.body);
		return withCappedBody(response, response.body);
	};
}

function urlPath(input: Parameters<typeof fetch>[0]): string {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	try {
		return new URL(url).pathname;
	} catch {
		return url;
	}
}

async function asJsonError(response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	let text = '';
	try {
		text = new TextDecoder().decode(await readAtMost(response, MAX_ERROR_BODY_BYTES));
	} catch {
		// The body is unreadable (socket closed); the status alone still says what happened.
	}
	let error = text.trim() || `HTTP ${response.status} ${response.statusText}`.trim();
	if (type.includes('application/json')) {
		try {
			const parsed = JSON.parse(text) as {error?: unknown};
			if (typeof parsed.error === 'string') error = parsed.error;
			else if (parsed.error && typeof parsed.error === 'object' && 'message' in parsed.error) error = String(parsed.error.message);
		} catch {
			// Labelled JSON that is not JSON (or cut at the limit): keep the raw text as the message.
		}
	}
	return new Response(JSON.stringify({error}), {
		status: response.status,
		statusText: response.statusText,
		headers: {'content-type': 'application/json'},
	});
}

/** The first `limit` bytes of the body; the rest is never read (the socket is released). */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array();
	const reader = response.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	try {
		while (size < limit) {
			const {done, value} = await reader.read();
			if (done) break;
			parts.push(value);
			size += value.length;
		}
	} finally {
		await reader.cancel().catch(() => undefined);
	}
	return concat(parts, Math.min(size, limit));
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
	const out = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		if (at >= size) break;
		const piece = part.subarray(0, size - at);
		out.set(piece, at);
		at += piece.length;
	}
	return out;
}

function rewrapped(response: Response, body: ReadableStream<Uint8Array>): Response {
	// pipeThrough propagates cancel to the source, so aborting still closes the socket.
	return new Response(body, {status: response.status, statusText: response.statusText, headers: response.headers});
}

/** A non-streamed answer, failed with OversizedResponseError as soon as it passes MAX_LISTING_BYTES. */
function withCappedBody(response: Response, body: ReadableStream<Uint8Array>): Response {
	let size = 0;
	const cap = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			size += chunk.length;
			if (size > MAX_LISTING_BYTES) controller.error(new OversizedResponseError('listing', MAX_LISTING_BYTES));
			else controller.enqueue(chunk);
		},
	});
	return rewrapped(response, body.pipeThrough(cap));
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A complete line, passed on when it is a JSON object (what ollama-js expects; it would print
 * "invalid json" and drop anything else, or throw a TypeError on a bare number), else replaced
 * by an in-band error that ollama-js throws and mapOllamaError recognises.
 */
function checkedLine(bytes: Uint8Array): Uint8Array | null {
	const line = decoder.decode(bytes);
	if (line.trim() === '') return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(line);
	} catch {
		parsed = undefined;
	}
	if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return bytes;
	return encoder.encode(`${JSON.stringify({error: MALFORMED_LINE_PREFIX + line.replace(/\r?\n$/, '').slice(0, 200)})}\n`);
}

/**
 * Passes a streamed body on line by line, each line checked. Linear in the bytes received: each
 * chunk is scanned once for newlines and an incomplete line is kept as a list of pieces, joined
 * once when its newline arrives. A line past MAX_LINE_BYTES fails the stream at once.
 */
function withCheckedLines(response: Response, body: ReadableStream<Uint8Array>): Response {
	let pending: Uint8Array[] = [];
	let pendingSize = 0;
	const emit = (controller: TransformStreamDefaultController<Uint8Array>, line: Uint8Array) => {
		const checked = checkedLine(line);
		if (checked) controller.enqueue(checked);
	};
	const transform = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			let start = 0;
			for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
				const piece = chunk.subarray(start, newline + 1);
				if (pendingSize + piece.length > MAX_LINE_BYTES + 1) {
					controller.error(new OversizedResponseError('line', MAX_LINE_BYTES));
					return;
				}
				emit(controller, pending.length === 0 ? piece : concat([...pending, piece], pendingSize + piece.length));
				pending = [];
				pendingSize = 0;
				start = newline + 1;
			}
			if (start < chunk.length) {
				pending.push(chunk.slice(start));
				pendingSize += chunk.length - start;
				if (pendingSize > MAX_LINE_BYTES) controller.error(new OversizedResponseError('line', MAX_LINE_BYTES));
			}
		},
		flush(controller) {
			if (pendingSize > 0) emit(controller, concat(pending, pendingSize));
		},
	});
	return rewrapped(response, body.pipeThrough(transform));
}
