// POST /api/pull: the NDJSON progress stream of server/images.go PullModel, per layer with the
// config blob last, resuming from partial downloads left by an aborted pull.
import {isValidModelName} from '../../models/catalog.js';
import type {RouteContext} from '../context.js';
import type {SimModelProfile} from '../types.js';
import {ChunkStream, isRecord, ndjson, sendJson, sendOllamaError, sleep} from '../wire.js';
import type {Exchange} from '../wire.js';

export const MANIFEST_MISSING = 'pull model manifest: file does not exist';
const TICK_MS = 60;

/** Bytes per progress line when not pacing: about one line per GB, at least one per layer. */
function unpacedStep(total: number, linesPerLayer: number | null): number {
	const steps = linesPerLayer ?? Math.min(12, Math.max(1, Math.ceil(total / 1e9)));
	return Math.max(1, Math.ceil(total / steps));
}

function layerLine(digest: string, total: number, completed: number): Record<string, unknown> {
	const line: Record<string, unknown> = {status: `pulling ${digest.replace(/^sha256:/, '').slice(0, 12)}`, digest, total};
	// completed is omitempty in Ollama: absent while nothing has arrived yet.
	if (completed > 0) line['completed'] = completed;
	return line;
}

async function streamPull(ctx: RouteContext, out: ChunkStream, profile: SimModelProfile): Promise<void> {
	const {state, options} = ctx;
	const perTick = options.pullBytesPerSecond * (TICK_MS / 1000);
	for (const layer of profile.layers) {
		if (state.hasBlob(layer.digest)) {
			if (!(await out.send(layerLine(layer.digest, layer.size, layer.size)))) return;
			continue;
		}
		let done = Math.min(state.partials.get(layer.digest) ?? 0, layer.size);
		if (!(await out.send(layerLine(layer.digest, layer.size, done)))) return;
		while (done < layer.size) {
			if (options.pace > 0) await sleep(TICK_MS);
			done = Math.min(layer.size, done + (options.pace > 0 ? perTick : unpacedStep(layer.size, options.pullLinesPerLayer)));
			// The bytes are on disk whether or not the client hears about them.
			state.partials.set(layer.digest, done);
			if (!(await out.send(layerLine(layer.digest, layer.size, done)))) return;
		}
		state.addBlob(layer.digest);
	}
	if (!(await out.send({status: 'verifying sha256 digest'}))) return;
	if (!(await out.send({status: 'writing manifest'}))) return;
	state.install(profile);
	await out.finish([{status: 'success'}]);
}

export async function handlePull(ctx: RouteContext, exchange: Exchange): Promise<void> {
	const body = isRecord(exchange.body) ? exchange.body : {};
	const name = body['model'] ?? body['name'];
	if (typeof name !== 'string' || !isValidModelName(name)) {
		sendOllamaError(exchange.res, 400, 'invalid model name');
		return;
	}
	const profile = ctx.state.profile(name);
	if (body['stream'] === false) {
		if (!profile) {
			sendOllamaError(exchange.res, 500, MANIFEST_MISSING);
			return;
		}
		const missing = profile.layers.filter((layer) => !ctx.state.hasBlob(layer.digest));
		const bytes = missing.reduce((sum, layer) => sum + layer.size - (ctx.state.partials.get(layer.digest) ?? 0), 0);
		if (ctx.options.pace > 0) await sleep((bytes / ctx.options.pullBytesPerSecond) * 1000);
		ctx.state.install(profile);
		sendJson(exchange.res, 200, {status: 'success'});
		return;
	}
	const out = new ChunkStream(exchange, ndjson, ctx.faults.takeStream(exchange.path, name));
	if (!(await out.send({status: 'pulling manifest'}))) return;
	if (!profile) {
		await out.fail(MANIFEST_MISSING);
		return;
	}
	await streamPull(ctx, out, profile);
}
