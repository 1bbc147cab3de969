// Queued faults and which requests they hit. Each fault fires on the next matching request and
// is then used up (busy, Claude status and judge faults after `times` requests).
import type {ClaudeFault, FaultTarget, JudgeMode, OllamaFault} from './types.js';

type Queued<F> = {fault: F; route: string | undefined; model?: string | undefined; remaining: number};

/** A fault that changes how a stream runs once it has started. */
export type StreamFault = Extract<OllamaFault, {kind: 'die-mid-stream' | 'malformed-line' | 'no-done' | 'runner-crash' | 'stall' | 'disk-full' | 'empty-chunks' | 'stuck'}>;
const STREAM_KINDS = ['die-mid-stream', 'malformed-line', 'no-done', 'runner-crash', 'stall', 'disk-full', 'empty-chunks', 'stuck'] as const;
export type ClaudeStreamFault = Extract<ClaudeFault, {kind: 'mid-stream-error' | 'stall' | 'endless' | 'cut' | 'pings'}>;
/** A fault in what the model answers, streamed or not. */
export type ClaudeAnswerFault = Extract<ClaudeFault, {kind: 'refusal' | 'context-exceeded'}>;

const GENERATION_ROUTES = new Set(['/api/chat', '/api/generate', '/v1/chat/completions']);
const STREAM_ROUTES = new Set([...GENERATION_ROUTES, '/api/pull']);

function appliesTo(fault: OllamaFault, path: string): boolean {
	switch (fault.kind) {
		case 'oom':
		case 'load-failure':
			return GENERATION_ROUTES.has(path);
		// The request queue (OLLAMA_MAX_QUEUE) only holds generation requests: /api/pull never answers 503.
		case 'busy':
			return path !== '/' && path !== '/api/pull';
		case 'disk-full':
			return path === '/api/pull';
		case 'refuse':
		case 'silent':
			return false;
		case 'empty-chunks':
			return GENERATION_ROUTES.has(path);
		case 'trickle':
			return true;
		default:
			return STREAM_ROUTES.has(path);
	}
}

export class FaultQueue {
	private ollama: Queued<OllamaFault>[] = [];
	private claude: Queued<ClaudeFault>[] = [];

	addOllama(fault: OllamaFault, target: string | FaultTarget | undefined): void {
		const times = fault.kind === 'busy' ? (fault.times ?? 1) : 1;
		const {route, model} = typeof target === 'string' ? {route: target, model: undefined} : (target ?? {});
		this.ollama.push({fault, route, model, remaining: times});
	}

	addClaude(fault: ClaudeFault): void {
		const times = fault.kind === 'status' || fault.kind === 'judge' ? (fault.times ?? 1) : 1;
		this.claude.push({fault, route: undefined, remaining: times});
	}

	clear(): void {
		this.ollama = [];
		this.claude = [];
	}

	private take<K extends OllamaFault['kind']>(path: string, kinds: readonly K[], model: unknown): Extract<OllamaFault, {kind: K}> | undefined {
		const index = this.ollama.findIndex(
			(queued) =>
				(kinds as readonly string[]).includes(queued.fault.kind) &&
				(queued.route === undefined || queued.route === path) &&
				(queued.model === undefined || queued.model === model) &&
				appliesTo(queued.fault, path),
		);
		const queued = this.ollama[index];
		if (!queued) return undefined;
		queued.remaining -= 1;
		if (queued.remaining <= 0) this.ollama.splice(index, 1);
		return queued.fault as Extract<OllamaFault, {kind: K}>;
	}

	/** `model` is the name the request carries (a fault targeted at a model skips other requests). */
	takeBusy(path: string, model?: unknown): boolean {
		return this.take(path, ['busy'], model) !== undefined;
	}

	takeOom(path: string, model?: unknown): Extract<OllamaFault, {kind: 'oom'}> | undefined {
		return this.take(path, ['oom'], model);
	}

	takeLoadFailure(path: string, model?: unknown): boolean {
		return this.take(path, ['load-failure'], model) !== undefined;
	}

	takeStream(path: string, model?: unknown): StreamFault | undefined {
		return this.take(path, STREAM_KINDS, model);
	}

	takeTrickle(path: string, model?: unknown): Extract<OllamaFault, {kind: 'trickle'}> | undefined {
		return this.take(path, ['trickle'], model);
	}

	private takeClaude<K extends ClaudeFault['kind']>(kinds: readonly K[]): Extract<ClaudeFault, {kind: K}> | undefined {
		const index = this.claude.findIndex((queued) => (kinds as readonly string[]).includes(queued.fault.kind));
		const queued = this.claude[index];
		if (!queued) return undefined;
		queued.remaining -= 1;
		if (queued.remaining <= 0) this.claude.splice(index, 1);
		return queued.fault as Extract<ClaudeFault, {kind: K}>;
	}

	takeClaudeStatus(): Extract<ClaudeFault, {kind: 'status'}> | undefined {
		return this.takeClaude(['status']);
	}

	takeClaudeStream(): ClaudeStreamFault | undefined {
		return this.takeClaude(['mid-stream-error', 'stall', 'endless', 'cut', 'pings']);
	}

	takeClaudeAnswer(): ClaudeAnswerFault | undefined {
		return this.takeClaude(['refusal', 'context-exceeded']);
	}

	/** The misbehaviour due for this judge request, if one is queued (taken only by judge requests, on either route). */
	takeJudge(): JudgeMode | undefined {
		return this.takeClaude(['judge'])?.mode;
	}
}
