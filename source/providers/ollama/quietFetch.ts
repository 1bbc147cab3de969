// ollama-js prints to the console in two places we cannot afford under Ink: `console.log("Getting
// text from response")` when an error body is not JSON, and `console.warn("invalid json: ", line)`
// when a streamed line does not parse (it then silently drops the line). This fetch wrapper, given
// to ollama-js, makes both paths unreachable: error bodies always arrive as `{"error": text}` JSON,
// and a malformed stream line is replaced by an in-band error that ollama-js throws for us.
// It also ties every request to the caller's AbortSignal, which ollama-js only does for streams.

/** Prefix of the in-band error that replaces a line that is not JSON; mapOllamaError keys on it. */
export const MALFORMED_LINE_PREFIX = 'trifecta: malformed line from Ollama: ';

const STREAMED_PATHS = /\/api\/(chat|generate|pull|push|create)$/;

export function createQuietFetch(signal?: AbortSignal, base: typeof fetch = fetch): typeof fetch {
	return async (input, init) => {
		const signals = [init?.signal, signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
		const merged = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
		const response = await base(input, {...init, signal: merged});
		if (!response.ok) return asJsonError(response);
		if (response.body && STREAMED_PATHS.test(urlPath(input))) return withCheckedLines(response, response.body);
		return response;
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
		text = await response.text();
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
			// Labelled JSON that is not JSON: keep the raw text as the message.
		}
	}
	return new Response(JSON.stringify({error}), {
		status: response.status,
		statusText: response.statusText,
		headers: {'content-type': 'application/json'},
	});
}

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Every line of `bytes` (which ends with a newline) starts with "{" and ends with "}": what each
 * line Ollama streams looks like. Checked on the bytes, so the hot path decodes and parses nothing
 * twice (ollama-js parses each line anyway); anything else is looked at closely.
 */
function linesLookLikeObjects(bytes: Uint8Array): boolean {
	let lineStart = 0;
	for (let index = 0; index < bytes.length; index++) {
		if (bytes[index] !== NEWLINE) continue;
		if (index === lineStart || bytes[lineStart] !== OPEN_BRACE || bytes[index - 1] !== CLOSE_BRACE) return false;
		lineStart = index + 1;
	}
	return true;
}

function joined(head: Uint8Array | null, tail: Uint8Array): Uint8Array {
	if (!head) return tail;
	const both = new Uint8Array(head.length + tail.length);
	both.set(head);
	both.set(tail, head.length);
	return both;
}

function withCheckedLines(response: Response, body: ReadableStream<Uint8Array>): Response {
	const decoder = new TextDecoder();
	const encoder = new TextEncoder();
	const checkLine = (line: string): string | null => {
		if (line.trim() === '') return null;
		try {
			JSON.parse(line);
			return `${line}\n`;
		} catch {
			return `${JSON.stringify({error: MALFORMED_LINE_PREFIX + line.slice(0, 200)})}\n`;
		}
	};
	const rewrite = (text: string): string =>
		text
			.split('\n')
			.map(checkLine)
			.filter((line): line is string => line !== null)
			.join('');
	// Bytes after the last newline: a line still arriving, passed on once it is complete.
	let held: Uint8Array | null = null;
	const transform = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			const data = joined(held, chunk);
			const lastNewline = data.lastIndexOf(NEWLINE);
			if (lastNewline === -1) {
				held = data;
				return;
			}
			const complete = data.subarray(0, lastNewline + 1);
			held = lastNewline + 1 < data.length ? data.slice(lastNewline + 1) : null;
			controller.enqueue(linesLookLikeObjects(complete) ? complete : encoder.encode(rewrite(decoder.decode(complete))));
		},
		flush(controller) {
			if (!held) return;
			const last = checkLine(decoder.decode(held));
			if (last) controller.enqueue(encoder.encode(last));
		},
	});
	// pipeThrough propagates cancel to the source, so aborting still closes the socket.
	return new Response(body.pipeThrough(transform), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
}
