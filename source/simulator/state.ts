// The simulated Ollama's mutable state: which models are installed, which blobs and partial
// downloads are on disk, which models are loaded and until when.
import {kvBytesPerToken} from './profiles.js';
import {FOREVER_ISO} from './keepAlive.js';
import type {KeepAlive} from './keepAlive.js';
import {sha256Hex} from './hashing.js';
import type {SimModelProfile} from './types.js';

/**
 * A loaded runner. Like Ollama's scheduler (server/sched.go, v0.32: the expire timer is armed when
 * the runner's last request finishes), a model in use never expires; its keep_alive counts from
 * the end of the last request that named it. `cache`: the tokens of the last prompt, which the
 * runner's KV cache still holds.
 */
type Loaded = {numCtx: number; expiresAt: number | 'forever'; inUse: number; sessionMs: number | 'forever'; cache: string[]};

export type Footprint = {size: number; sizeVram: number};

/** Ollama names are case-insensitive, may carry the default registry prefix, and default to :latest. */
export function normalizeName(name: string): string {
	const lower = name.trim().toLowerCase().replace(/^registry\.ollama\.ai\//, '').replace(/^library\//, '');
	const lastSegment = lower.slice(lower.lastIndexOf('/') + 1);
	return lastSegment.includes(':') ? lower : `${lower}:latest`;
}

export class SimState {
	private readonly profiles = new Map<string, SimModelProfile>();
	private readonly installedAt = new Map<string, string>();
	private readonly blobs = new Set<string>();
	/** Bytes already downloaded per blob digest, kept across aborted pulls until a restart. */
	readonly partials = new Map<string, number>();
	private readonly loadedModels = new Map<string, Loaded>();
	private readonly useCounts = new Map<string, number>();
	private readonly loads: {model: string; numCtx: number; at: number}[] = [];
	/** Models sent keep_alive 0 with a prompt: unloaded once that prompt has been served. */
	private readonly pendingUnload = new Set<string>();
	private sequence = 0;
	/** Real ms per simulated ms (the pace); keep_alive is simulated time. 0 (tests): real time. */
	private readonly timeScale: number;

	constructor(profiles: SimModelProfile[], installed: string[], timeScale = 0) {
		this.timeScale = timeScale;
		for (const profile of profiles) this.profiles.set(normalizeName(profile.name), profile);
		// Pre-installed models get fixed dates so /api/tags is identical across runs.
		installed.forEach((name, index) => {
			const profile = this.profile(name);
			if (!profile) return;
			const day = String(10 - (index % 9)).padStart(2, '0');
			this.install(profile, `2026-07-${day}T10:47:53.000Z`);
		});
	}

	profile(name: string): SimModelProfile | undefined {
		return this.profiles.get(normalizeName(name));
	}

	/** The installed profile for a name, or undefined if it is not installed. */
	installedProfile(name: string): SimModelProfile | undefined {
		const profile = this.profile(name);
		return profile && this.installedAt.has(profile.name) ? profile : undefined;
	}

	installedNames(): string[] {
		return [...this.installedAt.keys()];
	}

	modifiedAt(profile: SimModelProfile): string {
		return this.installedAt.get(profile.name) ?? new Date().toISOString();
	}

	hasBlob(digest: string): boolean {
		return this.blobs.has(digest);
	}

	addBlob(digest: string): void {
		this.blobs.add(digest);
		this.partials.delete(digest);
	}

	install(profile: SimModelProfile, at = new Date().toISOString()): void {
		for (const layer of profile.layers) this.addBlob(layer.digest);
		this.installedAt.set(profile.name, at);
	}

	/**
	 * Removes the manifest and deletes blobs no other installed model uses. A loaded runner keeps
	 * running until its keep_alive expires: DeleteHandler never touches the scheduler (routes.go).
	 */
	remove(profile: SimModelProfile): void {
		this.installedAt.delete(profile.name);
		const stillUsed = new Set<string>();
		for (const name of this.installedAt.keys()) {
			for (const layer of this.profile(name)?.layers ?? []) stillUsed.add(layer.digest);
		}
		for (const layer of profile.layers) if (!stillUsed.has(layer.digest)) this.blobs.delete(layer.digest);
	}

	/** Manifest digest as /api/tags shows it (hex, no prefix). */
	manifestDigest(profile: SimModelProfile): string {
		return sha256Hex(`manifest:${profile.name}:${profile.layers.map((layer) => layer.digest).join(',')}`);
	}

	private pruneExpired(now: number): void {
		for (const [name, loaded] of this.loadedModels) {
			if (loaded.inUse === 0 && loaded.expiresAt !== 'forever' && loaded.expiresAt <= now) this.loadedModels.delete(name);
		}
	}

	loadedNames(now = Date.now()): string[] {
		this.pruneExpired(now);
		return [...this.loadedModels.keys()];
	}

	loadedInfo(name: string, now = Date.now()): (Loaded & {expiresIso: string}) | undefined {
		this.pruneExpired(now);
		const loaded = this.loadedModels.get(name);
		if (!loaded) return undefined;
		const expiresIso = loaded.expiresAt === 'forever' ? FOREVER_ISO : new Date(loaded.expiresAt).toISOString();
		return {...loaded, expiresIso};
	}

	/**
	 * Marks the model in use with this context size. A model not loaded, or loaded with another
	 * num_ctx (Ollama reloads the runner then), is a cold load.
	 */
	use(profile: SimModelProfile, numCtx: number, keepAlive: Exclude<KeepAlive, {kind: 'invalid'}>, now = Date.now()): {cold: boolean} {
		this.pruneExpired(now);
		const current = this.loadedModels.get(profile.name);
		const cold = !current || current.numCtx !== numCtx;
		if (cold) this.loads.push({model: profile.name, numCtx, at: now});
		// Even keep_alive 0 serves the request first; the model is unloaded after it (its cache with it).
		const cache = cold ? [] : current.cache;
		const sessionMs =
			keepAlive.kind === 'forever' ? 'forever' : keepAlive.kind === 'unload' ? 0 : keepAlive.ms * (this.timeScale > 0 ? this.timeScale : 1);
		const expiresAt = sessionMs === 'forever' ? 'forever' : now + sessionMs;
		const inUse = cold ? 1 : current.inUse + 1;
		this.loadedModels.set(profile.name, {numCtx, expiresAt, inUse, sessionMs, cache});
		if (keepAlive.kind === 'unload') this.pendingUnload.add(profile.name);
		else this.pendingUnload.delete(profile.name);
		return {cold};
	}

	/** A request that used the model ended: its keep_alive starts counting when none is left. */
	release(profile: SimModelProfile, now = Date.now()): void {
		const loaded = this.loadedModels.get(profile.name);
		if (!loaded) return;
		loaded.inUse = Math.max(0, loaded.inUse - 1);
		if (loaded.inUse === 0) loaded.expiresAt = loaded.sessionMs === 'forever' ? 'forever' : now + loaded.sessionMs;
	}

	/** Every cold load (or reload at another num_ctx) so far, in order. */
	loadLog(): {model: string; numCtx: number; at: number}[] {
		return [...this.loads];
	}

	/**
	 * The prompt cache: how many leading tokens of `tokens` the loaded runner already holds from the
	 * previous prompt (at most all but the last, which is always evaluated), then remembers `tokens`.
	 */
	reusePrompt(profile: SimModelProfile, tokens: string[]): number {
		const loaded = this.loadedModels.get(profile.name);
		let shared = 0;
		const previous = loaded?.cache ?? [];
		while (shared < previous.length && shared < tokens.length - 1 && previous[shared] === tokens[shared]) shared++;
		if (loaded) loaded.cache = tokens;
		if (this.pendingUnload.delete(profile.name)) this.loadedModels.delete(profile.name);
		return shared;
	}

	unload(profile: SimModelProfile): void {
		this.loadedModels.delete(profile.name);
	}

	/** Weights + KV cache for num_ctx + compute buffers, and the share of it in GPU memory. */
	footprint(profile: SimModelProfile, numCtx: number): Footprint {
		const size = Math.round(profile.sizeBytes * 1.02 + numCtx * kvBytesPerToken(profile));
		return {size, sizeVram: Math.round(size * Math.min(1, Math.max(0, profile.gpuShare)))};
	}

	/** How many times this model has been asked to generate; seeds the per-request jitter. */
	nextUse(name: string): number {
		const count = (this.useCounts.get(name) ?? 0) + 1;
		this.useCounts.set(name, count);
		return count;
	}

	nextSequence(): number {
		this.sequence += 1;
		return this.sequence;
	}

	/** An interrupted pull's bytes on disk: its layers in pull order, the last one part-way. */
	seedPartial(name: string, bytes: number): void {
		const profile = this.profiles.get(normalizeName(name));
		if (!profile || this.installedAt.has(profile.name) || !(bytes > 0)) return;
		let left = bytes;
		for (const layer of profile.layers) {
			if (left <= 0 || this.blobs.has(layer.digest)) continue;
			if (left >= layer.size) this.addBlob(layer.digest);
			else this.partials.set(layer.digest, Math.max(this.partials.get(layer.digest) ?? 0, Math.floor(left)));
			left -= layer.size;
		}
	}

	/** What `ollama serve` loses when it restarts: loaded runners and partial downloads. */
	restart(): void {
		this.loadedModels.clear();
		this.partials.clear();
	}
}
