// A misbehaving Ollama and Anthropic on loopback for the hostile matrix: a proxy in front of the
// simulator (so everything not under test behaves as a real server does) whose rules replace or
// rewrite chosen responses, and an Anthropic look-alike that answers every request with one error.
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type Upstream = {status: number; contentType: string; body: Buffer};

export type RuleContext = {
	req: http.IncomingMessage;
	res: http.ServerResponse;
	body: unknown;
	upstream(): Promise<Upstream>;
};

export type Rule = {
	path: string;
	/** Only requests whose body names this model. */
	model?: string;
	/** Requests it applies to before it is used up (default: every one). */
	times?: number;
	handle(ctx: RuleContext): Promise<void> | void;
};

export type HostileServer = {
	url: string;
	rules: Rule[];
	close(): Promise<void>;
};

function modelOf(body: unknown): unknown {
	if (typeof body !== 'object' || body === null) return undefined;
	const record = body as Record<string, unknown>;
	return record['model'] ?? record['name'];
}

async function listen(server: http.Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: http.Server): Promise<void> {
	server.closeAllConnections();
	return new Promise((resolve) => server.close(() => resolve()));
}

export async function hostileOllama(upstreamUrl: string): Promise<HostileServer> {
	const rules: Rule[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			let body: unknown;
			try {
				body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
			} catch {
				body = undefined;
			}
			const path = new URL(req.url ?? '/', 'http://x').pathname;
			const upstream = async (): Promise<Upstream> => {
				const response = await fetch(`${upstreamUrl}${req.url ?? '/'}`, {method: req.method, headers: {'content-type': 'application/json'}, ...(raw.length > 0 ? {body: raw} : {})});
				return {status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: Buffer.from(await response.arrayBuffer())};
			};
			const rule = rules.find((candidate) => candidate.path === path && (candidate.model === undefined || candidate.model === modelOf(body)) && (candidate.times ?? 1) > 0);
			const run = async () => {
				if (rule) {
					if (rule.times !== undefined) rule.times -= 1;
					await rule.handle({req, res, body, upstream});
					return;
				}
				const answer = await upstream();
				res.writeHead(answer.status, {'content-type': answer.contentType});
				res.end(answer.body);
			};
			run().catch(() => res.destroy());
		});
	});
	const url = await listen(server);
	return {url, rules, close: () => closeServer(server)};
}

/** The upstream answer with every NDJSON line (or the one JSON document) rewritten. */
export function rewriteJson(rewrite: (value: Record<string, unknown>) => Record<string, unknown>): Rule['handle'] {
	return async ({res, upstream}) => {
		const answer = await upstream();
		const lines = answer.body
			.toString('utf8')
			.split('\n')
			.map((line) => (line.trim() === '' ? line : JSON.stringify(rewrite(JSON.parse(line) as Record<string, unknown>))));
		res.writeHead(answer.status, {'content-type': answer.contentType});
		res.end(lines.join('\n'));
	};
}

/** Streams `prefix`, then `total` bytes made of `fill`, as fast as the client reads, stopping when it hangs up. */
export function streamBytes(prefix: string, fill: string, total: number, contentType = 'application/x-ndjson'): Rule['handle'] {
	return ({res}) =>
		new Promise<void>((resolve) => {
			const chunk = Buffer.from(fill.repeat(Math.max(1, Math.floor(1_048_576 / fill.length))));
			let sent = 0;
			let closed = false;
			res.on('close', () => {
				closed = true;
				resolve();
			});
			res.writeHead(200, {'content-type': contentType});
			res.write(prefix);
			const pump = () => {
				while (!closed && sent < total) {
					sent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				if (!closed) res.end(resolve);
			};
			pump();
		});
}

export function respond(status: number, body: string, contentType = 'application/json'): Rule['handle'] {
	return ({res}) => {
		res.writeHead(status, {'content-type': contentType});
		res.end(body);
	};
}

/** An Anthropic look-alike answering every request with `status` and this JSON body. */
export async function hostileAnthropic(status: number, body: unknown): Promise<{url: string; close(): Promise<void>}> {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(status, {'content-type': 'application/json', 'request-id': 'req_hostile'});
			res.end(JSON.stringify(body));
		});
	});
	const url = await listen(server);
	return {url, close: () => closeServer(server)};
}
