// HTTP plumbing shared by every route: bodies, JSON replies, and a chunked stream writer that
// honours back-pressure, notices a client that went away, and plays the stream faults.
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {StreamFault} from './faults.js';
import type {RequestLogEntry} from './types.js';

export type Exchange = {
	req: IncomingMessage;
	res: ServerResponse;
	path: string;
	/** The parsed JSON body; undefined when empty, the raw text when it is not JSON. */
	body: unknown;
	log: RequestLogEntry;
	/** Set when the simulator cut the connection itself, so the log does not blame the client. */
	cutByServer: boolean;
};

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

export function parseBody(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	if (res.headersSent || res.destroyed) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers});
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, {'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text)});
	res.end(text);
}

/** Ollama's error body: `{"error":"..."}` with a real status. */
export function sendOllamaError(res: ServerResponse, status: number, message: string): void {
	sendJson(res, status, {error: message});
}

export function sleep(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const RUNNER_STOPPED =
	'model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details';

/** What a pull writing its blob onto a full disk reports in-band (server/download.go passes the OS error on). */
export const DISK_FULL = 'write /Users/sim/.ollama/models/blobs/sha256-partial: no space left on device';

export type StreamFormat = {
	contentType: string;
	frame(chunk: unknown): string;
	/** What a broken line looks like in this format. */
	malformed: string;
	/** The in-band error frame for a crashed runner. */
	inBandError(message: string): string;
};

export const ndjson: StreamFormat = {
	contentType: 'application/x-ndjson',
	frame: (chunk) => `${JSON.stringify(chunk)}\n`,
	malformed: '{"model":"sim","created_at":"2026-08-21T10:00:00Z","respo\n',
	inBandError: (message) => `${JSON.stringify({error: message})}\n`,
};

/** OpenAI-style SSE: `data:` lines only. */
export const openAiSse: StreamFormat = {
	contentType: 'text/event-stream',
	frame: (chunk) => `data: ${typeof chunk === 'string' ? chunk : JSON.stringify(chunk)}\n\n`,
	malformed: 'data: {"id":"chatcmpl-1","object":"chat.completion.chu\n\n',
	// Ollama's middleware drops the text: an empty-delta chunk, then the stream ends (no finish_reason, no [DONE]).
	inBandError: () =>
		`data: ${JSON.stringify({id: 'chatcmpl-0', object: 'chat.completion.chunk', created: 0, model: 'sim', system_fingerprint: 'fp_ollama', choices: [{index: 0, delta: {}, finish_reason: null}]})}\n\n`,
};

/**
 * Writes one chunk per send(). Headers go out with the first chunk, so a fault that fires
 * before any chunk can still answer with a real status. send() returns false once the stream
 * must stop (client gone or a fault ended it); callers stop producing then.
 */
const DROPPED_KEYS = new Set(['tool_calls', 'done_reason', 'context', 'usage', 'total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration']);

/** A chunk with its text taken out: what a server sends when it streams without saying anything. */
function blanked(chunk: unknown): unknown {
	if (Array.isArray(chunk)) return chunk.map(blanked);
	if (!isRecord(chunk)) return chunk;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(chunk)) {
		// Nothing that carries content, ends the stream or reports counters.
		if (DROPPED_KEYS.has(key)) continue;
		if (key === 'done') out[key] = false;
		else if (key === 'finish_reason') out[key] = null;
		else out[key] = ['content', 'response', 'thinking', 'reasoning'].includes(key) && typeof value === 'string' ? '' : blanked(value);
	}
	return out;
}

/** Ollama re-sends a pull's progress every 60 ms (server/download.go), moving or not. */
const REPEAT_MS = 60;
const EMPTY_CHUNK_MS = 10;

/**
 * Makes every byte of a response arrive `intervalMs` apart (headers at once): a server trickling
 * its answer. Patches this one response's write/end, which is all the routes use.
 */
export function trickle(res: ServerResponse, intervalMs: number): void {
	const write = res.write.bind(res) as (chunk: Buffer) => boolean;
	const end = res.end.bind(res) as () => ServerResponse;
	let queue = Promise.resolve();
	const drip = async (data: unknown): Promise<void> => {
		const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.isBuffer(data) ? data : Buffer.alloc(0);
		for (const byte of bytes) {
			if (res.destroyed) return;
			write(Buffer.from([byte]));
			await sleep(intervalMs);
		}
	};
	// Only what the routes call is replaced: write(chunk) and end(chunk?).
	const patched = res as unknown as {write: (data: unknown) => boolean; end: (data?: unknown) => ServerResponse};
	patched.write = (data) => {
		queue = queue.then(() => drip(data));
		return true;
	};
	patched.end = (data) => {
		queue = queue.then(() => drip(data)).then(() => void (res.destroyed || end()));
		return res;
	};
}

export class ChunkStream {
	private written = 0;
	private stopped = false;
	private last: unknown = undefined;
	private readonly gone: Promise<void>;

	constructor(
		private readonly exchange: Exchange,
		private readonly format: StreamFormat,
		private readonly fault: StreamFault | undefined,
	) {
		this.gone = new Promise((resolve) => exchange.res.once('close', () => resolve()));
	}

	get active(): boolean {
		return !this.stopped && !this.exchange.res.destroyed;
	}

	private head(): void {
		const {res} = this.exchange;
		if (res.headersSent) return;
		const headers: Record<string, string> = {'Content-Type': this.format.contentType};
		if (this.format.contentType === 'text/event-stream') headers['Cache-Control'] = 'no-cache';
		res.writeHead(200, headers);
		res.flushHeaders();
	}

	private async write(text: string): Promise<void> {
		const {res} = this.exchange;
		if (res.destroyed) return;
		if (!res.write(text)) {
			await Promise.race([new Promise<void>((resolve) => res.once('drain', () => resolve())), this.gone]);
		}
	}

	private cut(reset = false): void {
		this.exchange.cutByServer = true;
		this.stopped = true;
		if (reset) this.exchange.res.socket?.resetAndDestroy();
		this.exchange.res.socket?.destroy();
		this.exchange.res.destroy();
	}

	/** Sends `chunk` every `everyMs` until the client goes away (it never ends on its own). */
	private async repeat(chunk: unknown, everyMs: number): Promise<void> {
		this.head();
		while (!this.exchange.res.destroyed && !this.exchange.res.writableEnded) {
			await this.write(this.format.frame(chunk));
			await Promise.race([sleep(everyMs), this.gone]);
		}
	}

	/** Plays the fault if it is due before the next chunk; true when the stream was ended by it. */
	private async playFault(next: unknown): Promise<boolean> {
		const fault = this.fault;
		if (!fault || fault.kind === 'no-done' || this.written !== fault.afterChunks) return false;
		const {res} = this.exchange;
		if (fault.kind === 'runner-crash' && this.written === 0) {
			this.stopped = true;
			sendOllamaError(res, 500, RUNNER_STOPPED);
			return true;
		}
		// Ollama sends no headers until the model is loaded and the prompt read: a hang before the
		// first chunk is a silent socket, not an open stream.
		if (fault.kind === 'stall' && this.written === 0) {
			this.stopped = true;
			await this.gone;
			return true;
		}
		this.head();
		switch (fault.kind) {
			case 'die-mid-stream':
				this.cut(fault.reset === true);
				return true;
			case 'malformed-line':
				await this.write(this.format.malformed);
				break;
			case 'runner-crash':
				await this.write(this.format.inBandError(RUNNER_STOPPED));
				break;
			case 'disk-full':
				await this.write(this.format.inBandError(DISK_FULL));
				break;
			case 'stall':
				this.stopped = true;
				await this.gone;
				return true;
			case 'empty-chunks':
				this.stopped = true;
				await this.repeat(blanked(next), EMPTY_CHUNK_MS);
				return true;
			case 'stuck':
				this.stopped = true;
				await this.repeat(this.last ?? next, REPEAT_MS);
				return true;
		}
		this.stopped = true;
		res.end();
		return true;
	}

	async send(chunk: unknown): Promise<boolean> {
		if (!this.active) return false;
		if (await this.playFault(chunk)) return false;
		this.head();
		await this.write(this.format.frame(chunk));
		this.last = chunk;
		this.written += 1;
		return this.active;
	}

	/** Writes a raw frame (e.g. `data: [DONE]`) that does not count as a chunk. */
	async raw(text: string): Promise<void> {
		if (!this.active) return;
		this.head();
		await this.write(text);
	}

	/** Sends the closing chunks (and a raw trailer), unless the no-done fault says to end without them. */
	async finish(closing: unknown[], trailer?: string): Promise<void> {
		if (this.fault?.kind === 'no-done') {
			this.end();
			return;
		}
		for (const chunk of closing) {
			if (!(await this.send(chunk))) return;
		}
		if (trailer !== undefined) await this.raw(trailer);
		this.end();
	}

	/** An in-band error after the stream has started (status 200 already sent). */
	async fail(message: string): Promise<void> {
		if (!this.active) return;
		this.head();
		await this.write(this.format.inBandError(message));
		this.end();
	}

	end(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.head();
		this.exchange.res.end();
	}
}
